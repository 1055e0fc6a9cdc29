import type { Prescription } from '../../../shared/training/prescriptions.schema.ts'
import type { PrescriptionStatusCode } from '../../../shared/training/training.nomenclature.ts'
import { notFound } from '../../errors.ts'
import {
  eventsOf,
  listPrescriptionRows,
  type PrescriptionFilter,
  type PrescriptionListRow,
} from './prescriptions.repository.ts'
import { findSessions } from './sessions.repository.ts'
import type { TrainingCtx } from './training-ctx.ts'

// A prescription as the API answers it (prescriptionSchema): its session with the places, the person reduced to what
// a training body needs, the history with the actors' names. The portal's view (`portal`) leaves out what the
// department and the counsellor wrote to each other: the argument, the department's note, what happened before
// the validation.

/** the statuses whose note the training body wrote or may read */
const BODY_NOTES: readonly PrescriptionStatusCode[] = ['accepted', 'waiting_list', 'not_accepted', 'entered', 'exited']

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export async function presentRows(
  ctx: TrainingCtx,
  rows: PrescriptionListRow[],
  opts: { portal?: boolean } = {},
): Promise<Prescription[]> {
  const s = ctx.actor.structureId
  const sessionIds = [...new Set(rows.map((r) => r.session_id))]
  const sessions = new Map((await findSessions(ctx.tx, s, { ids: sessionIds })).map((x) => [x.id, x]))
  const events = await eventsOf(
    ctx.tx,
    s,
    rows.map((r) => r.id),
  )
  return rows.map((r) => {
    const history = events
      .filter((e) => e.prescription_id === r.id)
      .filter((e) => !opts.portal || (r.convened_at !== null && new Date(e.at) >= new Date(r.convened_at)))
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        actorName: e.actor_name,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: opts.portal && !BODY_NOTES.includes(e.to_status) ? null : e.note,
      }))
    return {
      id: r.id,
      person: {
        id: r.person_id,
        firstName: r.first_name,
        lastName: r.last_name,
        birthDate: r.birth_date,
        phone: r.phone,
        email: r.email,
      },
      // a prescription's session exists (foreign key)
      session: sessions.get(r.session_id)!,
      prescriberName: r.prescriber_name,
      siteId: opts.portal ? null : r.site_id,
      argument: opts.portal ? '' : r.argument,
      status: r.status,
      filedAt: new Date(r.filed_at).toISOString(),
      answerDueOn: r.answer_due_on,
      decidedAt: iso(r.decided_at),
      departmentNote: opts.portal ? null : r.department_note,
      convenedAt: iso(r.convened_at),
      infoAttendance: r.info_attendance,
      testResult: r.test_result,
      outcomeReason: r.outcome_reason,
      answeredAt: iso(r.answered_at),
      entryDate: r.entry_date,
      situationId: opts.portal ? null : r.situation_id,
      hoursAttended: r.hours_attended,
      exitDate: r.exit_date,
      exitKind: r.exit_kind,
      qualificationObtained: r.qualification_obtained,
      resultNote: r.result_note,
      events: history,
      version: r.version,
    }
  })
}

export async function listPresented(ctx: TrainingCtx, f: PrescriptionFilter, opts: { portal?: boolean } = {}) {
  return presentRows(ctx, await listPrescriptionRows(ctx.tx, ctx.actor.structureId, f), opts)
}

export async function presentOne(ctx: TrainingCtx, id: string, opts: { portal?: boolean } = {}) {
  const [p] = await listPresented(ctx, { ids: [id] }, opts)
  if (!p) throw notFound('Cette prescription')
  return p
}
