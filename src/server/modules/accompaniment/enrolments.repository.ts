import type { Enrolment } from '../../../shared/accompaniment/situations.schema.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenDuring, enrolmentOpenOn } from './enrolment-open.ts'
import { findPersonRecord, updatePersonRecord } from './person-record.repository.ts'

export interface EnrolmentValues {
  programme_id: string
  entry_date: string
  exit_date: string | null
  exit_reason: string | null
  /** recorded planned end (an extended CEJ); left out: none */
  planned_end_date?: string | null
  reinforced: boolean
  referent_id: string | null
}

function baseQuery(tx: Tx, personId: string, today: string) {
  return tx
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .leftJoin('app_user as u', 'u.id', 'e.referent_id')
    .where('e.person_id', '=', personId)
    .select([
      'e.id',
      'e.person_id',
      'e.programme_id',
      'p.code as programme_code',
      'p.name as programme_name',
      'p.kind as programme_kind',
      'p.type as programme_type',
      'e.entry_date',
      'e.exit_date',
      'e.exit_reason',
      'e.planned_end_date',
      'e.reinforced',
      'e.referent_id',
      'u.display_name as referent_name',
      'e.version',
      enrolmentOpenOn('e', today).as('open'),
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

const present = (r: Row): Enrolment => ({
  id: r.id,
  personId: r.person_id,
  programmeId: r.programme_id,
  programmeCode: r.programme_code,
  programmeName: r.programme_name,
  programmeKind: r.programme_kind,
  programmeType: r.programme_type,
  entryDate: r.entry_date,
  exitDate: r.exit_date,
  exitReason: r.exit_reason as Enrolment['exitReason'],
  plannedEndDate: r.planned_end_date,
  reinforced: r.reinforced,
  referentId: r.referent_id,
  referentName: r.referent_name,
  open: !!r.open,
  version: r.version,
})

/** A person's enrolments, latest entry first. */
export async function listEnrolments(tx: Tx, personId: string, today: string) {
  const rows = await baseQuery(tx, personId, today)
    .orderBy('e.entry_date', 'desc')
    .orderBy('p.code')
    .orderBy('e.id')
    .execute()
  return rows.map(present)
}

export async function getEnrolment(tx: Tx, personId: string, id: string, today: string) {
  const row = await baseQuery(tx, personId, today).where('e.id', '=', id).executeTakeFirst()
  return row && present(row)
}

export async function findProgramme(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('programme')
    .select(['id', 'code', 'active'])
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()
}

/**
 * Another enrolment of the person in the same programme whose period meets [entry, exit] (no exit date: open-ended).
 * One enrolment at a time per programme: two open ones, or overlapping periods, would count the person twice.
 */
export async function findOverlap(
  tx: Tx,
  personId: string,
  v: Pick<EnrolmentValues, 'programme_id' | 'entry_date' | 'exit_date'>,
  exceptId?: string,
) {
  let q = tx
    .selectFrom('enrolment')
    .select(['id', 'entry_date', 'exit_date'])
    .where('person_id', '=', personId)
    .where('programme_id', '=', v.programme_id)
    // open on some day of the new period (an open-ended one runs to 'infinity', a date PostgreSQL knows)
    .where(enrolmentOpenDuring('enrolment', v.entry_date, v.exit_date ?? 'infinity'))
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export function findEnrolmentRow(tx: Tx, personId: string, id: string) {
  return findPersonRecord(tx, 'enrolment', personId, id)
}

export async function insertEnrolment(tx: Tx, structureId: string, personId: string, v: EnrolmentValues) {
  const { id } = await tx
    .insertInto('enrolment')
    .values({ structure_id: structureId, person_id: personId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateEnrolment(tx: Tx, personId: string, id: string, version: number, v: EnrolmentValues) {
  return updatePersonRecord(tx, 'enrolment', personId, id, version, v)
}
