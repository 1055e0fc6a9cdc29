import type { Updateable } from 'kysely'
import { PRESCRIPTION_TRANSITIONS, prescriptionStatuses } from '../../../shared/training/training.nomenclature.ts'
import { versionConflict } from '../../errors.ts'
import { notify } from '../notifications/index.ts'
import {
  findPrescriptionRow,
  insertPrescriptionEvent,
  listPrescriptionRows,
  type PrescriptionRow,
  trainingOfficers,
  updatePrescription,
} from './prescriptions.repository.ts'
import { findSession } from './sessions.repository.ts'
import type { PrescriptionStatus, TrainingPrescriptionTable } from './training.tables.ts'
import { conflict, type TrainingCtx } from './training-ctx.ts'

// The one way a prescription changes status (docs/training/prescriptions.md « Statuses »): allowed by
// PRESCRIPTION_TRANSITIONS, at the version the caller read, with its history row, its audit line and the
// notification to the prescriber (or, when the counsellor acts, to the training officers).

export interface Move {
  to: PrescriptionStatus
  version: number
  values?: Updateable<TrainingPrescriptionTable>
  /** kept in the history */
  note?: string | null
  /** the audit line's action: training.prescription.<action> */
  action: string
  detail?: Record<string, unknown>
  /** what the prescriber is told after « Formation — <action> : <Prénom Nom> » (null: nobody is told) */
  tell?: string | null
  /** the counsellor acted: the training officers are told instead of the prescriber */
  tellOfficers?: boolean
}

const label = (s: PrescriptionStatus) => prescriptionStatuses.labels[s] ?? s

/** 409 on `status` when the table does not allow the move. */
export function ensureTransition(from: PrescriptionStatus, to: PrescriptionStatus) {
  if (!PRESCRIPTION_TRANSITIONS[from].includes(to))
    throw conflict('status', `Cette prescription est « ${label(from)} » : elle ne peut pas passer à « ${label(to)} ».`)
}

/**
 * Locks the prescription, checks the version and the transition, writes the change, the history, the audit line and
 * the notification. Answers the row as written.
 */
export async function movePrescription(ctx: TrainingCtx, id: string, move: Move): Promise<PrescriptionRow> {
  const s = ctx.actor.structureId
  const row = await findPrescriptionRow(ctx.tx, s, id, { lock: true })
  if (!row) throw versionConflict()
  if (row.version !== move.version) throw versionConflict()
  ensureTransition(row.status, move.to)
  const updated = await updatePrescription(ctx.tx, s, id, move.version, { ...move.values, status: move.to })
  if (!updated) throw versionConflict()
  await insertPrescriptionEvent(ctx.tx, {
    structure_id: s,
    prescription_id: id,
    at: ctx.now,
    actor_id: ctx.actor.userId,
    from_status: row.status,
    to_status: move.to,
    note: move.note ?? null,
  })
  await ctx.audit({
    action: `training.prescription.${move.action}`,
    entity: 'training_prescription',
    entityId: id,
    detail: { personId: row.person_id, sessionId: row.session_id, from: row.status, to: move.to, ...move.detail },
  })
  if (move.tell !== null && move.tell !== undefined) await tell(ctx, updated, move.tell, move.tellOfficers ?? false)
  return updated
}

/** « Formation — <action> : <Prénom Nom> <what> » to the prescriber, or to the training officers. */
async function tell(ctx: TrainingCtx, row: PrescriptionRow, what: string, officers: boolean) {
  const s = ctx.actor.structureId
  const session = await findSession(ctx.tx, s, row.session_id)
  const [p] = await listPrescriptionRows(ctx.tx, s, { ids: [row.id] })
  const text = `Formation — ${session?.actionTitle ?? 'action'} : ${p?.first_name} ${p?.last_name} ${what}`
  const recipients = officers ? await trainingOfficers(ctx.tx, s) : row.prescriber_id ? [row.prescriber_id] : []
  const link = officers ? `/formation/prescriptions/${row.id}` : `/personnes/${row.person_id}?onglet=formation`
  for (const recipientId of recipients)
    if (recipientId !== ctx.actor.userId) await notify(ctx.tx, { structureId: s, recipientId, text, link }, ctx.now)
}
