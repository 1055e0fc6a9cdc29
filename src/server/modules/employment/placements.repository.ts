import { sql } from 'kysely'
import type { Actor, Tx } from '../../deps.ts'
import type { ContractKind, FollowUpOutcome } from './employment.tables.ts'
import { employmentPersons } from './offers.repository.ts'

// Placements (hires) and their follow-ups' SQL (docs/employment/offers.md « Hires », « Follow-ups »).

export interface PlacementValues {
  personId: string
  employerId: string
  offerId: string | null
  operationId?: string | null
  poolId?: string | null
  contractKind: ContractKind
  jobTitle: string | null
  romeCode: string | null
  startDate: string
  durationMonths: number | null
  hoursPerWeek: number | null
  situationId: string | null
  officerId: string
}

export async function insertPlacement(tx: Tx, structureId: string, v: PlacementValues) {
  const { id } = await tx
    .insertInto('placement')
    .values({
      structure_id: structureId,
      person_id: v.personId,
      employer_id: v.employerId,
      offer_id: v.offerId,
      operation_id: v.operationId ?? null,
      pool_id: v.poolId ?? null,
      contract_kind: v.contractKind,
      job_title: v.jobTitle,
      rome_code: v.romeCode,
      start_date: v.startDate,
      duration_months: v.durationMonths,
      hours_per_week: v.hoursPerWeek,
      situation_id: v.situationId,
      officer_id: v.officerId,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function insertFollowUps(
  tx: Tx,
  structureId: string,
  placementId: string,
  due: { months: number; dueOn: string }[],
) {
  await tx
    .insertInto('placement_follow_up')
    .values(
      due.map((d) => ({
        structure_id: structureId,
        placement_id: placementId,
        milestone_months: d.months,
        due_on: d.dueOn,
        done_on: null,
        outcome: null,
        note: null,
        done_by: null,
      })),
    )
    .execute()
}

export interface PlacementFilter {
  ids?: string[]
  personId?: string
  limit?: number
}

/** placements of the persons the actor sees, latest start first */
export async function listPlacementRows(tx: Tx, actor: Actor, today: string, f: PlacementFilter) {
  let q = tx
    .selectFrom('placement as pl')
    .innerJoin('person', (j) =>
      j.onRef('person.structure_id', '=', 'pl.structure_id').onRef('person.id', '=', 'pl.person_id'),
    )
    .innerJoin('employer as e', (j) =>
      j.onRef('e.structure_id', '=', 'pl.structure_id').onRef('e.id', '=', 'pl.employer_id'),
    )
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .leftJoin('app_user as o', 'o.id', 'pl.officer_id')
    .select([
      'pl.id',
      'pl.person_id',
      'person.first_name',
      'person.last_name',
      'person.site_id',
      'r.display_name as referent_name',
      'pl.employer_id',
      'e.name as employer_name',
      'pl.offer_id',
      'pl.contract_kind',
      'pl.job_title',
      'pl.start_date',
      'pl.duration_months',
      'pl.hours_per_week',
      'pl.situation_id',
      'o.display_name as officer_name',
      'pl.version',
    ])
    .where('pl.structure_id', '=', actor.structureId)
    .where(employmentPersons(actor, today))
  if (f.ids) q = f.ids.length ? q.where('pl.id', 'in', f.ids) : q.where(sql<boolean>`false`)
  if (f.personId) q = q.where('pl.person_id', '=', f.personId)
  return q
    .orderBy('pl.start_date', 'desc')
    .orderBy('pl.id')
    .limit(f.limit ?? 500)
    .execute()
}
export type PlacementRow = Awaited<ReturnType<typeof listPlacementRows>>[number]

const followUpColumns = [
  'f.id',
  'f.placement_id',
  'f.milestone_months',
  'f.due_on',
  'f.done_on',
  'f.outcome',
  'f.note',
  'f.version',
] as const

export async function followUpsOf(tx: Tx, structureId: string, placementIds: string[]) {
  if (!placementIds.length) return []
  return tx
    .selectFrom('placement_follow_up as f')
    .select(followUpColumns)
    .where('f.structure_id', '=', structureId)
    .where('f.placement_id', 'in', placementIds)
    .orderBy('f.due_on')
    .orderBy('f.milestone_months')
    .execute()
}
export type FollowUpRow = Awaited<ReturnType<typeof followUpsOf>>[number]

/** follow-ups of the persons the actor sees: not done and due on or before `dueBy` (all when null), by due date */
export async function listFollowUpRows(
  tx: Tx,
  actor: Actor,
  today: string,
  f: { dueBy: string | null; dueBefore?: string; done?: boolean },
) {
  let q = tx
    .selectFrom('placement_follow_up as f')
    .innerJoin('placement as pl', (j) =>
      j.onRef('pl.structure_id', '=', 'f.structure_id').onRef('pl.id', '=', 'f.placement_id'),
    )
    .innerJoin('person', (j) =>
      j.onRef('person.structure_id', '=', 'pl.structure_id').onRef('person.id', '=', 'pl.person_id'),
    )
    .select(followUpColumns)
    .where('f.structure_id', '=', actor.structureId)
    .where(employmentPersons(actor, today))
  if (f.done === false) q = q.where('f.done_on', 'is', null)
  if (f.dueBy) q = q.where('f.due_on', '<=', f.dueBy)
  if (f.dueBefore) q = q.where('f.due_on', '<', f.dueBefore)
  return q.orderBy('f.due_on').orderBy('f.id').limit(1000).execute()
}

/** a follow-up's row with its placement's person (the service checks the scope) */
export async function findFollowUp(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('placement_follow_up as f')
    .innerJoin('placement as pl', (j) =>
      j.onRef('pl.structure_id', '=', 'f.structure_id').onRef('pl.id', '=', 'f.placement_id'),
    )
    .select([...followUpColumns, 'pl.person_id', 'pl.start_date'])
    .where('f.structure_id', '=', structureId)
    .where('f.id', '=', id)
    .executeTakeFirst()
}

export async function updateFollowUp(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: { done_on: string; outcome: FollowUpOutcome; note: string | null; done_by: string },
) {
  return tx
    .updateTable('placement_follow_up')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}
