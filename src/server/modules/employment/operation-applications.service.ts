import type { Updateable } from 'kysely'
import { can } from '../../../shared/auth/roles.ts'
import { dayIn } from '../../../shared/dates.ts'
import type { Application, ApplicationInput, ApplicationStep } from '../../../shared/employment/operations.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { notFound, versionConflict } from '../../errors.ts'
import { visiblePersons } from '../persons/person.policy.ts'
import type { OperationApplicationTable } from './employment.tables.ts'
import { conflict, type EmploymentCtx, invalid, loadEmploymentPerson, seesWholeStructure } from './employment-ctx.ts'
import {
  type ApplicationRow,
  applicationOfPerson,
  insertApplication,
  listApplicationRows,
  listOperationRows,
  listSessionRows,
  operationExists,
  territoryCommunes,
  updateApplication,
} from './operations.repository.ts'
import { isoDay, what } from './operations.service.ts'
import { createPlacement } from './placements.service.ts'

// The applications of a recruitment operation (operations.service.ts, docs/employment/operations.md): a person of the
// files or an outside applicant, each one's steps — invited, present, test, interview, outcome — and the sessions'
// invitations and attendance.

function present(r: ApplicationRow): Application {
  return {
    id: r.id,
    operationId: r.operation_id,
    person:
      r.person_id && r.person_last_name !== null
        ? { id: r.person_id, firstName: r.person_first_name ?? '', lastName: r.person_last_name }
        : null,
    lastName: r.last_name ?? r.person_last_name ?? '',
    firstName: r.first_name ?? r.person_first_name ?? null,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    local: !!r.local,
    source: r.source,
    receivedOn: isoDay(r.received_on) as string,
    infoSessionId: r.info_session_id,
    attended: r.attended,
    testResult: r.test_result,
    interviewedOn: isoDay(r.interviewed_on),
    outcome: r.outcome,
    placementId: r.placement_id,
    version: r.version,
  }
}

/** The employment officer and the director see every application; a counsellor only those of the files they see. */
const scope = (ctx: EmploymentCtx) =>
  seesWholeStructure(ctx.actor) ? undefined : visiblePersons(ctx.actor, dayIn(ctx.now, ctx.actor.timeZone))

async function applications(ctx: EmploymentCtx, filter: Parameters<typeof listApplicationRows>[3]) {
  const s = ctx.actor.structureId
  const rows = await listApplicationRows(ctx.tx, s, await territoryCommunes(ctx.tx, s), {
    ...filter,
    visible: scope(ctx),
  })
  return rows.map(present)
}

export async function applicationList(
  ctx: EmploymentCtx,
  operationId: string,
  filter: { stage?: string; source?: string; sessionId?: string; outcome?: string; q?: string },
) {
  if (!(await operationExists(ctx.tx, ctx.actor.structureId, operationId))) throw notFound(what)
  return applications(ctx, { ...filter, operationId })
}

async function oneApplication(ctx: EmploymentCtx, id: string) {
  const [row] = await applications(ctx, { id })
  if (!row) throw notFound('Cette candidature')
  return row
}

export async function addApplication(ctx: EmploymentCtx, operationId: string, input: ApplicationInput) {
  const s = ctx.actor.structureId
  const [operation] = await listOperationRows(ctx.tx, s, { id: operationId })
  if (!operation) throw notFound(what)
  if (operation.status === 'closed' || operation.status === 'cancelled')
    throw conflict('operationId', 'Cette opération est terminée : elle ne reçoit plus de candidatures.')
  if (input.personId === null) {
    // an outside applicant's name and commune: the employment officer's work only
    if (!can(ctx.actor.role, 'employmentManage')) throw invalid('personId', 'Choisissez une personne que vous suivez.')
  } else {
    await loadEmploymentPerson(ctx, input.personId)
    if (await applicationOfPerson(ctx.tx, s, operationId, input.personId))
      throw conflict('personId', 'Cette personne a déjà candidaté à cette opération.')
  }
  const id = await insertApplication(ctx.tx, s, operationId, input, ctx.actor.userId)
  await ctx.audit({ action: 'create', entity: 'operation_application', entityId: id, detail: { ...input } })
  return oneApplication(ctx, id)
}

const closed = () => conflict('outcome', 'L’issue de cette candidature est déjà enregistrée : elle ne change plus.')

/** What a step writes, once checked against the application's state (the funnel's order). */
async function stepSet(
  ctx: EmploymentCtx,
  a: Application,
  step: ApplicationStep,
): Promise<Updateable<OperationApplicationTable>> {
  if (a.outcome !== null) throw closed()
  switch (step.step) {
    case 'invite': {
      const [session] = await listSessionRows(ctx.tx, ctx.actor.structureId, {
        operationId: a.operationId,
        id: step.infoSessionId,
      })
      if (!session) throw invalid('infoSessionId', 'Cette information collective n’est pas celle de l’opération.')
      return { info_session_id: step.infoSessionId, attended: null }
    }
    case 'attendance':
      if (a.infoSessionId === null)
        throw conflict('infoSessionId', 'Invitez d’abord le candidat à une information collective.')
      return { attended: step.attended }
    case 'test':
      if (a.infoSessionId !== null && a.attended !== true)
        throw conflict('attended', 'Le candidat invité n’était pas présent à l’information collective.')
      return { test_result: step.testResult }
    case 'interview':
      if (a.testResult === 'failed') throw conflict('testResult', 'Le candidat n’a pas réussi les tests.')
      if (a.infoSessionId !== null && a.attended !== true)
        throw conflict('attended', 'Le candidat invité n’était pas présent à l’information collective.')
      if (step.interviewedOn < a.receivedOn)
        throw invalid('interviewedOn', 'L’entretien ne peut précéder la candidature.')
      return { interviewed_on: step.interviewedOn }
    case 'outcome':
      if (step.outcome === 'hired' && a.interviewedOn === null)
        throw conflict('interviewedOn', 'Un recrutement suit un entretien : enregistrez d’abord l’entretien.')
      return { outcome: step.outcome }
  }
}

