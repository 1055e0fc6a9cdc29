import type { Selectable } from 'kysely'
import type { Situation } from '../../../shared/accompaniment/situations.schema.ts'
import { groupOfSituation, type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import type { Tx } from '../../deps.ts'
import type { SituationTable } from './accompaniment.tables.ts'
import { updatePersonRecord } from './person-record.repository.ts'

export interface SituationValues {
  kind: string
  start_date: string
  planned_end_date: string | null
  end_date: string | null
  organisation_name: string | null
  hours_per_week: number | null
  note: string | null
}

const columns = [
  'id',
  'person_id',
  'kind',
  'start_date',
  'planned_end_date',
  'end_date',
  'organisation_name',
  'hours_per_week',
  'note',
  'counsellor_id',
  'version',
] as const
type Row = Pick<Selectable<SituationTable>, (typeof columns)[number]>

/** Open: no end date, or an end date today or later. */
export const isOpen = (endDate: string | null, today: string) => endDate === null || endDate >= today

const present =
  (today: string) =>
  (r: Row): Situation => {
    const kind = r.kind as SituationKind
    return {
      id: r.id,
      personId: r.person_id,
      kind,
      kindLabel: situationKinds[kind]?.label ?? r.kind,
      group: situationKinds[kind] ? groupOfSituation(kind) : 'other',
      startDate: r.start_date,
      plannedEndDate: r.planned_end_date,
      endDate: r.end_date,
      organisationName: r.organisation_name,
      hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
      note: r.note,
      counsellorId: r.counsellor_id,
      open: isOpen(r.end_date, today),
      version: r.version,
    }
  }

/** A person's situations, latest start first; the history is kept, never overwritten. */
export async function listSituations(tx: Tx, personId: string, today: string, open?: boolean) {
  let q = tx.selectFrom('situation').select(columns).where('person_id', '=', personId)
  if (open === true) q = q.where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
  if (open === false) q = q.where('end_date', '<', today)
  const rows = await q.orderBy('start_date', 'desc').orderBy('created_at', 'desc').orderBy('id').execute()
  return rows.map(present(today))
}

export async function getSituation(tx: Tx, personId: string, id: string, today: string) {
  const row = await tx
    .selectFrom('situation')
    .select(columns)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && present(today)(row)
}

export async function insertSituation(
  tx: Tx,
  ids: { structureId: string; personId: string; counsellorId: string },
  v: SituationValues,
) {
  const { id } = await tx
    .insertInto('situation')
    .values({ structure_id: ids.structureId, person_id: ids.personId, counsellor_id: ids.counsellorId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateSituation(tx: Tx, personId: string, id: string, version: number, v: SituationValues) {
  return updatePersonRecord(tx, 'situation', personId, id, version, v)
}

export async function situationExists(tx: Tx, personId: string, id: string) {
  return !!(await tx
    .selectFrom('situation')
    .select('id')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst())
}

export async function deleteSituation(tx: Tx, personId: string, id: string) {
  return tx
    .deleteFrom('situation')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .returning(['id', 'kind', 'start_date', 'end_date'])
    .executeTakeFirst()
}
