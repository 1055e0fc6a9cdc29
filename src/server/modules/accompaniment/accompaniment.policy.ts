import { capabilities } from '../../../shared/auth/roles.ts'
import { personPolicy } from '../persons/person.policy.ts'

/**
 * Who may use the daily accompaniment record. The rules are the person file's (person.policy.ts): reading the record
 * needs `file`, changing it `write`; the record scope (which persons) and the sensitive rule (health propositions)
 * come from there too.
 */
export const accompanimentPolicy = {
  read: personPolicy.file,
  write: personPolicy.write,
  caseload: personPolicy.caseload,
  /** the caseload as a CSV or XLSX file (audited): the caseload's readers who may export lists */
  caseloadExport: capabilities.listExport,
  /** the proposition themes are reference data that every form needs */
  reference: 'authenticated',
} as const
