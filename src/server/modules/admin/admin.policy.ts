import type { Role } from '../../../shared/auth/roles.ts'
import { capabilities } from '../../../shared/auth/roles.ts'

// Who may do what in the administration area. Routes name these; nothing else decides.
export const adminPolicy = {
  /** the structure's name and time zone */
  manageStructure: capabilities.administration,
  manageSites: capabilities.administration,
  manageProgrammes: capabilities.administration,
  manageUsers: capabilities.administration,
  readAudit: capabilities.audit,
  /** one person's file in the audit trail: who read it, who changed it */
  readPersonAudit: capabilities.personAudit,
  /** the site and programme lists that every signed-in form needs (a person's site, a user's scope) */
  readReference: 'authenticated',
} as const satisfies Record<string, readonly Role[] | 'authenticated'>
