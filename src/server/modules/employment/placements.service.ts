import type { z } from 'zod'
import { addDays, addMonths, frenchDate } from '../../../shared/dates.ts'
import { contractKinds, followUpMilestones } from '../../../shared/employment/employment.nomenclature.ts'
import type {
  FollowUpInput,
  followUpListQuery,
  HireInput,
  Placement,
} from '../../../shared/employment/offers.schema.ts'
import { notFound, versionConflict } from '../../errors.ts'
import { insertSituation } from '../accompaniment/index.ts'
import { hiresOf, insertCandidateEvent, updateCandidate } from './candidates.repository.ts'
import type { ContractKind } from './employment.tables.ts'
import { conflict, type EmploymentCtx, invalid, loadEmploymentPerson, todayOf } from './employment-ctx.ts'
import { findEmployer, lockOffer, updateOffer } from './offers.repository.ts'
import { ensureCandidateMove, loadCandidate } from './offers.service.ts'
import {
  type FollowUpRow,
  findFollowUp,
  followUpsOf,
  insertFollowUps,
  insertPlacement,
  listFollowUpRows,
  listPlacementRows,
  type PlacementRow,
  updateFollowUp,
} from './placements.repository.ts'

// Hires and their follow-up at 1, 3 and 6 months (docs/employment/offers.md « Hires », « Follow-ups »). A hire is a
// placement row and the person's employment situation, written through the accompaniment module's public entry.

const sid = (ctx: EmploymentCtx) => ctx.actor.structureId

const presentFollowUp = (f: FollowUpRow) => ({
  id: f.id,
  placementId: f.placement_id,
  milestoneMonths: f.milestone_months,
  dueOn: f.due_on,
  doneOn: f.done_on,
  outcome: f.outcome,
  note: f.note,
  version: f.version,
})

function presentPlacement(r: PlacementRow, followUps: FollowUpRow[]): Placement {
  return {
    id: r.id,
    person: {
      id: r.person_id,
      firstName: r.first_name,
      lastName: r.last_name,
      siteId: r.site_id,
      referentName: r.referent_name,
    },
    employerId: r.employer_id,
    employerName: r.employer_name,
    offerId: r.offer_id,
    contractKind: r.contract_kind,
    jobTitle: r.job_title,
    startDate: r.start_date,
    durationMonths: r.duration_months,
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    situationId: r.situation_id,
    officerName: r.officer_name,
    followUps: followUps.filter((f) => f.placement_id === r.id).map(presentFollowUp),
    version: r.version,
  }
}

export async function listPlacements(ctx: EmploymentCtx, f: { ids?: string[]; personId?: string } = {}) {
  const rows = await listPlacementRows(ctx.tx, ctx.actor, todayOf(ctx), f)
  const followUps = await followUpsOf(
    ctx.tx,
    sid(ctx),
    rows.map((r) => r.id),
  )
  return rows.map((r) => presentPlacement(r, followUps))
}

export async function onePlacement(ctx: EmploymentCtx, id: string) {
  const [p] = await listPlacements(ctx, { ids: [id] })
  if (!p) throw notFound('Ce recrutement')
  return p
}

/** the follow-ups' due dates: start + 1, 3 and 6 months */
export const followUpDueDates = (startDate: string) =>
  followUpMilestones.map((months) => ({ months, dueOn: addMonths(startDate, months) }))

/** the contract's planned end: the day before start + its months (none for a CDI or a length of 0) */
export const plannedEndOf = (kind: ContractKind, startDate: string, durationMonths: number | null) =>
  kind === 'cdi' || !durationMonths ? null : addDays(addMonths(startDate, durationMonths), -1)

/**
 * A hire, wherever it comes from (an offer's candidate here; an operation, a pool may call it): the person's
 * employment situation (the contract kinds are the accompaniment's employment situation kinds), the placement, and its
 * three follow-ups. The caller has checked the person's scope and the role.
 */
export async function createPlacement(
  ctx: EmploymentCtx,
  v: {
    personId: string
    employerId: string
    offerId?: string | null
    operationId?: string | null
    poolId?: string | null
    contractKind: ContractKind
    jobTitle: string | null
    romeCode: string | null
    startDate: string
    durationMonths: number | null
    hoursPerWeek: number | null
  },
) {
  const employer = await findEmployer(ctx.tx, sid(ctx), v.employerId)
  if (!employer) throw invalid('employerId', 'Entreprise introuvable.')
  const durationMonths = v.contractKind === 'cdi' ? null : v.durationMonths
  const situationId = await insertSituation(
    ctx.tx,
    { structureId: sid(ctx), personId: v.personId, counsellorId: ctx.actor.userId },
    {
      kind: v.contractKind,
      start_date: v.startDate,
      planned_end_date: plannedEndOf(v.contractKind, v.startDate, durationMonths),
      end_date: null,
      organisation_name: employer.name,
      hours_per_week: v.hoursPerWeek,
      note: `${contractKinds.labels[v.contractKind]}${v.jobTitle ? ` : ${v.jobTitle}` : ''} (recrutement enregistré par le service emploi)`,
    },
  )
  const id = await insertPlacement(ctx.tx, sid(ctx), {
    ...v,
    offerId: v.offerId ?? null,
    durationMonths,
    situationId,
    officerId: ctx.actor.userId,
  })
  await insertFollowUps(ctx.tx, sid(ctx), id, followUpDueDates(v.startDate))
  await ctx.audit({
    action: 'employment.placement.create',
    entity: 'placement',
    entityId: id,
    detail: { personId: v.personId, employerId: v.employerId, offerId: v.offerId ?? null, situationId },
  })
  return id
}

