import { sql } from 'kysely'
import type { Actor, Tx } from '../../deps.ts'
import type { CandidateStatus, RefusalReason } from './employment.tables.ts'
import { employmentPersons } from './offers.repository.ts'

// The people positioned on offers and their events' SQL (docs/employment/offers.md « Candidates »).

export interface CandidateFilter {
  offerId?: string
  personId?: string
  ids?: string[]
  /** sent or interview since before that instant (the worklist) */
  waitingSince?: Date
}

/** candidates, restricted to the persons the actor sees (all the structure's for the department) */
export async function listCandidateRows(tx: Tx, actor: Actor, today: string, f: CandidateFilter) {
  let q = tx
    .selectFrom('offer_candidate as c')
    .innerJoin('person', (j) =>
      j.onRef('person.structure_id', '=', 'c.structure_id').onRef('person.id', '=', 'c.person_id'),
    )
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .leftJoin('app_user as p', 'p.id', 'c.positioned_by')
    .select([
      'c.id',
      'c.offer_id',
      'c.person_id',
      'person.first_name',
      'person.last_name',
      'person.site_id',
      'r.display_name as referent_name',
      'c.status',
      'c.refusal_reason',
      'c.note',
      'p.display_name as positioned_by_name',
      'c.positioned_at',
      'c.interview_on',
      'c.placement_id',
      'c.version',
    ])
    .where('c.structure_id', '=', actor.structureId)
    .where(employmentPersons(actor, today))
  if (f.offerId) q = q.where('c.offer_id', '=', f.offerId)
  if (f.personId) q = q.where('c.person_id', '=', f.personId)
  if (f.ids) q = f.ids.length ? q.where('c.id', 'in', f.ids) : q.where(sql<boolean>`false`)
  if (f.waitingSince) {
    const since = f.waitingSince
    q = q.where('c.status', 'in', ['sent', 'interview']).where((eb) =>
      eb(
        eb.fn.coalesce(
          eb
            .selectFrom('offer_candidate_event as ev')
            .select((e) => e.fn.max('ev.at').as('last'))
            .whereRef('ev.structure_id', '=', 'c.structure_id')
            .whereRef('ev.candidate_id', '=', 'c.id'),
          'c.positioned_at',
        ),
        '<',
        since,
      ),
    )
  }
  const rows = await q.orderBy('c.positioned_at').orderBy('c.id').execute()
  const events = rows.length
    ? await tx
        .selectFrom('offer_candidate_event as ev')
        .leftJoin('app_user as u', 'u.id', 'ev.actor_id')
        .select(['ev.candidate_id', 'ev.at', 'u.display_name', 'ev.from_status', 'ev.to_status', 'ev.note'])
        .where('ev.structure_id', '=', actor.structureId)
        .where(
          'ev.candidate_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('ev.at')
        .orderBy('ev.id')
        .execute()
    : []
  return rows.map((r) => ({ ...r, events: events.filter((e) => e.candidate_id === r.id) }))
}
export type CandidateRow = Awaited<ReturnType<typeof listCandidateRows>>[number]

/** how many candidates of the offer the actor does not see */
export async function countCandidates(tx: Tx, structureId: string, offerId: string) {
  const { n } = await tx
    .selectFrom('offer_candidate')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('structure_id', '=', structureId)
    .where('offer_id', '=', offerId)
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** a candidate's bare row, whoever's file it is (the service checks the scope) */
export async function findCandidate(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('offer_candidate')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertCandidate(
  tx: Tx,
  structureId: string,
  v: { offerId: string; personId: string; note: string | null; by: string; at: Date },
) {
  const { id } = await tx
    .insertInto('offer_candidate')
    .values({
      structure_id: structureId,
      offer_id: v.offerId,
      person_id: v.personId,
      note: v.note,
      positioned_by: v.by,
      positioned_at: v.at,
      refusal_reason: null,
      interview_on: null,
      placement_id: null,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateCandidate(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: {
    status: CandidateStatus
    refusal_reason?: RefusalReason | null
    interview_on?: string | null
    placement_id?: string | null
  },
) {
  return tx
    .updateTable('offer_candidate')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(['id', 'version'])
    .executeTakeFirst()
}

export async function insertCandidateEvent(
  tx: Tx,
  structureId: string,
  v: {
    candidateId: string
    at: Date
    actorId: string
    from: CandidateStatus | null
    to: CandidateStatus
    note: string | null
  },
) {
  await tx
    .insertInto('offer_candidate_event')
    .values({
      structure_id: structureId,
      candidate_id: v.candidateId,
      at: v.at,
      actor_id: v.actorId,
      from_status: v.from,
      to_status: v.to,
      note: v.note,
    })
    .execute()
}

/** how many of the offer's positions are taken (its hires) */
export async function hiresOf(tx: Tx, structureId: string, offerId: string) {
  const { n } = await tx
    .selectFrom('placement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('structure_id', '=', structureId)
    .where('offer_id', '=', offerId)
    .executeTakeFirstOrThrow()
  return Number(n)
}

/** who positioned a candidacy (an active user of the structure), the offer and the person, for the status mail */
export const positionerOf = (tx: Tx, structureId: string, candidateId: string) =>
  tx
    .selectFrom('offer_candidate as c')
    .innerJoin('app_user as u', 'u.id', 'c.positioned_by')
    .innerJoin('job_offer as o', (j) =>
      j.onRef('o.structure_id', '=', 'c.structure_id').onRef('o.id', '=', 'c.offer_id'),
    )
    .innerJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'c.structure_id').onRef('p.id', '=', 'c.person_id'))
    .select([
      'u.id as user_id',
      'u.email',
      'u.display_name',
      'o.id as offer_id',
      'o.title',
      'p.first_name',
      'p.last_name',
    ])
    .where('c.structure_id', '=', structureId)
    .where('c.id', '=', candidateId)
    .where('u.structure_id', '=', structureId)
    .where('u.active', '=', true)
    .executeTakeFirst()
