import type { Insertable, Selectable, Updateable } from 'kysely'
import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'
import type {
  PrescriptionStatus,
  TrainingPrescriptionEventTable,
  TrainingPrescriptionTable,
} from './training.tables.ts'

// The prescriptions' SQL (docs/training/prescriptions.md): the row, its history, the person's contact as a training
// body sees it, the prescriber's and the actors' names. The sessions are read with sessions.repository.ts.

export type PrescriptionRow = Selectable<TrainingPrescriptionTable>

export async function findPrescriptionRow(
  tx: Tx,
  structureId: string,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PrescriptionRow | undefined> {
  let q = tx
    .selectFrom('training_prescription')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
  if (opts.lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function insertPrescription(tx: Tx, values: Insertable<TrainingPrescriptionTable>) {
  return tx.insertInto('training_prescription').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Updates at the version read and bumps it; undefined when the row changed meanwhile. */
export async function updatePrescription(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  values: Updateable<TrainingPrescriptionTable>,
) {
  return tx
    .updateTable('training_prescription')
    .set({ ...values, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

export async function insertPrescriptionEvent(tx: Tx, values: Insertable<TrainingPrescriptionEventTable>) {
  await tx.insertInto('training_prescription_event').values(values).execute()
}

/** prescriptions of the person on the session still alive (not refused, not accepted, not cancelled) */
export async function livePrescriptionOnSession(tx: Tx, structureId: string, personId: string, sessionId: string) {
  return tx
    .selectFrom('training_prescription')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('person_id', '=', personId)
    .where('session_id', '=', sessionId)
    .where('status', 'not in', ['refused', 'not_accepted', 'cancelled'])
    .executeTakeFirst()
}

export interface PrescriptionFilter {
  ids?: string[]
  personId?: string
  status?: PrescriptionStatus
  statuses?: PrescriptionStatus[]
  sessionId?: string
  bodyIds?: string[]
  /** validated or waiting list, whose answer_due_on is before this day */
  answerDueBefore?: string
  /** the statuses a training body sees: validated and later, a cancellation after validation */
  portal?: boolean
  oldestFirst?: boolean
  limit?: number
}

/** Prescription rows with the person's identity and contact, and the prescriber's name. */
export async function listPrescriptionRows(tx: Tx, structureId: string, f: PrescriptionFilter = {}) {
  if (f.ids && f.ids.length === 0) return []
  if (f.bodyIds && f.bodyIds.length === 0) return []
  let q = tx
    .selectFrom('training_prescription as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.structure_id', '=', 'p.structure_id').onRef('pe.id', '=', 'p.person_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'p.prescriber_id')
    .selectAll('p')
    .select([
      'pe.first_name',
      'pe.last_name',
      'pe.birth_date',
      'pe.phone',
      'pe.email',
      'u.display_name as prescriber_name',
    ])
    .where('p.structure_id', '=', structureId)
  if (f.ids) q = q.where('p.id', 'in', f.ids)
  if (f.personId) q = q.where('p.person_id', '=', f.personId)
  if (f.status) q = q.where('p.status', '=', f.status)
  if (f.statuses) q = q.where('p.status', 'in', f.statuses)
  if (f.sessionId) q = q.where('p.session_id', '=', f.sessionId)
  if (f.answerDueBefore) q = q.where('p.answer_due_on', '<', f.answerDueBefore)
  if (f.bodyIds)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('training_session as s')
          .innerJoin('training_action as a', (j) =>
            j.onRef('a.structure_id', '=', 's.structure_id').onRef('a.id', '=', 's.action_id'),
          )
          .select('s.id')
          .whereRef('s.structure_id', '=', 'p.structure_id')
          .whereRef('s.id', '=', 'p.session_id')
          .where('a.body_id', 'in', f.bodyIds as string[]),
      ),
    )
  if (f.portal)
    q = q.where((eb) =>
      eb.or([
        eb('p.status', 'in', ['validated', 'accepted', 'waiting_list', 'not_accepted', 'entered', 'exited']),
        eb.and([eb('p.status', '=', 'cancelled'), eb('p.convened_at', 'is not', null)]),
      ]),
    )
  q = f.oldestFirst ? q.orderBy('p.filed_at').orderBy('p.id') : q.orderBy('p.filed_at', 'desc').orderBy('p.id')
  return q.limit(f.limit ?? 500).execute()
}
export type PrescriptionListRow = Awaited<ReturnType<typeof listPrescriptionRows>>[number]

/** the history of the prescriptions, oldest first, with the actors' names */
export async function eventsOf(tx: Tx, structureId: string, prescriptionIds: string[]) {
  if (prescriptionIds.length === 0) return []
  return tx
    .selectFrom('training_prescription_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.actor_id')
    .select(['e.prescription_id', 'e.at', 'e.from_status', 'e.to_status', 'e.note', 'u.display_name as actor_name'])
    .where('e.structure_id', '=', structureId)
    .where('e.prescription_id', 'in', prescriptionIds)
    .orderBy('e.at')
    .orderBy(sql`e.ctid`)
    .execute()
}

/** what the entry's situation is made of: the action's situation kind */
export async function actionSituationKind(tx: Tx, structureId: string, actionId: string) {
  const row = await tx
    .selectFrom('training_action')
    .select('situation_kind')
    .where('structure_id', '=', structureId)
    .where('id', '=', actionId)
    .executeTakeFirstOrThrow()
  return row.situation_kind
}

/** the situation an entry created, as it is now (read only: the accompaniment writes it) */
export async function readSituation(tx: Tx, personId: string, id: string) {
  return tx
    .selectFrom('situation')
    .select([
      'kind',
      'start_date',
      'planned_end_date',
      'end_date',
      'organisation_name',
      'hours_per_week',
      'note',
      'version',
    ])
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** the active training officers of the structure (told when a counsellor files again or cancels) */
export async function trainingOfficers(tx: Tx, structureId: string) {
  const rows = await tx
    .selectFrom('app_user')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('role', '=', 'training_officer')
    .where('active', '=', true)
    .execute()
  return rows.map((r) => r.id)
}

export async function structureName(tx: Tx, structureId: string) {
  const row = await tx.selectFrom('structure').select('name').where('id', '=', structureId).executeTakeFirstOrThrow()
  return row.name
}

export async function bodiesNamed(tx: Tx, structureId: string, ids: string[]) {
  if (ids.length === 0) return []
  return tx
    .selectFrom('training_body')
    .select(['id', 'name'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', ids)
    .orderBy('name')
    .execute()
}
