import { sql } from 'kysely'
import { projectNatures, type projectSectors, projectStatuses } from '../../../shared/aids/aids.nomenclature.ts'
import type {
  PresentationInput,
  Project,
  ProjectDecisionInput,
  ProjectInput,
  ProjectOutcomeInput,
  ProjectUpdateInput,
} from '../../../shared/aids/projects.schema.ts'
import { ageOn, dayIn } from '../../../shared/dates.ts'
import { formatEuros } from '../../../shared/money.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { type AidsCtx, conflict, invalid, seesWholeStructure, todayOf } from './aids-ctx.ts'
import { committedCents, lockEnvelopes } from './envelopes.repository.ts'
import { findFund, list } from './funds.repository.ts'
import {
  aidsOf,
  enrolledIn,
  findCommission,
  findProjectRow,
  holderRows,
  holdersOf,
  insertHolidayRequests,
  insertProject,
  listProjectRows,
  type ProjectFilter,
  type ProjectValues,
  projectExists,
  replaceHolders,
  siteExists,
  staffExists,
  updateProject,
  visibleHolders,
  withFundAid,
} from './projects.repository.ts'

// Youth projects (CLAP) and holiday projects (docs/aids.md « Youth projects (CLAP) and holidays »): the project file
// and its holders, its presentation to a committee, the decision (funding within the fund's envelope of the year),
// its outcome; a holiday project's aids, one request of the holiday fund per young person.

const what = 'Ce projet'
const sees = (ctx: AidsCtx) => (seesWholeStructure(ctx.actor) ? undefined : { actor: ctx.actor, today: todayOf(ctx) })

// Reading ----------------------------------------------------------------------------------------------------------

async function present(ctx: AidsCtx, rows: Awaited<ReturnType<typeof listProjectRows>>): Promise<Project[]> {
  const today = todayOf(ctx)
  const ids = rows.map((r) => r.id)
  const { seen, counts } = await holdersOf(ctx.tx, ctx.actor, today, ids)
  const aids = await aidsOf(ctx.tx, ctx.actor, today, ids)
  return rows.map((r) => ({
    id: r.id,
    fundId: r.fund_id,
    fundCode: r.fund_code,
    fundName: r.fund_name,
    fundKind: r.fund_kind === 'holiday' ? 'holiday' : 'project',
    title: r.title,
    form: r.form,
    nature: r.nature,
    sector: (r.sector as keyof typeof projectSectors.labels | null) ?? null,
    siteId: r.site_id,
    followedBy: r.followed_by,
    followedByName: r.followed_by_name ?? null,
    budgetCents: r.budget_cents === null ? null : Number(r.budget_cents),
    askedCents: r.asked_cents === null ? null : Number(r.asked_cents),
    commissionId: r.commission_id,
    presentedOn: r.presented_on,
    decision: r.decision,
    decidedOn: r.decided_on,
    grantedCents: r.granted_cents === null ? null : Number(r.granted_cents),
    jobsCreated: r.jobs_created,
    followUp: r.follow_up,
    status: r.status,
    statusLabel: projectStatuses.labels[r.status],
    createdOn: dayIn(new Date(r.created_at), ctx.actor.timeZone),
    holders: seen
      .filter((h) => h.project_id === r.id)
      .map((h) => ({ personId: h.id, lastName: h.last_name, firstName: h.first_name, birthDate: h.birth_date })),
    holderCount: counts.get(r.id) ?? 0,
    aids: aids.filter((a) => a.project_id === r.id).map(aidOut),
    version: r.version,
  }))
}

const aidOut = (a: Awaited<ReturnType<typeof aidsOf>>[number]) => ({
  requestId: a.id,
  personId: a.person_id,
  status: a.status,
  amountAskedCents: Number(a.amount_asked_cents),
  amountGrantedCents: a.amount_granted_cents === null ? null : Number(a.amount_granted_cents),
  askedOn: a.asked_on,
})

