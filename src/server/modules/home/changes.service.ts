import { dayIn } from '../../../shared/dates.ts'
import { CHANGES_DAYS, CHANGES_SHOWN, type Changes } from '../../../shared/home/home.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { changesOnFollowed, markSeen, seenAt } from './changes.repository.ts'

/** What an audit line changed, in the words of the home page (what the line's detail holds is never shown). */
export function wordsOf(entity: string, action: string): string {
  if (entity === 'person') {
    if (action === 'create') return 'le dossier créé'
    if (action.startsWith('attribute.')) return 'la situation à date'
    if (action.startsWith('status.')) return 'un statut'
    if (action.startsWith('note.')) return 'une note'
    return 'l’identité'
  }
  if (entity === 'appointment') {
    if (action === 'arrival') return 'une arrivée'
    if (action === 'arrival.undo') return 'une arrivée annulée'
    return 'une présence à un rendez-vous'
  }
  const words: Record<string, string> = {
    event: 'un événement',
    situation: 'une situation',
    enrolment: 'un programme',
    proposition: 'une proposition',
  }
  return words[entity] ?? 'le dossier'
}

/**
 * What others changed on the files the counsellor follows since they last marked the changes seen (at most
 * CHANGES_DAYS back), a line per person, the most recent first.
 */
export async function recentChanges(tx: Tx, actor: Actor, now: Date): Promise<Changes> {
  const seen = await seenAt(tx, actor.userId)
  const floor = new Date(now.getTime() - CHANGES_DAYS * 86_400_000)
  const since = seen && seen > floor ? seen : floor
  const lines = await changesOnFollowed(tx, actor.structureId, actor.userId, since, dayIn(now, actor.timeZone))
  const byPerson = new Map<string, Changes['items'][number]>()
  for (const l of lines) {
    const what = wordsOf(l.entity, l.action)
    const item = byPerson.get(l.person_id)
    if (!item)
      byPerson.set(l.person_id, {
        personId: l.person_id,
        lastName: l.last_name,
        firstName: l.first_name,
        count: 1,
        what: [what],
        lastAt: l.at.toISOString(),
        lastBy: l.actor_label,
      })
    else {
      item.count++
      if (!item.what.includes(what)) item.what.push(what)
    }
  }
  const items = [...byPerson.values()]
  return {
    since: since.toISOString(),
    seenAt: seen ? seen.toISOString() : null,
    total: items.length,
    items: items.slice(0, CHANGES_SHOWN),
  }
}

export async function markChangesSeen(tx: Tx, actor: Actor, now: Date): Promise<Changes> {
  await markSeen(tx, actor.structureId, actor.userId, now)
  return recentChanges(tx, actor, now)
}
