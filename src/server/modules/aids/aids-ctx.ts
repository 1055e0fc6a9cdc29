import { can } from '../../../shared/auth/roles.ts'
import { dayIn } from '../../../shared/dates.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'

// What the aids' services receive from a route (as PlieCtx for the PLIE), and the scope rules they share
// (docs/aids.md « Access »).

/** The request's transaction, who, when, and the audit. */
export interface AidsCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

/** The structure's day (yyyy-mm-dd). */
export const todayOf = (ctx: AidsCtx) => dayIn(ctx.now, ctx.actor.timeZone)
export const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])
export const conflict = (field: string, message: string) => new AppError('conflict', message, [{ field, message }])

/** The aid officer and the director see every site's requests and envelopes (aidWholeStructure). */
export const seesWholeStructure = (actor: Actor) => can(actor.role, 'aidWholeStructure')

/**
 * A person whose aids the actor may see or ask: the structure's for the aid officer and the director, else the files
 * the person policy lets the actor see. Out of scope: 404, as if it did not exist.
 */
export async function loadAidPerson(ctx: AidsCtx, personId: string) {
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

/** Checks a request's person is in the actor's scope (404 on the request otherwise). */
export async function ensureRequestInScope(ctx: AidsCtx, personId: string) {
  await loadAidPerson(ctx, personId).catch(() => {
    throw notFound('Cette demande d’aide')
  })
}