/**
 * The hire of an offer's candidate. The offer's row is locked, then its hires counted: two hires for the last
 * position are decided one after the other, the second answered 409. The last position taken fills the offer.
 */
export async function hire(ctx: EmploymentCtx, candidateId: string, input: HireInput) {
  const c = await loadCandidate(ctx, candidateId)
  if (c.version !== input.version) throw versionConflict()
  ensureCandidateMove(c.status, 'hired')
  const offer = await lockOffer(ctx.tx, sid(ctx), c.offer_id)
  if (!offer) throw notFound('Cette offre')
  if (offer.status !== 'open') throw conflict('status', 'Cette offre n’est plus ouverte : recrutement impossible.')
  // read after the lock: a hire that took a position before us has committed
  if ((await hiresOf(ctx.tx, sid(ctx), offer.id)) >= offer.positions)
    throw conflict('positions', 'Tous les postes de cette offre sont déjà pourvus.')
  if (input.startDate > addDays(todayOf(ctx), 366)) throw invalid('startDate', 'La date d’embauche est à plus d’un an.')
  const details = await ctx.tx
    .selectFrom('job_offer')
    .select(['employer_id', 'title', 'rome_code'])
    .where('structure_id', '=', sid(ctx))
    .where('id', '=', offer.id)
    .executeTakeFirstOrThrow()
  const placementId = await createPlacement(ctx, {
    personId: c.person_id,
    employerId: details.employer_id,
    offerId: offer.id,
    contractKind: input.contractKind,
    jobTitle: details.title,
    romeCode: details.rome_code,
    startDate: input.startDate,
    durationMonths: input.durationMonths,
    hoursPerWeek: input.hoursPerWeek,
  })
  if (!(await updateCandidate(ctx.tx, sid(ctx), c.id, input.version, { status: 'hired', placement_id: placementId })))
    throw versionConflict()
  await insertCandidateEvent(ctx.tx, sid(ctx), {
    candidateId: c.id,
    at: ctx.now,
    actorId: ctx.actor.userId,
    from: c.status,
    to: 'hired',
    note: `Embauche le ${frenchDate(input.startDate)}`,
  })
  if ((await hiresOf(ctx.tx, sid(ctx), offer.id)) >= offer.positions) {
    await updateOffer(ctx.tx, sid(ctx), offer.id, offer.version, { status: 'filled' })
    await ctx.audit({
      action: 'employment.offer.status',
      entity: 'job_offer',
      entityId: offer.id,
      detail: { from: 'open', to: 'filled', by: 'hire' },
    })
  }
  return onePlacement(ctx, placementId)
}

export async function listFollowUps(ctx: EmploymentCtx, q: z.output<typeof followUpListQuery>) {
  const today = todayOf(ctx)
  const rows = await listFollowUpRows(
    ctx.tx,
    ctx.actor,
    today,
    q.when === 'all'
      ? { dueBy: null }
      : q.when === 'overdue'
        ? { dueBy: null, dueBefore: today, done: false }
        : { dueBy: addDays(today, q.when === 'alerts' ? 7 : 30), done: false },
  )
  return { items: await withPlacements(ctx, rows) }
}

/** follow-ups with their placement (the list, the worklist) */
export async function withPlacements(ctx: EmploymentCtx, rows: FollowUpRow[]) {
  const placements = await listPlacementRows(ctx.tx, ctx.actor, todayOf(ctx), {
    ids: [...new Set(rows.map((r) => r.placement_id))],
  })
  const byId = new Map(placements.map((p) => [p.id, p]))
  return rows.flatMap((f) => {
    const p = byId.get(f.placement_id)
    if (!p) return []
    const { followUps: _, ...placement } = presentPlacement(p, [])
    return [{ ...presentFollowUp(f), placement }]
  })
}

/** The follow-up done: when and what was found (not in the future, not before the hire). */
export async function recordFollowUp(ctx: EmploymentCtx, id: string, input: FollowUpInput) {
  const row = await findFollowUp(ctx.tx, sid(ctx), id)
  if (!row) throw notFound('Ce suivi')
  await loadEmploymentPerson(ctx, row.person_id).catch(() => {
    throw notFound('Ce suivi')
  })
  if (input.doneOn > todayOf(ctx)) throw invalid('doneOn', 'La date du suivi ne peut pas être dans le futur.')
  if (input.doneOn < row.start_date) throw invalid('doneOn', 'La date du suivi précède l’embauche.')
  if (row.version !== input.version) throw versionConflict()
  const done = await updateFollowUp(ctx.tx, sid(ctx), id, input.version, {
    done_on: input.doneOn,
    outcome: input.outcome,
    note: input.note,
    done_by: ctx.actor.userId,
  })
  if (!done) throw versionConflict()
  await ctx.audit({
    action: 'employment.follow_up.record',
    entity: 'placement_follow_up',
    entityId: id,
    detail: { placementId: row.placement_id, outcome: input.outcome, doneOn: input.doneOn },
  })
  const [f] = await followUpsOf(ctx.tx, sid(ctx), [row.placement_id]).then((all) => all.filter((x) => x.id === id))
  return presentFollowUp(f!)
}
