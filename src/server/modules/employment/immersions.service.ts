import type { Updateable } from 'kysely'
import type { z } from 'zod'
import { addMonths, frenchDate } from '../../../shared/dates.ts'
import { immersionStatuses } from '../../../shared/employment/employment.nomenclature.ts'
import {
  type assessmentInput,
  type cancelInput,
  type Immersion,
  type ImmersionInput,
  type ImmersionUpdateInput,
  type immersionListQuery,
  MAX_WITH_SAME_HOST,
  type outcomeInput,
  type signInput,
} from '../../../shared/employment/immersions.schema.ts'
import { AppError, notFound, versionConflict } from '../../errors.ts'
import type { ImmersionStatus, ImmersionTable } from './employment.tables.ts'
import { conflict, type EmploymentCtx, invalid, loadEmploymentPerson, todayOf } from './employment-ctx.ts'
import { renderAgreement } from './immersion-agreement-pdf.ts'
import {
  employerExists,
  findImmersionRow,
  type ImmersionRow,
  insertImmersion,
  listImmersions,
  liveWithHost,
  lockPerson,
  moduleExists,
  placementOfPerson,
  poolExists,
  updateImmersion,
} from './immersions.repository.ts'

// Work immersions (PMSMP, docs/employment/immersions.md): the counsellor prepares the agreement for one of their
// people, the employment officer signs it, the tutor's assessment is recorded, the officer closes it once over, and
// what followed is kept (a contract may point at the hire). Statuses: draft → signed → done; draft or signed →
// cancelled. The agreement's PDF for the three signatures.

const what = 'Cette immersion'
const label = (s: ImmersionStatus) => immersionStatuses.labels[s] ?? s

/** An immersion the actor may read: its person in the actor's scope; else 404, as if it did not exist. */
export async function loadImmersion(ctx: EmploymentCtx, id: string): Promise<ImmersionRow> {
  const row = await findImmersionRow(ctx.tx, ctx.actor.structureId, id)
  if (!row) throw notFound(what)
  try {
    await loadEmploymentPerson(ctx, row.person_id)
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') throw notFound(what)
    throw e
  }
  return row
}

export async function presentImmersion(ctx: EmploymentCtx, id: string): Promise<Immersion> {
  const [one] = await listImmersions(ctx.tx, ctx.actor, todayOf(ctx), { ids: [id] })
  if (!one) throw notFound(what)
  return one
}

type Agreement = Omit<ImmersionUpdateInput, 'version'>

/** the host, the module and the pool exist; with the same host, renewed once at most within 12 months */
async function checkAgreement(ctx: EmploymentCtx, personId: string, a: Agreement, except: string | null) {
  const s = ctx.actor.structureId
  if (!(await employerExists(ctx.tx, s, a.employerId))) throw invalid('employerId', 'Cette entreprise n’existe pas.')
  if (
    a.programmeId !== null &&
    a.moduleNumber !== null &&
    !(await moduleExists(ctx.tx, s, a.programmeId, a.moduleNumber))
  )
    throw invalid('moduleNumber', 'Ce module n’existe pas dans ce programme.')
  if (a.poolId !== null && !(await poolExists(ctx.tx, s, a.poolId))) throw invalid('poolId', 'Ce vivier n’existe pas.')
  await lockPerson(ctx.tx, s, personId)
  const others = await liveWithHost(
    ctx.tx,
    s,
    personId,
    a.employerId,
    addMonths(a.startsOn, -12),
    addMonths(a.startsOn, 12),
    except,
  )
  if (others >= MAX_WITH_SAME_HOST)
    throw conflict(
      'employerId',
      'Cette personne a déjà deux immersions dans cette entreprise sur douze mois : une immersion ne se renouvelle qu’une fois.',
    )
}

const columns = (a: Agreement): Updateable<ImmersionTable> => ({
  employer_id: a.employerId,
  objective: a.objective,
  job_title: a.jobTitle,
  rome_code: a.romeCode,
  activities: a.activities,
  skills_observed: a.skillsObserved,
  place: a.place,
  tutor_name: a.tutorName,
  tutor_job_title: a.tutorJobTitle,
  tutor_phone: a.tutorPhone,
  tutor_email: a.tutorEmail,
  starts_on: a.startsOn,
  ends_on: a.endsOn,
  hours_per_week: a.hoursPerWeek,
  schedule: a.schedule,
  programme_id: a.programmeId,
  module_number: a.moduleNumber,
  pool_id: a.poolId,
})

export async function createImmersion(ctx: EmploymentCtx, input: ImmersionInput) {
  const { personId, ...a } = input
  await loadEmploymentPerson(ctx, personId)
  await checkAgreement(ctx, personId, a, null)
  const row = await insertImmersion(ctx.tx, {
    ...columns(a),
    structure_id: ctx.actor.structureId,
    person_id: personId,
    employer_id: a.employerId,
    objective: a.objective,
    job_title: a.jobTitle,
    tutor_name: a.tutorName,
    starts_on: a.startsOn,
    ends_on: a.endsOn,
    prescriber_id: ctx.actor.userId,
    status: 'draft',
    external_id: null,
  })
  await ctx.audit({
    action: 'employment.immersion.create',
    entity: 'immersion',
    entityId: row.id,
    detail: { personId, employerId: a.employerId },
  })
  return presentImmersion(ctx, row.id)
}

interface Move {
  from: ImmersionStatus[]
  to?: ImmersionStatus
  version: number
  values?: Updateable<ImmersionTable>
  action: string
  detail?: Record<string, unknown>
}

