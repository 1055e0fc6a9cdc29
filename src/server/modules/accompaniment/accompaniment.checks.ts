import type { Actor, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'

/** What the services of this module receive from the route: the request's transaction, who, when, and the audit. */
export interface ServiceCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])

/** A user named on a record (counsellor, referent) must be an active user of the structure. */
export async function ensureStaff(tx: Tx, structureId: string, userId: string, field: string) {
  const row = await tx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('structure_id', '=', structureId)
    .where('active', '=', true)
    .executeTakeFirst()
  if (!row) throw invalid(field, 'Cet utilisateur n’existe pas dans la structure ou est désactivé.')
}

export async function ensureSite(tx: Tx, structureId: string, siteId: string, field: string) {
  const row = await tx
    .selectFrom('site')
    .select('id')
    .where('id', '=', siteId)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()
  if (!row) throw invalid(field, 'Ce site n’existe pas dans la structure.')
}

export { invalid }
