import { hasRecentPersonLine } from '../audit/audit.repository.ts'
import type { ServiceContext } from './persons.service.ts'

/**
 * "Who viewed this file" lists every reader, not only those shown a sensitive field (issue 10): opening a person's
 * file (GET /api/persons/:id, what the file page calls first) writes a `person.read` line. A refresh, a return from
 * another tab or the file's re-fetch after a save would write one each time: a reader's opening is written at most
 * once per person and quarter hour — none when this reader already has a `person.read` line about this person in
 * the last 15 minutes. Reads of sensitive fields keep their own line (`sensitive.read`) every time, naming the fields.
 */
export const FILE_READ_WINDOW_MS = 15 * 60_000

export async function auditFileOpened(ctx: ServiceContext, personId: string): Promise<void> {
  const { actor, now } = ctx
  const seen = await hasRecentPersonLine(ctx.tx, {
    structureId: actor.structureId,
    actorId: actor.userId,
    personId,
    action: 'person.read',
    since: new Date(now.getTime() - FILE_READ_WINDOW_MS),
  })
  if (!seen) await ctx.audit({ action: 'person.read', entity: 'person', entityId: personId })
}
