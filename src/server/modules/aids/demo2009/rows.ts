import type { Insertable } from 'kysely'
import { apportion, type Random } from '../../../demo/random.ts'
import type { Day } from '../../../demo/year2009/days.ts'
import type {
  AidCommissionMemberTable,
  AidCommissionTable,
  AidContractTable,
  AidIndirectTable,
  AidPaymentMode,
  AidPaymentRunTable,
  AidPaymentTable,
  AidProjectHolderTable,
  AidProjectTable,
  AidRequestStatus,
  AidRequestTable,
  AidTrack,
} from '../aids.tables.ts'
import type { FundCode } from './funds.ts'
import { at, iso, type Pickers } from './pick.ts'

// The rows of the aids' 2009 data set as they are built (requests.ts, projects.ts), and the helpers that write one
// request or payment with its dates, site and ids; aids-2009.ts writes them in bulk.

export interface Build {
  s: string
  r: Random
  pk: Pickers
  nextId: () => string
  fundId: Record<FundCode, string>
  siteOf: (p: number) => string
  staffOf: (p: number) => string
  rows: Rows
}

export class Rows {
  requests: Insertable<AidRequestTable>[] = []
  payments: Insertable<AidPaymentTable>[] = []
  contracts: Insertable<AidContractTable>[] = []
  runs: Insertable<AidPaymentRunTable>[] = []
  commissions: Insertable<AidCommissionTable>[] = []
  members: Insertable<AidCommissionMemberTable>[] = []
  projects: Insertable<AidProjectTable>[] = []
  holders: Insertable<AidProjectHolderTable>[] = []
  indirect: Insertable<AidIndirectTable>[] = []
}

export interface RequestSpec {
  fund: FundCode
  p: number
  track?: AidTrack
  purpose: string
  askedOn: Day
  status: AidRequestStatus
  askedCents: number
  grantedCents?: number
  decidedOn?: Day | null
  refusal?: string
  redirect?: FundCode
  month?: Day
  projectId?: string
  commissionId?: string
  reason?: string
}

/** a request of person `p`: asked at 9 h (UTC) on its day, an emergency due 48 hours later, decided at 14 h */
export function addRequest(b: Build, v: RequestSpec): string {
  const id = b.nextId()
  const askedAt = at(v.askedOn, 9)
  const granted = v.status === 'granted' || v.status === 'partly_granted'
  const decided = v.decidedOn ?? null
  b.rows.requests.push({
    structure_id: b.s,
    id,
    person_id: b.pk.base.personIds[v.p],
    fund_id: b.fundId[v.fund],
    track: v.track ?? 'ordinary',
    purpose: v.purpose,
    month: v.month === undefined ? null : iso(v.month),
    project_id: v.projectId ?? null,
    site_id: b.siteOf(v.p),
    amount_asked_cents: v.askedCents,
    argument: null,
    asked_on: iso(v.askedOn),
    asked_at: askedAt,
    asked_by: b.staffOf(v.p),
    due_at: v.track === 'emergency' ? new Date(askedAt.getTime() + 48 * 3_600_000) : null,
    status: v.status,
    commission_id: v.commissionId ?? null,
    decided_on: decided === null ? null : iso(decided),
    decided_at: decided === null ? null : at(decided, 14),
    decided_by: null,
    amount_granted_cents: granted ? (v.grantedCents ?? v.askedCents) : null,
    refusal_criterion: v.status === 'refused' ? (v.refusal ?? 'Hors critères du fonds') : null,
    redirected_fund_id: v.status === 'redirected' && v.redirect ? b.fundId[v.redirect] : null,
    decision_reason: v.reason ?? null,
    proof_received_on: null,
    external_id: null,
  })
  return id
}

/** a payment (paidOn) or a scheduled instalment (paidOn null, dueOn); a counter-entry names the payment it cancels */
export function addPayment(
  b: Build,
  requestId: string,
  v: {
    cents: number
    mode: AidPaymentMode
    paidOn: Day | null
    dueOn?: Day
    runId?: string
    cancels?: string
    reason?: string
  },
): string {
  const id = b.nextId()
  const day = v.paidOn ?? v.dueOn!
  b.rows.payments.push({
    structure_id: b.s,
    id,
    request_id: requestId,
    amount_cents: v.cents,
    mode: v.mode,
    payee: v.mode === 'third_party' ? 'Prestataire' : null,
    due_on: v.dueOn === undefined ? null : iso(v.dueOn),
    paid_on: v.paidOn === null ? null : iso(v.paidOn),
    run_id: v.runId ?? null,
    cancels_id: v.cancels ?? null,
    reason: v.reason ?? null,
    recorded_by: null,
    recorded_at: at(day, 10),
    external_id: null,
  })
  return id
}

/** `total` split into `n` parts of at least `min`, drawn around the mean (the parts add up to `total` exactly) */
export const spread = (r: Random, total: number, n: number, min: number): number[] =>
  apportion(
    total,
    Array.from({ length: n }, () => 0.5 + r.next()),
    min,
  )
