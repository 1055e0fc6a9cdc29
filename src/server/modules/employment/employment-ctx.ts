import { can } from '../../../shared/auth/roles.ts'
import { dayIn } from '../../../shared/dates.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'

// What the employment services receive from a route (as TrainingCtx for the training), and the scope rules they share
// (docs/employment/README.md « Access »).

/** The request's transaction, who, when, and the audit. */
export interface EmploymentCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

/** The structure's day (yyyy-mm-dd). */
export const todayOf = (ctx: EmploymentCtx) => dayIn(ctx.now, ctx.actor.timeZone)
export const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])
export const conflict = (field: string, message: string) => new AppError('conflict', message, [{ field, message }])

/** The employment officer and the director see every site's offers and people (employmentWholeStructure). */
export const seesWholeStructure = (actor: Actor) => can(actor.role, 'employmentWholeStructure')

/**
 * A person the actor may position, hire, follow or see the employment of: the structure's for the employment officer
 * and the director, else the files the person policy lets the actor see. Out of scope: 404, as if it did not exist.
 */
export async function loadEmploymentPerson(ctx: EmploymentCtx, personId: string) {
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
