import { aidTracks, EMERGENCY_HOURS } from '../../../shared/aids/aids.nomenclature.ts'
import type { AidRequestInput } from '../../../shared/aids/requests.schema.ts'
import { ageOn, frenchDate } from '../../../shared/dates.ts'
import { formatEuros } from '../../../shared/money.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { type AidsCtx, ensureRequestInScope, invalid, loadAidPerson, todayOf } from './aids-ctx.ts'
import { checkAllowanceCeilings } from './allowance-ceilings.ts'
import { type FundRow, findFund, list } from './funds.repository.ts'
import { paymentsOf } from './payments.repository.ts'
import {
  findProject,
  findRequest,
  findSite,
  insertRequest,
  listPersonRequests,
  paymentTotals,
  presentRequest,
  programmeTypesOn,
  readRequest,
  requestExists,
  updateRequest,
} from './requests.repository.ts'

// A person's requests (docs/aids.md « Requests, decisions, payments »): asked by the counsellor from the person file,
// checked against the fund's rules on the day, complete once every document the fund asks is in.

const what = 'Cette demande d’aide'

/** A request in the actor's scope (another structure's, or a person the actor may not see: 404). */
export async function loadRequest(ctx: AidsCtx, id: string, opts: { lock?: boolean } = {}) {
  const row = await findRequest(ctx.tx, ctx.actor.structureId, id, opts)
  if (!row) throw notFound(what)
  await ensureRequestInScope(ctx, row.person_id)
  return row
}
export const requestView = async (ctx: AidsCtx, id: string) => (await readRequest(ctx.tx, ctx.actor.structureId, id))!
const exists = (ctx: AidsCtx, id: string) => () => requestExists(ctx.tx, ctx.actor.structureId, id)

/** Why the person may not ask this fund on the day (programme, age, commune); empty when eligible. */
async function eligibilityGaps(
  ctx: AidsCtx,
  fund: FundRow,
  person: { id: string; birth_date: string; commune_code: string | null },
  day: string,
) {
  const gaps: string[] = []
  const types = list(fund.programme_types)
  if (types.length) {
    const enrolled = await programmeTypesOn(ctx.tx, ctx.actor.structureId, person.id, day)
    if (!types.some((t) => enrolled.includes(t)))
      gaps.push(`Le ${fund.code} est réservé aux personnes inscrites ce jour dans un programme ${types.join(', ')}.`)
  }
  const age = ageOn(person.birth_date, day)
  if ((fund.min_age !== null && age < fund.min_age) || (fund.max_age !== null && age > fund.max_age))
    gaps.push(
      `Le ${fund.code} est ouvert de ${fund.min_age ?? 0} à ${fund.max_age ?? 120} ans (la personne a ${age} ans).`,
    )
  const communes = list(fund.communes)
  if (communes.length && !communes.includes(person.commune_code ?? ''))
    gaps.push(`La commune de résidence n’est pas parmi celles du ${fund.code}.`)
  return gaps
}

function checkDocuments(fund: FundRow, documents: string[]) {
  const known = list(fund.documents)
  const unknown = documents.find((d) => !known.includes(d))
  if (unknown !== undefined)
    throw invalid('documents', `« ${unknown} » n’est pas une pièce demandée par le ${fund.code}.`)
  return known.filter((d) => !documents.includes(d))
}