/** One project, if the reader sees one of its holders (the aid officer and the director: any); else 404. */
export async function readProject(ctx: AidsCtx, id: string): Promise<Project> {
  const [project] = await present(
    ctx,
    await listProjectRows(ctx.tx, ctx.actor.structureId, { id, visibleTo: sees(ctx) }),
  )
  if (!project) throw notFound(what)
  return project
}

export async function listProjects(
  ctx: AidsCtx,
  q: { fundId?: string; year?: number; status?: ProjectFilter['status'] },
): Promise<Project[]> {
  const period = q.year === undefined ? {} : { from: `${q.year}-01-01`, to: `${q.year}-12-31` }
  const by = { fundId: q.fundId, status: q.status, ...period, visibleTo: sees(ctx) }
  return present(ctx, await listProjectRows(ctx.tx, ctx.actor.structureId, by))
}

/** The projects a person holds (the person file), the person being one the reader sees. */
export async function personProjects(ctx: AidsCtx, personId: string): Promise<Project[]> {
  const [person] = await visibleHolders(ctx.tx, ctx.actor, todayOf(ctx), [personId])
  if (!person) throw notFound('Cette personne')
  return present(ctx, await listProjectRows(ctx.tx, ctx.actor.structureId, { personId, visibleTo: sees(ctx) }))
}

// The project file -------------------------------------------------------------------------------------------------

async function checked(ctx: AidsCtx, input: ProjectInput): Promise<ProjectValues> {
  const s = ctx.actor.structureId
  const fund = await findFund(ctx.tx, s, input.fundId)
  if (!fund || (fund.kind !== 'project' && fund.kind !== 'holiday'))
    throw invalid('fundId', 'Choisissez un fonds de projets de jeunes (CLAP) ou d’aides aux vacances.')
  if (fund.kind === 'holiday' && input.nature !== 'holiday')
    throw invalid('nature', 'Un projet d’un fonds de vacances est de nature « Vacances ».')
  if (fund.kind === 'project' && input.nature === 'holiday')
    throw invalid('nature', `Nature « ${projectNatures.labels.holiday} » : choisissez un fonds d’aides aux vacances.`)
  const holders = await visibleHolders(ctx.tx, ctx.actor, todayOf(ctx), input.holderIds)
  if (holders.length < input.holderIds.length) {
    const message = 'Cette personne est introuvable.'
    throw new AppError('not_found', message, [{ field: 'holderIds', message }])
  }
  if (input.siteId && !(await siteExists(ctx.tx, s, input.siteId))) throw invalid('siteId', 'Site inconnu.')
  if (input.followedBy && !(await staffExists(ctx.tx, s, input.followedBy)))
    throw invalid('followedBy', 'Choisissez un utilisateur actif de la structure.')
  const first = holders.find((h) => h.id === input.holderIds[0])
  return {
    fund_id: input.fundId,
    title: input.title,
    form: input.form,
    nature: input.nature,
    sector: input.sector,
    site_id: input.siteId ?? first?.site_id ?? null,
    followed_by: input.followedBy,
    budget_cents: input.budgetCents,
    asked_cents: input.askedCents,
  }
}

export async function createProject(ctx: AidsCtx, input: ProjectInput) {
  const v = await checked(ctx, input)
  const id = await insertProject(ctx.tx, ctx.actor.structureId, v)
  await replaceHolders(ctx.tx, ctx.actor.structureId, id, input.holderIds)
  await ctx.audit({ action: 'create', entity: 'aid_project', entityId: id, detail: { ...v, holders: input.holderIds } })
  return readProject(ctx, id)
}

async function loadForWrite(ctx: AidsCtx, id: string) {
  const row = await findProjectRow(ctx.tx, ctx.actor.structureId, id)
  if (!row) throw notFound(what)
  return row
}
const save = async (ctx: AidsCtx, id: string, version: number, v: Parameters<typeof updateProject>[4]) =>
  ensureUpdated(
    await updateProject(ctx.tx, ctx.actor.structureId, id, version, v),
    () => projectExists(ctx.tx, ctx.actor.structureId, id),
    what,
  )

