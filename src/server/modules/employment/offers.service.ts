import type { z } from 'zod'
import { can } from '../../../shared/auth/roles.ts'
import {
  type CandidateStatusCode,
  candidateStatuses,
  candidateTransitions,
  offerStatuses,
} from '../../../shared/employment/employment.nomenclature.ts'
import {
  type CandidateStatusInput,
  type OfferInput,
  type offerListQuery,
  type offerStatusInput,
  offerTransitions,
  type offerUpdateInput,
  type PositionInput,
} from '../../../shared/employment/offers.schema.ts'
import { declareConstraintConflict, forbidden, notFound, versionConflict } from '../../errors.ts'
import {
  countCandidates,
  findCandidate,
  insertCandidate,
  insertCandidateEvent,
  listCandidateRows,
  updateCandidate,
} from './candidates.repository.ts'
import { conflict, type EmploymentCtx, invalid, loadEmploymentPerson, todayOf } from './employment-ctx.ts'
import { presentCandidate, presentOffer, presentSummary } from './offers.present.ts'
import {
  contactOfEmployer,
  findEmployer,
  findOfferRow,
  insertOffer,
  listOfferRows,
  type OfferValues,
  replaceOfferSites,
  structureSites,
  updateOffer,
} from './offers.repository.ts'

// The shared offer form, its broadcast to the sites, and the people positioned on it (docs/employment/offers.md).

const positionedTwice = 'Cette personne est déjà positionnée sur cette offre.'
declareConstraintConflict('offer_candidate_person_key', positionedTwice, [
  { field: 'personId', message: positionedTwice },
])

const sid = (ctx: EmploymentCtx) => ctx.actor.structureId
const manages = (ctx: EmploymentCtx) => can(ctx.actor.role, 'employmentManage')

export async function listOffers(ctx: EmploymentCtx, q: z.output<typeof offerListQuery>) {
  // a counsellor's list is the open offers unless a status is asked
  const status = q.status ?? (manages(ctx) || can(ctx.actor.role, 'employmentWholeStructure') ? undefined : 'open')
  const rows = await listOfferRows(ctx.tx, ctx.actor, { ...q, status })
  return { items: rows.map(presentSummary) }
}

export async function oneOffer(ctx: EmploymentCtx, id: string) {
  const row = await findOfferRow(ctx.tx, ctx.actor, id)
  if (!row) throw notFound('Cette offre')
  const candidates = await listCandidateRows(ctx.tx, ctx.actor, todayOf(ctx), { offerId: id })
  return presentOffer(row, candidates, await countCandidates(ctx.tx, sid(ctx), id))
}

/** `keptContactId`: the offer's contact so far, which may stay even if the person has left the company since */
async function valuesOf(
  ctx: EmploymentCtx,
  input: OfferInput,
  keptContactId: string | null = null,
): Promise<Omit<OfferValues, 'status'>> {
  const employer = await findEmployer(ctx.tx, sid(ctx), input.employerId)
  if (!employer) throw invalid('employerId', 'Entreprise introuvable.')
  if (input.contactId) {
    const contact = await contactOfEmployer(ctx.tx, sid(ctx), input.employerId, input.contactId)
    if (!contact) throw invalid('contactId', 'Ce contact n’est pas un contact de cette entreprise.')
    if (!contact.active && contact.id !== keptContactId)
      throw invalid('contactId', 'Ce contact a quitté l’entreprise : choisissez un contact en poste.')
  }
  const sites = await structureSites(ctx.tx, sid(ctx))
  if (input.siteIds.some((s) => !sites.has(s))) throw invalid('siteIds', 'Site de diffusion inconnu.')
  return {
    employer_id: input.employerId,
    contact_id: input.contactId,
    title: input.title,
    rome_code: input.romeCode,
    contract_kind: input.contractKind,
    duration_months: input.contractKind === 'cdi' ? null : input.durationMonths,
    hours_per_week: input.hoursPerWeek,
    positions: input.positions,
    place: input.place,
    postcode: input.postcode,
    commune_code: input.communeCode,
    commune_name: input.communeName,
    level_2019: input.level2019,
    driving_licence_required: input.drivingLicenceRequired,
    experience_months: input.experienceMonths,
    requirements: input.requirements,
    description: input.description,
    starts_on: input.startsOn,
    closes_on: input.closesOn,
  }
}

export async function createOffer(ctx: EmploymentCtx, input: OfferInput) {
  if (!(await findEmployer(ctx.tx, sid(ctx), input.employerId))?.active)
    throw invalid('employerId', 'Entreprise introuvable ou inactive.')
  const values = await valuesOf(ctx, input)
  const id = await insertOffer(ctx.tx, sid(ctx), ctx.actor.userId, { ...values, status: input.status })
  await replaceOfferSites(ctx.tx, sid(ctx), id, input.siteIds)
  await ctx.audit({
    action: 'employment.offer.create',
    entity: 'job_offer',
    entityId: id,
    detail: { employerId: input.employerId, romeCode: input.romeCode, status: input.status, siteIds: input.siteIds },
  })
  return oneOffer(ctx, id)
}