/**
 * The hire of a person of the files: the placement (placements.service.ts) with the person's employment situation and
 * its follow-ups, from the operation's employer. An outside applicant's hire is the outcome only.
 */
async function placementOf(ctx: EmploymentCtx, a: Application, step: ApplicationStep) {
  if (step.step !== 'outcome' || step.outcome !== 'hired' || a.person === null) return null
  if (step.contractKind === null) throw invalid('contractKind', 'Indiquez le type de contrat du recrutement.')
  if (step.startDate === null) throw invalid('startDate', 'Indiquez la date d’embauche.')
  if (step.contractKind !== 'cdi' && step.durationMonths === null)
    throw invalid('durationMonths', 'Indiquez la durée du contrat (en mois).')
  await loadEmploymentPerson(ctx, a.person.id)
  const [operation] = await listOperationRows(ctx.tx, ctx.actor.structureId, { id: a.operationId })
  return createPlacement(ctx, {
    personId: a.person.id,
    employerId: operation!.employer_id,
    operationId: a.operationId,
    contractKind: step.contractKind,
    jobTitle: step.jobTitle ?? operation!.title,
    romeCode: null,
    startDate: step.startDate,
    durationMonths: step.durationMonths,
    hoursPerWeek: step.hoursPerWeek,
  })
}

export async function stepApplication(ctx: EmploymentCtx, id: string, step: ApplicationStep) {
  const s = ctx.actor.structureId
  const a = await oneApplication(ctx, id)
  if (a.version !== step.version) throw versionConflict()
  const set = await stepSet(ctx, a, step)
  const placementId = await placementOf(ctx, a, step)
  if (placementId) set.placement_id = placementId
  await ensureUpdated(
    await updateApplication(ctx.tx, s, id, step.version, set),
    async () => (await applications(ctx, { id })).length > 0,
    'Cette candidature',
  )
  const { version: _v, ...detail } = step
  await ctx.audit({ action: `step.${step.step}`, entity: 'operation_application', entityId: id, detail })
  return oneApplication(ctx, id)
}

// Bulk actions on a session -------------------------------------------------------------------------------------------

async function sessionOf(ctx: EmploymentCtx, operationId: string, sessionId: string) {
  if (!(await operationExists(ctx.tx, ctx.actor.structureId, operationId))) throw notFound(what)
  const [session] = await listSessionRows(ctx.tx, ctx.actor.structureId, { operationId, id: sessionId })
  if (!session) throw notFound('Cette information collective')
  return session
}

async function selected(ctx: EmploymentCtx, operationId: string, items: { id: string; version: number }[]) {
  const ids = [...new Set(items.map((i) => i.id))]
  if (ids.length !== items.length) throw invalid('applications', 'Une candidature figure deux fois dans la sélection.')
  const rows = await applications(ctx, { operationId, ids })
  if (rows.length !== ids.length) throw notFound('Une candidature de la sélection')
  return new Map(rows.map((r) => [r.id, r]))
}

/** Invites the selected applications to the session (each with the version read; one stale: 409, nothing written). */
export async function inviteToSession(
  ctx: EmploymentCtx,
  operationId: string,
  sessionId: string,
  items: { id: string; version: number }[],
) {
  const session = await sessionOf(ctx, operationId, sessionId)
  const rows = await selected(ctx, operationId, items)
  for (const item of items) if (rows.get(item.id)!.outcome !== null) throw closed()
  const fresh = items.filter((i) => rows.get(i.id)!.infoSessionId !== sessionId).length
  if (session.capacity !== null && (session.invited ?? 0) + fresh > session.capacity)
    throw conflict(
      'applications',
      `Cette information collective compte ${session.capacity} places : ${session.invited ?? 0} déjà invités.`,
    )
  for (const item of items) {
    const a = rows.get(item.id)!
    const set = a.infoSessionId === sessionId ? {} : { info_session_id: sessionId, attended: null }
    if (!(await updateApplication(ctx.tx, ctx.actor.structureId, item.id, item.version, set))) throw versionConflict()
  }
  await ctx.audit({
    action: 'invite',
    entity: 'operation_info_session',
    entityId: sessionId,
    detail: { applications: items.map((i) => i.id) },
  })
  return { updated: items.length }
}

/** Marks presence at the session for the selected applications invited to it (with the versions read). */
export async function markAttendance(
  ctx: EmploymentCtx,
  operationId: string,
  sessionId: string,
  items: { id: string; version: number; attended: boolean }[],
) {
  await sessionOf(ctx, operationId, sessionId)
  const rows = await selected(ctx, operationId, items)
  for (const item of items)
    if (rows.get(item.id)!.infoSessionId !== sessionId)
      throw conflict(
        'applications',
        'Une candidature de la sélection n’est pas invitée à cette information collective.',
      )
  for (const item of items)
    if (!(await updateApplication(ctx.tx, ctx.actor.structureId, item.id, item.version, { attended: item.attended })))
      throw versionConflict()
  await ctx.audit({
    action: 'attendance',
    entity: 'operation_info_session',
    entityId: sessionId,
    detail: {
      present: items.filter((i) => i.attended).map((i) => i.id),
      absent: items.filter((i) => !i.attended).map((i) => i.id),
    },
  })
  return { updated: items.length }
}