/** Locks the row, checks the version and the status, writes, audits. 409 on a stale version or a refused move. */
async function move(ctx: EmploymentCtx, id: string, m: Move): Promise<Immersion> {
  const s = ctx.actor.structureId
  const row = await findImmersionRow(ctx.tx, s, id, { lock: true })
  if (!row || row.version !== m.version) throw versionConflict()
  if (!m.from.includes(row.status))
    throw conflict(
      'status',
      m.to
        ? `Cette immersion est « ${label(row.status)} » : elle ne peut pas passer à « ${label(m.to)} ».`
        : `Cette immersion est « ${label(row.status)} » : cette action n’est plus possible.`,
    )
  const updated = await updateImmersion(ctx.tx, s, id, m.version, { ...m.values, ...(m.to ? { status: m.to } : {}) })
  if (!updated) throw versionConflict()
  await ctx.audit({
    action: `employment.immersion.${m.action}`,
    entity: 'immersion',
    entityId: id,
    detail: { personId: row.person_id, from: row.status, to: m.to ?? row.status, ...m.detail },
  })
  return presentImmersion(ctx, id)
}

/** The agreement's fields, while it is a draft (a signed agreement is not rewritten). */
export async function updateAgreement(ctx: EmploymentCtx, id: string, input: ImmersionUpdateInput) {
  const row = await loadImmersion(ctx, id)
  const { version, ...a } = input
  await checkAgreement(ctx, row.person_id, a, id)
  return move(ctx, id, { from: ['draft'], version, values: columns(a), action: 'update' })
}

/** The employment officer records the three signatures (no later than today). */
export async function signAgreement(ctx: EmploymentCtx, id: string, input: z.output<typeof signInput>) {
  await loadImmersion(ctx, id)
  if (input.signedOn > todayOf(ctx)) throw invalid('signedOn', 'La date de signature ne peut pas être dans le futur.')
  return move(ctx, id, {
    from: ['draft'],
    to: 'signed',
    version: input.version,
    values: { signed_on: input.signedOn },
    action: 'sign',
  })
}

/** The tutor's assessment: validated or not, what was observed; once signed (and corrected once done). */
export async function recordAssessment(ctx: EmploymentCtx, id: string, input: z.output<typeof assessmentInput>) {
  const row = await loadImmersion(ctx, id)
  if (row.starts_on > todayOf(ctx))
    throw conflict('status', `L’immersion commence le ${frenchDate(row.starts_on)} : l’évaluation vient après.`)
  return move(ctx, id, {
    from: ['signed', 'done'],
    version: input.version,
    values: {
      validated: input.validated,
      assessment: input.assessment,
      ...(input.skillsObserved !== null ? { skills_observed: input.skillsObserved } : {}),
    },
    action: 'assess',
    detail: { validated: input.validated },
  })
}

/** Done: the last day has passed and the assessment is recorded. */
export async function completeImmersion(ctx: EmploymentCtx, id: string, version: number) {
  const row = await loadImmersion(ctx, id)
  if (row.status === 'signed') {
    if (row.ends_on >= todayOf(ctx))
      throw conflict('endsOn', `L’immersion se termine le ${frenchDate(row.ends_on)} : elle se clôt après.`)
    if (row.validated === null)
      throw conflict('validated', 'Enregistrez d’abord l’évaluation du tuteur (validée ou non).')
  }
  return move(ctx, id, { from: ['signed'], to: 'done', version, action: 'complete' })
}

/** Cancelled at any time before done. */
export async function cancelImmersion(ctx: EmploymentCtx, id: string, input: z.output<typeof cancelInput>) {
  await loadImmersion(ctx, id)
  return move(ctx, id, {
    from: ['draft', 'signed'],
    to: 'cancelled',
    version: input.version,
    action: 'cancel',
    detail: { reason: input.reason },
  })
}

/** What followed a finished immersion; a contract may point at the person's hire (a placement). */
export async function recordOutcome(ctx: EmploymentCtx, id: string, input: z.output<typeof outcomeInput>) {
  const row = await loadImmersion(ctx, id)
  if (input.placementId && !(await placementOfPerson(ctx.tx, ctx.actor.structureId, input.placementId, row.person_id)))
    throw invalid('placementId', 'Cette embauche n’est pas celle de cette personne.')
  return move(ctx, id, {
    from: ['done'],
    version: input.version,
    values: { outcome: input.outcome, placement_id: input.placementId },
    action: 'outcome',
    detail: { outcome: input.outcome, placementId: input.placementId },
  })
}

export async function oneImmersion(ctx: EmploymentCtx, id: string) {
  await loadImmersion(ctx, id)
  return presentImmersion(ctx, id)
}

export async function immersionList(ctx: EmploymentCtx, q: z.output<typeof immersionListQuery>) {
  if (q.personId) await loadEmploymentPerson(ctx, q.personId)
  return listImmersions(ctx.tx, ctx.actor, todayOf(ctx), q)
}

/** The agreement for the three signatures: for its readers, whatever the status but cancelled. */
export async function agreementPdf(ctx: EmploymentCtx, id: string): Promise<{ pdf: Buffer; immersion: Immersion }> {
  await loadImmersion(ctx, id)
  const immersion = await presentImmersion(ctx, id)
  if (immersion.status === 'cancelled') throw conflict('status', 'Cette immersion est annulée : pas de convention.')
  const structure = await ctx.tx
    .selectFrom('structure')
    .select('name')
    .where('id', '=', ctx.actor.structureId)
    .executeTakeFirstOrThrow()
  await ctx.audit({
    action: 'employment.immersion.agreement-pdf',
    entity: 'immersion',
    entityId: id,
    detail: { personId: immersion.person.id },
  })
  return { pdf: await renderAgreement(immersion, structure.name), immersion }
}