/** The form again: a draft may be opened by it; otherwise the status stays (POST …/status moves it). */
export async function editOffer(ctx: EmploymentCtx, id: string, input: z.output<typeof offerUpdateInput>) {
  const row = await findOfferRow(ctx.tx, ctx.actor, id)
  if (!row) throw notFound('Cette offre')
  if (row.status === 'cancelled') throw conflict('status', 'Une offre annulée ne se modifie plus.')
  if (row.version !== input.version) throw versionConflict()
  const values = await valuesOf(ctx, input, row.contact_id)
  if (values.positions < (row.candidate_counts.hired ?? 0))
    throw invalid('positions', `Déjà ${row.candidate_counts.hired} recrutement(s) sur cette offre.`)
  const status = row.status === 'draft' ? input.status : row.status
  if (!(await updateOffer(ctx.tx, sid(ctx), id, input.version, { ...values, status }))) throw versionConflict()
  await replaceOfferSites(ctx.tx, sid(ctx), id, input.siteIds)
  await ctx.audit({ action: 'employment.offer.update', entity: 'job_offer', entityId: id, detail: { status } })
  return oneOffer(ctx, id)
}

export async function moveOffer(ctx: EmploymentCtx, id: string, input: z.output<typeof offerStatusInput>) {
  const row = await findOfferRow(ctx.tx, ctx.actor, id)
  if (!row) throw notFound('Cette offre')
  if (row.version !== input.version) throw versionConflict()
  if (!offerTransitions[row.status].includes(input.status))
    throw conflict(
      'status',
      `Une offre « ${offerStatuses.labels[row.status]} » ne passe pas à « ${offerStatuses.labels[input.status]} ».`,
    )
  if (!(await updateOffer(ctx.tx, sid(ctx), id, input.version, { status: input.status }))) throw versionConflict()
  await ctx.audit({
    action: 'employment.offer.status',
    entity: 'job_offer',
    entityId: id,
    detail: { from: row.status, to: input.status },
  })
  return oneOffer(ctx, id)
}

/** One candidate as the actor sees it (404 when its person is out of the actor's scope). */
export async function oneCandidate(ctx: EmploymentCtx, id: string) {
  const [row] = await listCandidateRows(ctx.tx, ctx.actor, todayOf(ctx), { ids: [id] })
  if (!row) throw notFound('Cette candidature')
  return presentCandidate(row)
}

/** A counsellor positions one of their people on an open offer broadcast to their site; the officer, anyone. */
export async function position(ctx: EmploymentCtx, offerId: string, input: PositionInput) {
  const offer = await findOfferRow(ctx.tx, ctx.actor, offerId)
  if (!offer) throw notFound('Cette offre')
  if (offer.status !== 'open') throw conflict('offerId', 'Cette offre n’est pas ouverte aux candidatures.')
  const person = await loadEmploymentPerson(ctx, input.personId).catch(() => {
    throw invalid('personId', 'Personne introuvable.')
  })
  const id = await insertCandidate(ctx.tx, sid(ctx), {
    offerId,
    personId: person.id,
    note: input.note,
    by: ctx.actor.userId,
    at: ctx.now,
  })
  await insertCandidateEvent(ctx.tx, sid(ctx), {
    candidateId: id,
    at: ctx.now,
    actorId: ctx.actor.userId,
    from: null,
    to: 'proposed',
    note: input.note,
  })
  await ctx.audit({
    action: 'employment.candidate.position',
    entity: 'offer_candidate',
    entityId: id,
    detail: { offerId, personId: person.id },
  })
  return oneCandidate(ctx, id)
}

/** The candidate's row in the actor's scope, with its offer's (both 404 when out of scope). */
export async function loadCandidate(ctx: EmploymentCtx, id: string) {
  const row = await findCandidate(ctx.tx, sid(ctx), id)
  if (!row) throw notFound('Cette candidature')
  await loadEmploymentPerson(ctx, row.person_id).catch(() => {
    throw notFound('Cette candidature')
  })
  return row
}

export function ensureCandidateMove(from: CandidateStatusCode, to: CandidateStatusCode) {
  if (!candidateTransitions[from].includes(to))
    throw conflict(
      'status',
      `Une candidature « ${candidateStatuses.labels[from]} » ne passe pas à « ${candidateStatuses.labels[to]} ».`,
    )
}

/**
 * The employer's answers (sent, interview, refused) are the department's; the counsellor may withdraw one of their
 * people. Each change is an event of the candidacy.
 */
export async function moveCandidate(ctx: EmploymentCtx, id: string, input: CandidateStatusInput) {
  const row = await loadCandidate(ctx, id)
  if (input.status !== 'withdrawn' && !manages(ctx))
    throw forbidden('Seul le chargé de relations entreprises enregistre les réponses de l’employeur.')
  if (row.version !== input.version) throw versionConflict()
  ensureCandidateMove(row.status, input.status)
  const updated = await updateCandidate(ctx.tx, sid(ctx), id, input.version, {
    status: input.status,
    refusal_reason: input.status === 'refused' ? input.refusalReason : null,
    interview_on: input.status === 'interview' ? input.interviewOn : row.interview_on,
  })
  if (!updated) throw versionConflict()
  await insertCandidateEvent(ctx.tx, sid(ctx), {
    candidateId: id,
    at: ctx.now,
    actorId: ctx.actor.userId,
    from: row.status,
    to: input.status,
    note: input.note,
  })
  await ctx.audit({
    action: 'employment.candidate.status',
    entity: 'offer_candidate',
    entityId: id,
    detail: { offerId: row.offer_id, personId: row.person_id, from: row.status, to: input.status },
  })
  return oneCandidate(ctx, id)
}
