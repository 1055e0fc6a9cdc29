import { defineServerModule } from '../module.ts'
import { auditCommand, dbGrantsCommand } from './audit.commands.ts'
import * as m20261130T1010 from './migrations/20261130T1010_audit_chain.ts'
import * as m20261203T0900 from './migrations/20261203T0900_audit_by_person.ts'

/** The audit trail (a hash chain) and the database roles that protect it; its screen is the admin's audit page. */
export const auditModule = defineServerModule({
  name: 'audit',
  tables: ['audit_event', 'audit_chain_head'],
  // one national chain, ordered by the one head row: on the coordinator (docs/operations.md)
  distribution: { audit_event: 'local', audit_chain_head: 'local' },
  migrations: {
    '20261130T1010_audit_chain': m20261130T1010,
    '20261203T0900_audit_by_person': m20261203T0900,
  },
  commands: [auditCommand, dbGrantsCommand],
})
