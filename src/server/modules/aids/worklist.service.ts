import { aidPurposes, requestStatuses } from '../../../shared/aids/aids.nomenclature.ts'
import type { Worklist } from '../../../shared/aids/requests.schema.ts'
import { notFound } from '../../errors.ts'
import { type AidsCtx, todayOf } from './aids-ctx.ts'
import { envelopeFigures, monthlyFigures } from './envelopes.repository.ts'
import { findFund, fundOf, list, listFunds } from './funds.repository.ts'
import { decidedIn } from './requests.repository.ts'
import { dueInstalments, type OpenRequestRow, openRequests, requestCounts } from './worklist.repository.ts'

// The aid officer's worklist, the fund's dashboard and the director's view (docs/aids.md « Worklist and
// dashboards »). The aid officer and the director see the whole structure.

const nameOf = (r: { last_name: string; first_name: string }) =>
  `${r.last_name.toLocaleUpperCase('fr-FR')} ${r.first_name}`
const HOUR = 3_600_000

function item(ctx: AidsCtx, r: OpenRequestRow) {
  const documents = list(r.documents)
  const dueAt = r.due_at === null ? null : new Date(r.due_at)
  return {
    id: r.id,
    personId: r.person_id,
    personName: nameOf(r),
    fundId: r.fund_id,
    fundCode: r.fund_code,
    track: r.track as 'ordinary',
    purpose: r.purpose,
    status: r.status as 'submitted',
    amountAskedCents: Number(r.amount_asked_cents),
    amountGrantedCents: r.amount_granted_cents === null ? null : Number(r.amount_granted_cents),
    paidCents: Number(r.paid),
    missingDocuments: list(r.fund_documents).filter((d) => !documents.includes(d)),
    askedOn: r.asked_on,
    dueAt: dueAt ? dueAt.toISOString() : null,
    hoursLeft: dueAt ? Math.floor((dueAt.getTime() - ctx.now.getTime()) / HOUR) : null,
    version: r.version,
  }
}

export async function worklist(ctx: AidsCtx): Promise<Worklist> {
  const rows = await openRequests(ctx.tx, ctx.actor.structureId)
  const of = (keep: (r: OpenRequestRow) => boolean) => rows.filter(keep).map((r) => item(ctx, r))
  const granted = (r: OpenRequestRow) => r.status === 'granted' || r.status === 'partly_granted'
  const instalments = await dueInstalments(ctx.tx, ctx.actor.structureId, todayOf(ctx))
  return {
    toComplete: of((r) => r.status === 'submitted'),
    toDecide: of((r) => r.status === 'complete' && decidedIn(r.track, r.fund_decided_by) === 'officer'),
    emergencies: of((r) => r.track === 'emergency' && (r.status === 'submitted' || r.status === 'complete')),
    toPay: of((r) => granted(r) && Number(r.recorded) < Number(r.amount_granted_cents)),
    instalmentsDue: instalments.map((p) => ({
      id: p.id,
      requestId: p.request_id,
      personId: p.person_id,
      personName: nameOf(p),
      fundCode: p.fund_code,
      amountCents: Number(p.amount_cents),
      dueOn: p.due_on,
    })),
    proofsAwaited: of((r) => granted(r) && Number(r.paid) > 0 && r.proof_received_on === null),
  }
}

export async function fundDashboard(ctx: AidsCtx, fundId: string, year: number) {
  const s = ctx.actor.structureId
  const fund = await findFund(ctx.tx, s, fundId)
  if (!fund) throw notFound('Ce fonds')
  const counts = await requestCounts(ctx.tx, s, fundId, year)
  const byStatus = requestStatuses.codes
    .map((status) => ({
      status,
      label: requestStatuses.labels[status],
      count: counts.filter((c) => c.status === status).reduce((n, c) => n + c.count, 0),
    }))
    .filter((x) => x.count > 0)
  const purposes = [...new Set(counts.map((c) => c.purpose))].sort()
  const byPurpose = purposes.map((purpose) => {
    const mine = counts.filter((c) => c.purpose === purpose)
    return {
      purpose,
      label: aidPurposes.labels[purpose as keyof typeof aidPurposes.labels] ?? purpose,
      count: mine.reduce((n, c) => n + c.count, 0),
      grantedCents: mine.reduce((n, c) => n + c.granted, 0),
    }
  })
  return {
    fund: fundOf(fund),
    envelope: await envelopeFigures(ctx.tx, s, fundId, year),
    months: await monthlyFigures(ctx.tx, s, fundId, year),
    byStatus,
    byPurpose,
  }
}

/** Every fund's year: allocated, committed, paid, remaining. */
export async function overview(ctx: AidsCtx, year: number) {
  const s = ctx.actor.structureId
  const funds = await listFunds(ctx.tx, s)
  const rows = []
  for (const f of funds)
    rows.push({ code: f.code, name: f.name, active: f.active, ...(await envelopeFigures(ctx.tx, s, f.id, year)) })
  return { year, funds: rows }
}