export async function changeProject(ctx: AidsCtx, id: string, input: ProjectUpdateInput) {
  const row = await loadForWrite(ctx, id)
  if (row.status !== 'accompanied' && row.status !== 'presented')
    throw conflict('version', 'Ce projet est décidé : seule sa suite se renseigne encore.')
  if (row.status === 'presented' && input.fundId !== row.fund_id)
    throw invalid('fundId', 'Un projet présenté au comité garde son fonds.')
  const v = await checked(ctx, input)
  await save(ctx, id, input.version, v)
  await replaceHolders(ctx.tx, ctx.actor.structureId, id, input.holderIds)
  await ctx.audit({ action: 'update', entity: 'aid_project', entityId: id, detail: { ...v, holders: input.holderIds } })
  return readProject(ctx, id)
}

// Committee, decision, outcome -------------------------------------------------------------------------------------

export async function presentProject(ctx: AidsCtx, id: string, input: PresentationInput) {
  const row = await loadForWrite(ctx, id)
  if (!(row.status === 'accompanied' || (row.status === 'presented' && row.decision === 'deferred')))
    throw conflict('version', 'Ce projet est déjà présenté au comité.')
  let presentedOn = input.presentedOn
  if (input.commissionId) {
    const commission = await findCommission(ctx.tx, ctx.actor.structureId, input.commissionId)
    if (!commission || commission.fund_id !== row.fund_id)
      throw invalid('commissionId', 'Choisissez une commission du fonds du projet.')
    presentedOn ??= commission.date
  }
  const v = {
    status: 'presented' as const,
    commission_id: input.commissionId,
    presented_on: presentedOn,
    decision: null,
    decided_on: null,
  }
  await save(ctx, id, input.version, v)
  await ctx.audit({ action: 'present', entity: 'aid_project', entityId: id, detail: v })
  return readProject(ctx, id)
}

export async function decideProject(ctx: AidsCtx, id: string, input: ProjectDecisionInput) {
  const row = await loadForWrite(ctx, id)
  if (row.status !== 'presented') throw conflict('decision', 'Seul un projet présenté au comité se décide.')
  if (input.decidedOn > todayOf(ctx))
    throw invalid('decidedOn', 'La décision ne peut pas être postérieure à aujourd’hui.')
  if (row.presented_on && input.decidedOn < row.presented_on)
    throw invalid('decidedOn', 'La décision ne peut pas précéder la présentation au comité.')
  if (input.decision === 'funded') {
    const granted = input.grantedCents ?? 0
    if (row.asked_cents !== null && granted > Number(row.asked_cents))
      throw invalid('grantedCents', `Au plus le montant demandé (${formatEuros(Number(row.asked_cents))}).`)
    const s = ctx.actor.structureId
    const year = Number(input.decidedOn.slice(0, 4))
    const fund = await findFund(ctx.tx, s, row.fund_id)
    const allocated = await lockEnvelopes(ctx.tx, s, row.fund_id, year)
    const left = allocated - (await committedCents(ctx.tx, s, row.fund_id, year))
    if (granted > left)
      throw conflict(
        'grantedCents',
        `Il reste ${formatEuros(Math.max(left, 0))} sur l’enveloppe ${year} du ${fund?.code ?? 'fonds'}.`,
      )
  }
  const v = {
    status: input.decision === 'deferred' ? ('presented' as const) : input.decision,
    decision: input.decision,
    decided_on: input.decidedOn,
    granted_cents: input.decision === 'funded' ? input.grantedCents : null,
  }
  await save(ctx, id, input.version, v)
  await ctx.audit({ action: 'decide', entity: 'aid_project', entityId: id, detail: v })
  return readProject(ctx, id)
}

export async function closeProject(ctx: AidsCtx, id: string, input: ProjectOutcomeInput) {
  const row = await loadForWrite(ctx, id)
  const from = input.outcome === 'completed' ? ['funded', 'completed'] : ['accompanied', 'presented', 'funded']
  if (!from.includes(row.status))
    throw conflict(
      'outcome',
      input.outcome === 'completed'
        ? 'Seul un projet financé peut être réalisé.'
        : 'Ce projet ne peut plus être abandonné.',
    )
  const v = { status: input.outcome, follow_up: input.followUp, jobs_created: input.jobsCreated }
  await save(ctx, id, input.version, v)
  await ctx.audit({
    action: input.outcome === 'completed' ? 'complete' : 'abandon',
    entity: 'aid_project',
    entityId: id,
    detail: v,
  })
  return readProject(ctx, id)
}

