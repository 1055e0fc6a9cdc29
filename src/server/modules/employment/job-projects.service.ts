import type { z } from 'zod'
import type {
  JobProjectInput,
  jobProjectUpdateInput,
  PersonEmployment,
} from '../../../shared/employment/offers.schema.ts'
import type { Tx } from '../../deps.ts'
import { notFound, versionConflict } from '../../errors.ts'
import { listCandidateRows } from './candidates.repository.ts'
import { type EmploymentCtx, loadEmploymentPerson, todayOf } from './employment-ctx.ts'
import { presentCandidate, presentSummary } from './offers.present.ts'
import { listOfferRows } from './offers.repository.ts'
import { listPlacements } from './placements.service.ts'

// A person's job projects (the ROME fiches matching reads) and the person file's « Emploi » tab
// (docs/employment/offers.md « Job projects »).

const sid = (ctx: EmploymentCtx) => ctx.actor.structureId
const columns = [
  'id',
  'person_id',
  'rome_code',
  'label',
  'max_distance_km',
  'available_from',
  'active',
  'version',
] as const

async function projectRows(tx: Tx, structureId: string, personId: string) {
  return tx
    .selectFrom('job_project')
    .select(columns)
    .where('structure_id', '=', structureId)
    .where('person_id', '=', personId)
    .orderBy('active', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
}
type ProjectRow = Awaited<ReturnType<typeof projectRows>>[number]
const present = (r: ProjectRow) => ({
  id: r.id,
  romeCode: r.rome_code,
  label: r.label,
  maxDistanceKm: r.max_distance_km,
  availableFrom: r.available_from,
  active: r.active,
  version: r.version,
})

export async function listProjects(ctx: EmploymentCtx, personId: string) {
  const person = await loadEmploymentPerson(ctx, personId)
  return { items: (await projectRows(ctx.tx, sid(ctx), person.id)).map(present) }
}

async function loadProject(ctx: EmploymentCtx, id: string) {
  const row = await ctx.tx
    .selectFrom('job_project')
    .select(columns)
    .where('structure_id', '=', sid(ctx))
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('Ce projet')
  await loadEmploymentPerson(ctx, row.person_id).catch(() => {
    throw notFound('Ce projet')
  })
  return row
}

export async function createProject(ctx: EmploymentCtx, personId: string, input: JobProjectInput) {
  const person = await loadEmploymentPerson(ctx, personId)
  const { id } = await ctx.tx
    .insertInto('job_project')
    .values({
      structure_id: sid(ctx),
      person_id: person.id,
      rome_code: input.romeCode,
      label: input.label,
      max_distance_km: input.maxDistanceKm,
      available_from: input.availableFrom,
      created_by: ctx.actor.userId,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.audit({
    action: 'employment.project.create',
    entity: 'job_project',
    entityId: id,
    detail: { personId, romeCode: input.romeCode },
  })
  return present((await loadProject(ctx, id)) as ProjectRow)
}

export async function editProject(ctx: EmploymentCtx, id: string, input: z.output<typeof jobProjectUpdateInput>) {
  const row = await loadProject(ctx, id)
  if (row.version !== input.version) throw versionConflict()
  const done = await ctx.tx
    .updateTable('job_project')
    .set({
      rome_code: input.romeCode,
      label: input.label,
      max_distance_km: input.maxDistanceKm,
      available_from: input.availableFrom,
      active: input.active,
      version: input.version + 1,
    })
    .where('structure_id', '=', sid(ctx))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst()
  if (!done) throw versionConflict()
  await ctx.audit({
    action: 'employment.project.update',
    entity: 'job_project',
    entityId: id,
    detail: { personId: row.person_id, romeCode: input.romeCode, active: input.active },
  })
  return present(await loadProject(ctx, id))
}

export async function deleteProject(ctx: EmploymentCtx, id: string) {
  const row = await loadProject(ctx, id)
  await ctx.tx.deleteFrom('job_project').where('structure_id', '=', sid(ctx)).where('id', '=', id).execute()
  await ctx.audit({
    action: 'employment.project.delete',
    entity: 'job_project',
    entityId: id,
    detail: { personId: row.person_id, romeCode: row.rome_code },
  })
}

/**
 * The person file's « Emploi » tab: projects, candidacies (with their offer, even one no longer broadcast to the
 * reader's site: the person's own history) and placements with their follow-ups.
 */
export async function personEmployment(ctx: EmploymentCtx, personId: string): Promise<PersonEmployment> {
  const person = await loadEmploymentPerson(ctx, personId)
  const projects = (await projectRows(ctx.tx, sid(ctx), person.id)).map(present)
  const candidates = await listCandidateRows(ctx.tx, ctx.actor, todayOf(ctx), { personId: person.id })
  const offers = await offersById(ctx, [...new Set(candidates.map((c) => c.offer_id))])
  return {
    projects,
    candidates: candidates.flatMap((c) => {
      const offer = offers.get(c.offer_id)
      return offer ? [{ ...presentCandidate(c), offer }] : []
    }),
    placements: await listPlacements(ctx, { personId: person.id }),
  }
}

/** offers' summaries by id, read with the department's scope: the reader already sees the candidacy's person */
export async function offersById(ctx: EmploymentCtx, ids: string[]) {
  const rows = await listOfferRows(ctx.tx, ctx.actor, { ids, limit: 500, wholeStructure: true })
  return new Map(rows.map((r) => [r.id, presentSummary(r)]))
}
