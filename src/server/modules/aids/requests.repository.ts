import { type Selectable, sql, type Updateable } from 'kysely'
import { requestStatuses } from '../../../shared/aids/aids.nomenclature.ts'
import type { AidRequest } from '../../../shared/aids/requests.schema.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'
import type { AidRequestTable, AidTrack } from './aids.tables.ts'
import { list } from './funds.repository.ts'

// A person's aid requests (SQL only; docs/aids.md « Requests, decisions, payments »).

export type RequestRow = Selectable<AidRequestTable> & {
  fund_code: string
  fund_name: string
  fund_decided_by: 'officer' | 'commission'
  fund_documents: unknown
}

const base = (tx: Tx, structureId: string) =>
  tx
    .selectFrom('aid_request as r')
    .innerJoin('aid_fund as f', (j) => j.onRef('f.structure_id', '=', 'r.structure_id').onRef('f.id', '=', 'r.fund_id'))
    .selectAll('r')
    .select([
      'f.code as fund_code',
      'f.name as fund_name',
      'f.decided_by as fund_decided_by',
      'f.documents as fund_documents',
    ])
    .where('r.structure_id', '=', structureId)

export function findRequest(tx: Tx, structureId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = base(tx, structureId).where('r.id', '=', id)
  return (opts.lock ? q.forUpdate('r') : q).executeTakeFirst() as Promise<RequestRow | undefined>
}

export function listPersonRequests(tx: Tx, structureId: string, personId: string) {
  return base(tx, structureId).where('r.person_id', '=', personId).orderBy('r.asked_at', 'desc').execute() as Promise<
    RequestRow[]
  >
}

/** Paid (counter-entries included) and scheduled, not yet paid, per request. */
export async function paymentTotals(tx: Tx, structureId: string, requestIds: string[]) {
  const totals = new Map<string, { paid: number; scheduled: number }>()
  if (!requestIds.length) return totals
  const rows = await sql<{ request_id: string; paid: number | string; scheduled: number | string }>`
    SELECT p.request_id,
      coalesce(sum(p.amount_cents) FILTER (WHERE p.paid_on IS NOT NULL), 0) AS paid,
      coalesce(sum(p.amount_cents) FILTER (WHERE p.paid_on IS NULL AND p.cancels_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM aid_payment c WHERE c.structure_id = p.structure_id AND c.cancels_id = p.id)), 0)
        AS scheduled
    FROM aid_payment p
    WHERE p.structure_id = ${structureId} AND p.request_id IN (${sql.join(requestIds)})
    GROUP BY p.request_id`.execute(tx)
  for (const r of rows.rows) totals.set(r.request_id, { paid: Number(r.paid), scheduled: Number(r.scheduled) })
  return totals
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export function presentRequest(r: RequestRow, totals = { paid: 0, scheduled: 0 }): AidRequest {
  const documents = list(r.documents)
  const needed = list(r.fund_documents)
  return {
    id: r.id,
    personId: r.person_id,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    fundName: r.fund_name,
    track: r.track,
    purpose: r.purpose,
    month: r.month,
    projectId: r.project_id,
    siteId: r.site_id,
    amountAskedCents: Number(r.amount_asked_cents),
    argument: r.argument,
    documents,
    missingDocuments: needed.filter((d) => !documents.includes(d)),
    askedOn: r.asked_on,
    askedAt: iso(r.asked_at)!,
    askedBy: r.asked_by,
    dueAt: iso(r.due_at),
    status: r.status,
    statusLabel: requestStatuses.labels[r.status],
    decidedIn: decidedIn(r.track, r.fund_decided_by),
    commissionId: r.commission_id,
    decidedOn: r.decided_on,
    decidedBy: r.decided_by,
    amountGrantedCents: r.amount_granted_cents === null ? null : Number(r.amount_granted_cents),
    refusalCriterion: r.refusal_criterion,
    redirectedFundId: r.redirected_fund_id,
    decisionReason: r.decision_reason,
    proofReceivedOn: r.proof_received_on,
    paidCents: totals.paid,
    scheduledCents: totals.scheduled,
    version: r.version,
  }
}

/** Who decides a request: an emergency, an officer; a reinforced aid, a commission; else as its fund says. */
export const decidedIn = (track: string, fundDecidedBy: 'officer' | 'commission') =>
  track === 'emergency' ? 'officer' : track === 'reinforced' ? 'commission' : fundDecidedBy

export interface RequestValues {
  person_id: string
  fund_id: string
  track: AidTrack
  purpose: string
  month: string | null
  project_id: string | null
  site_id: string
  amount_asked_cents: number
  argument: string | null
  documents: string[]
  asked_on: string
  asked_at: Date
  asked_by: string
  due_at: Date | null
  status: 'submitted' | 'complete'
}

export async function insertRequest(tx: Tx, structureId: string, v: RequestValues) {
  const { id } = await tx
    .insertInto('aid_request')
    .values({
      structure_id: structureId,
      ...v,
      documents: sql<string[]>`${JSON.stringify(v.documents)}::jsonb`,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Changes a request at the version read (undefined when it moved on). */
export function updateRequest(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: Omit<Updateable<AidRequestTable>, 'documents'> & { documents?: string[] },
) {
  const { documents, ...rest } = v
  return tx
    .updateTable('aid_request')
    .set({
      ...rest,
      ...(documents ? { documents: sql<string[]>`${JSON.stringify(documents)}::jsonb` } : {}),
      version: version + 1,
    })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function requestExists(tx: Tx, structureId: string, id: string) {
  const row = await tx
    .selectFrom('aid_request')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
  return !!row
}

/** The person's amounts granted by the fund in the year (the ceiling per person and year). */
export async function grantedToPerson(tx: Tx, structureId: string, fundId: string, personId: string, year: number) {
  const r = await tx
    .selectFrom('aid_request')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_granted_cents'), sql<number>`0`).as('cents'))
    .where('structure_id', '=', structureId)
    .where('fund_id', '=', fundId)
    .where('person_id', '=', personId)
    .where('status', 'in', ['granted', 'partly_granted'])
    .where('decided_on', '>=', `${year}-01-01`)
    .where('decided_on', '<=', `${year}-12-31`)
    .executeTakeFirst()
  return Number(r?.cents ?? 0)
}

/** The programme types the person is enrolled in on the day (the funds' eligibility). */
export async function programmeTypesOn(tx: Tx, structureId: string, personId: string, day: string) {
  const rows = await tx
    .selectFrom('enrolment')
    .innerJoin('programme', 'programme.id', 'enrolment.programme_id')
    .select('programme.type')
    .distinct()
    .where('enrolment.structure_id', '=', structureId)
    .where('enrolment.person_id', '=', personId)
    .where(enrolmentOpenOn('enrolment', day))
    .execute()
  return rows.map((r) => r.type as string)
}

export async function findSite(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('site')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findProject(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('aid_project')
    .select(['id', 'fund_id'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** A request as the API shows it, with its paid and scheduled totals. */
export async function readRequest(tx: Tx, structureId: string, id: string) {
  const row = await findRequest(tx, structureId, id)
  if (!row) return undefined
  return presentRequest(row, (await paymentTotals(tx, structureId, [id])).get(id))
}