// Holiday aids -----------------------------------------------------------------------------------------------------

/**
 * One aid of the holiday fund per holder of a holiday project (the fund's fixed amount), all at once or none: every
 * holder must meet the fund's rules (age, programme, commune on the day) and not have this fund's aid of the year.
 */
export async function createHolidayAids(ctx: AidsCtx, id: string, version: number) {
  const s = ctx.actor.structureId
  const today = todayOf(ctx)
  const row = await loadForWrite(ctx, id)
  const fund = await findFund(ctx.tx, s, row.fund_id)
  if (fund?.kind !== 'holiday')
    throw conflict('fundId', 'Les aides aux vacances se demandent pour un projet d’un fonds de vacances.')
  if (row.status === 'refused' || row.status === 'abandoned')
    throw conflict('version', `Projet ${projectStatuses.labels[row.status].toLowerCase()} : pas d’aide aux vacances.`)
  if (fund.fixed_amount_cents === null) throw conflict('fundId', `Le fonds ${fund.code} n’a pas de montant par jeune.`)
  if (!fund.active || (fund.opens_on && today < fund.opens_on) || (fund.closes_on && today > fund.closes_on))
    throw conflict('fundId', `Le fonds ${fund.code} n’est pas ouvert aujourd’hui.`)
  // the project first (a second call with the same version: 409), then the fund (two projects holding the same person)
  await save(ctx, id, version, {})
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`aids.holiday:${s}:${fund.id}`}))`.execute(ctx.tx)
  const holders = await holderRows(ctx.tx, s, id)
  const ids = holders.map((h) => h.id)
  const year = today.slice(0, 4)
  const types = list(fund.programme_types)
  const communes = list(fund.communes)
  const enrolled = await enrolledIn(ctx.tx, s, ids, types, today)
  const already = await withFundAid(ctx.tx, s, fund.id, ids, `${year}-01-01`, `${year}-12-31`)
  const problems: { field: string; message: string }[] = []
  for (const h of holders) {
    const name = `${h.first_name} ${h.last_name}`
    const age = ageOn(h.birth_date, today)
    const refuse = (why: string) => problems.push({ field: `holders.${h.id}`, message: `${name} : ${why}` })
    if (fund.max_age !== null && age > fund.max_age)
      refuse(`${age} ans, ce fonds est réservé aux ${fund.max_age} ans au plus.`)
    if (fund.min_age !== null && age < fund.min_age)
      refuse(`${age} ans, ce fonds est réservé aux ${fund.min_age} ans et plus.`)
    if (types.length > 0 && !enrolled.has(h.id)) refuse('pas de programme ouvrant droit à ce fonds.')
    if (communes.length > 0 && !(h.commune_code && communes.includes(h.commune_code)))
      refuse('commune de résidence hors du territoire du fonds.')
    if (already.has(h.id)) refuse(`a déjà une aide ${fund.code} en ${year}.`)
  }
  if (problems.length > 0) throw new AppError('conflict', problems.map((p) => p.message).join(' '), problems)
  const created = await insertHolidayRequests(
    ctx.tx,
    holders.map((h) => ({
      structureId: s,
      personId: h.id,
      fundId: fund.id,
      projectId: id,
      siteId: h.site_id,
      amountCents: Number(fund.fixed_amount_cents),
      askedOn: today,
      askedBy: ctx.actor.userId,
    })),
  )
  for (const r of created)
    await ctx.audit({
      action: 'create',
      entity: 'aid_request',
      entityId: r.id,
      detail: { projectId: id, purpose: 'holiday' },
    })
  await ctx.audit({ action: 'holiday_aids', entity: 'aid_project', entityId: id, detail: { requests: created.length } })
  const project = await readProject(ctx, id)
  const mine = new Set(created.map((r) => r.id))
  return { project, created: project.aids.filter((a) => mine.has(a.requestId)) }
}