export async function askAid(ctx: AidsCtx, personId: string, input: AidRequestInput) {
  const { tx, actor } = ctx
  const s = actor.structureId
  const person = await loadAidPerson(ctx, personId)
  if (!(await findSite(tx, s, input.siteId))) throw invalid('siteId', 'Ce site n’existe pas.')
  const fund = await findFund(tx, s, input.fundId)
  if (!fund) throw invalid('fundId', 'Ce fonds n’existe pas.')
  const day = todayOf(ctx)
  if (!fund.active) throw invalid('fundId', `Le ${fund.code} n’est plus actif.`)
  if ((fund.opens_on && day < fund.opens_on) || (fund.closes_on && day > fund.closes_on))
    throw invalid(
      'fundId',
      `Le ${fund.code} n’est pas ouvert ce jour (${fund.opens_on ? `du ${frenchDate(fund.opens_on)}` : ''}${fund.closes_on ? ` au ${frenchDate(fund.closes_on)}` : ''}).`,
    )
  if (!list(fund.tracks).includes(input.track))
    throw invalid('track', `Le ${fund.code} ne prend pas la voie « ${aidTracks.labels[input.track]} ».`)
  if (!list(fund.purposes).includes(input.purpose))
    throw invalid('purpose', `Le ${fund.code} ne finance pas cet objet.`)
  const gaps = await eligibilityGaps(ctx, fund, person, day)
  if (gaps.length) throw invalid('fundId', gaps.join(' '))
  const amount = input.amountAskedCents
  if (fund.ceiling_request_cents !== null && amount > Number(fund.ceiling_request_cents))
    throw invalid(
      'amountAskedCents',
      `Au plus ${formatEuros(Number(fund.ceiling_request_cents))} par demande sur le ${fund.code}.`,
    )
  if (fund.fixed_amount_cents !== null && amount !== Number(fund.fixed_amount_cents))
    throw invalid(
      'amountAskedCents',
      `Le ${fund.code} accorde un montant fixe : ${formatEuros(Number(fund.fixed_amount_cents))}.`,
    )
  if (fund.kind === 'allowance') {
    if (!input.month) throw invalid('month', 'Indiquez le mois de l’allocation.')
    await checkAllowanceCeilings(ctx, fund, person.id, input.month, amount)
  } else if (input.month) throw invalid('month', 'Un mois se donne pour l’allocation seulement.')
  if (input.projectId) {
    const project = await findProject(tx, s, input.projectId)
    if (project?.fund_id !== fund.id) throw invalid('projectId', 'Ce projet n’existe pas sur ce fonds.')
  }
  const missing = checkDocuments(fund, input.documents)
  const id = await insertRequest(tx, s, {
    person_id: person.id,
    fund_id: fund.id,
    track: input.track,
    purpose: input.purpose,
    month: input.month,
    project_id: input.projectId,
    site_id: input.siteId,
    amount_asked_cents: amount,
    argument: input.argument,
    documents: input.documents,
    asked_on: day,
    asked_at: ctx.now,
    asked_by: actor.userId,
    due_at: input.track === 'emergency' ? new Date(ctx.now.getTime() + EMERGENCY_HOURS * 3_600_000) : null,
    status: missing.length ? 'submitted' : 'complete',
  })
  await ctx.audit({
    action: 'aids.request.create',
    entity: 'aid_request',
    entityId: id,
    detail: {
      personId: person.id,
      fundId: fund.id,
      track: input.track,
      purpose: input.purpose,
      amountAskedCents: amount,
    },
  })
  return requestView(ctx, id)
}

const undecided = (status: string) => status === 'submitted' || status === 'complete'

/** The documents received (the whole list): complete once none of the fund's is missing. */
export async function receiveDocuments(ctx: AidsCtx, id: string, documents: string[], version: number) {
  const row = await loadRequest(ctx, id)
  if (!undecided(row.status)) throw new AppError('conflict', 'Cette demande est déjà décidée ou annulée.')
  const fund = (await findFund(ctx.tx, ctx.actor.structureId, row.fund_id))!
  const missing = checkDocuments(fund, documents)
  const status = missing.length ? 'submitted' : 'complete'
  await ensureUpdated(
    await updateRequest(ctx.tx, ctx.actor.structureId, id, version, { documents, status }),
    exists(ctx, id),
    what,
  )
  await ctx.audit({
    action: 'aids.request.documents',
    entity: 'aid_request',
    entityId: id,
    detail: { documents, status },
  })
  return requestView(ctx, id)
}

export async function cancelRequest(ctx: AidsCtx, id: string, reason: string | null, version: number) {
  const row = await loadRequest(ctx, id)
  if (!undecided(row.status)) throw new AppError('conflict', 'Seule une demande pas encore décidée peut être annulée.')
  await ensureUpdated(
    await updateRequest(ctx.tx, ctx.actor.structureId, id, version, { status: 'cancelled', decision_reason: reason }),
    exists(ctx, id),
    what,
  )
  await ctx.audit({ action: 'aids.request.cancel', entity: 'aid_request', entityId: id, detail: { reason } })
  return requestView(ctx, id)
}

export async function oneRequest(ctx: AidsCtx, id: string) {
  await loadRequest(ctx, id)
  const request = await requestView(ctx, id)
  return { ...request, payments: await paymentsOf(ctx.tx, ctx.actor.structureId, [id]) }
}

/** The person file's list, the latest first, with each request's payments. */
export async function personRequests(ctx: AidsCtx, personId: string) {
  const person = await loadAidPerson(ctx, personId)
  const s = ctx.actor.structureId
  const rows = await listPersonRequests(ctx.tx, s, person.id)
  const ids = rows.map((r) => r.id)
  const totals = await paymentTotals(ctx.tx, s, ids)
  const payments = await paymentsOf(ctx.tx, s, ids)
  return rows.map((r) => ({
    ...presentRequest(r, totals.get(r.id)),
    payments: payments.filter((p) => p.requestId === r.id),
  }))
}
