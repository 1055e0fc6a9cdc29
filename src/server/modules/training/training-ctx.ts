import { can } from '../../../shared/auth/roles.ts'
import { dayIn } from '../../../shared/dates.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'

// What the training services receive from a route (as AidsCtx for the aids), and the scope rules they share
// (docs/training/README.md « Access »).

/** The request's transaction, who, when, and the audit. */
export interface TrainingCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

/** The structure's day (yyyy-mm-dd). */
export const todayOf = (ctx: TrainingCtx) => dayIn(ctx.now, ctx.actor.timeZone)
export const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])
export const conflict = (field: string, message: string) => new AppError('conflict', message, [{ field, message }])

/** The training officer and the director see every site's prescriptions (trainingWholeStructure). */
export const seesWholeStructure = (actor: Actor) => can(actor.role, 'trainingWholeStructure')

/**
 * A person whose prescriptions the actor may see or file: the structure's for the training officer and the director,
 * else the files the person policy lets the actor see. Out of scope: 404, as if it did not exist.
 */
export async function loadTrainingPerson(ctx: TrainingCtx, personId: string) {
  if (!seesWholeStructure(ctx.actor)) return loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const row = await ctx.tx
    .selectFrom('person')
    .selectAll()
    .where('structure_id', '=', ctx.actor.structureId)
    .where('id', '=', personId)
    .executeTakeFirst()
  if (!row) throw notFound('Cette personne')
  return row
}

/** The training bodies a partner account is bound to (empty: the account sees nothing of the training). */
export async function bodiesOfPartner(ctx: TrainingCtx): Promise<string[]> {
  const rows = await ctx.tx
    .selectFrom('training_body_user')
    .select('body_id')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('user_id', '=', ctx.actor.userId)
    .execute()
  return rows.map((r) => r.body_id)
}
