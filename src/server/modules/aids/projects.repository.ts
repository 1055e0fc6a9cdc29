import { type ExpressionBuilder, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'
import { visiblePersons } from '../persons/person.policy.ts'
import type { AidProjectStatus, AidProjectTable } from './aids.tables.ts'
import { seesWholeStructure } from './aids-ctx.ts'

// The SQL of the youth projects (CLAP), holiday projects and their holiday aids (docs/aids.md « Youth projects (CLAP)
// and holidays »). Amounts are integer cents.

/**
 * The persons whose aids this actor sees on `today`: the whole structure for the aid officer and the director
 * (aidWholeStructure), else the person policy's own rule (a counsellor: the persons of their files).
 */
export function aidVisiblePersons(actor: Actor, today: string) {
  if (seesWholeStructure(actor))
    return (eb: ExpressionBuilder<Database, 'person'>) => eb('person.structure_id', '=', actor.structureId)
  return visiblePersons(actor, today)
}

export type ProjectValues = Pick<
  AidProjectTable,
  'fund_id' | 'title' | 'form' | 'nature' | 'sector' | 'site_id' | 'followed_by' | 'budget_cents' | 'asked_cents'
>
export type ProjectStep = Partial<
  Pick<
    AidProjectTable,
    'commission_id' | 'presented_on' | 'decision' | 'decided_on' | 'granted_cents' | 'jobs_created' | 'follow_up'
  > & { status: AidProjectStatus }
>

export function findProjectRow(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('aid_project')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function projectExists(tx: Tx, structureId: string, id: string) {
  return !!(await findProjectRow(tx, structureId, id))
}

/** The listed persons among those the actor sees (a holder must be one of them). */
export function visibleHolders(tx: Tx, actor: Actor, today: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([])
  return tx
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name', 'birth_date', 'site_id'])
    .where('person.id', 'in', personIds)
    .where(aidVisiblePersons(actor, today))
    .execute()
}

export async function siteExists(tx: Tx, structureId: string, siteId: string) {
  return !!(await tx
    .selectFrom('site')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', siteId)
    .executeTakeFirst())
}

export async function staffExists(tx: Tx, structureId: string, userId: string) {
  return !!(await tx
    .selectFrom('app_user')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', userId)
    .where('active', '=', true)
    .executeTakeFirst())
}

export function findCommission(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('aid_commission')
    .select(['id', 'fund_id', 'date'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertProject(tx: Tx, structureId: string, v: ProjectValues) {
  const { id } = await tx
    .insertInto('aid_project')
    .values({ structure_id: structureId, ...v, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Writes the project at the version read (bumped); undefined when no row matched (gone, or changed since). */
export function updateProject(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: Partial<ProjectValues> & ProjectStep,
) {
  return tx
    .updateTable('aid_project')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function replaceHolders(tx: Tx, structureId: string, projectId: string, personIds: readonly string[]) {
  await tx
    .deleteFrom('aid_project_holder')
    .where('structure_id', '=', structureId)
    .where('project_id', '=', projectId)
    .execute()
  await tx
    .insertInto('aid_project_holder')
    .values(personIds.map((person_id) => ({ structure_id: structureId, project_id: projectId, person_id })))
    .execute()
}

// Holiday aids ------------------------------------------------------------------------------------------------------

/** The holders of a project with what the fund's rules read (birth date, site), in name order. */
export function holderRows(tx: Tx, structureId: string, projectId: string) {
  return tx
    .selectFrom('aid_project_holder as h')
    .innerJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'h.structure_id').onRef('p.id', '=', 'h.person_id'))
    .select(['p.id', 'p.last_name', 'p.first_name', 'p.birth_date', 'p.site_id', 'p.commune_code'])
    .where('h.structure_id', '=', structureId)
    .where('h.project_id', '=', projectId)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .execute()
}

/** Of these persons, those with an enrolment open on `day` in a programme of one of these types. */
export async function enrolledIn(tx: Tx, structureId: string, personIds: string[], types: string[], day: string) {
  if (personIds.length === 0 || types.length === 0) return new Set<string>()
  const rows = await tx
    .selectFrom('enrolment')
    .innerJoin('programme', 'programme.id', 'enrolment.programme_id')
    .select('enrolment.person_id')
    .where('enrolment.structure_id', '=', structureId)
    .where('enrolment.person_id', 'in', personIds)
    .where(sql<string>`programme.type::text`, 'in', types)
    .where(enrolmentOpenOn('enrolment', day))
    .execute()
  return new Set(rows.map((r) => r.person_id))
}

/** Of these persons, those who already have an aid of the fund asked in [from, to] (not refused, redirected, cancelled). */
export async function withFundAid(
  tx: Tx,
  structureId: string,
  fundId: string,
  personIds: string[],
  from: string,
  to: string,
) {
  if (personIds.length === 0) return new Set<string>()
  const rows = await tx
    .selectFrom('aid_request')
    .select('person_id')
    .where('structure_id', '=', structureId)
    .where('fund_id', '=', fundId)
    .where('person_id', 'in', personIds)
    .where('status', 'not in', ['refused', 'redirected', 'cancelled'])
    .where('asked_on', '>=', from)
    .where('asked_on', '<=', to)
    .execute()
  return new Set(rows.map((r) => r.person_id))
}

export async function insertHolidayRequests(
  tx: Tx,
  rows: {
    structureId: string
    personId: string
    fundId: string
    projectId: string
    siteId: string
    amountCents: number
    askedOn: string
    askedBy: string
  }[],
) {
  if (rows.length === 0) return []
  return tx
    .insertInto('aid_request')
    .values(
      rows.map((r) => ({
        structure_id: r.structureId,
        person_id: r.personId,
        fund_id: r.fundId,
        track: 'ordinary' as const,
        purpose: 'holiday',
        project_id: r.projectId,
        site_id: r.siteId,
        amount_asked_cents: r.amountCents,
        asked_on: r.askedOn,
        asked_by: r.askedBy,
        external_id: null,
      })),
    )
    .returning('id')
    .execute()
}

// Reading ----------------------------------------------------------------------------------------------------------

export interface ProjectFilter {
  id?: string
  fundId?: string
  /** decided, else presented, else created in [from, to] */
  from?: string
  to?: string
  status?: AidProjectStatus
  personId?: string
  /** only the projects with a holder this actor sees on that day */
  visibleTo?: { actor: Actor; today: string }
}

export const PROJECT_LIST_LIMIT = 500

export function listProjectRows(tx: Tx, structureId: string, by: ProjectFilter) {
  let q = tx
    .selectFrom('aid_project as pr')
    .innerJoin('aid_fund as f', (j) =>
      j.onRef('f.structure_id', '=', 'pr.structure_id').onRef('f.id', '=', 'pr.fund_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'pr.followed_by')
    .selectAll('pr')
    .select(['f.code as fund_code', 'f.name as fund_name', 'f.kind as fund_kind', 'u.display_name as followed_by_name'])
    .where('pr.structure_id', '=', structureId)
    .orderBy('pr.created_at', 'desc')
    .orderBy('pr.id')
    .limit(PROJECT_LIST_LIMIT)
  if (by.id !== undefined) q = q.where('pr.id', '=', by.id)
  if (by.fundId !== undefined) q = q.where('pr.fund_id', '=', by.fundId)
  if (by.status !== undefined) q = q.where('pr.status', '=', by.status)
  if (by.from !== undefined && by.to !== undefined) {
    const day = sql<string>`coalesce(pr.decided_on, pr.presented_on, pr.created_at::date)`
    q = q.where(day, '>=', by.from).where(day, '<=', by.to)
  }
  if (by.personId !== undefined) {
    const personId = by.personId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('aid_project_holder as ph')
          .select('ph.person_id')
          .whereRef('ph.structure_id', '=', 'pr.structure_id')
          .whereRef('ph.project_id', '=', 'pr.id')
          .where('ph.person_id', '=', personId),
      ),
    )
  }
  if (by.visibleTo) {
    const seen = aidVisiblePersons(by.visibleTo.actor, by.visibleTo.today)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('aid_project_holder as vh')
          .innerJoin('person', (j) =>
            j.onRef('person.structure_id', '=', 'vh.structure_id').onRef('person.id', '=', 'vh.person_id'),
          )
          .select('vh.person_id')
          .whereRef('vh.structure_id', '=', 'pr.structure_id')
          .whereRef('vh.project_id', '=', 'pr.id')
          .where((e) => seen(e as unknown as ExpressionBuilder<Database, 'person'>)),
      ),
    )
  }
  return q.execute()
}

/** The projects' holders the actor sees, and how many each project has in all. */
export async function holdersOf(tx: Tx, actor: Actor, today: string, projectIds: string[]) {
  if (projectIds.length === 0) return { seen: [], counts: new Map<string, number>() }
  const base = tx
    .selectFrom('aid_project_holder as h')
    .innerJoin('person', (j) =>
      j.onRef('person.structure_id', '=', 'h.structure_id').onRef('person.id', '=', 'h.person_id'),
    )
    .where('h.structure_id', '=', actor.structureId)
    .where('h.project_id', 'in', projectIds)
  const seen = await base
    .select(['h.project_id', 'person.id', 'person.last_name', 'person.first_name', 'person.birth_date'])
    .where(aidVisiblePersons(actor, today))
    .orderBy('person.last_name')
    .orderBy('person.first_name')
    .execute()
  const all = await base
    .select(['h.project_id', sql<number>`count(*)::int`.as('n')])
    .groupBy('h.project_id')
    .execute()
  return { seen, counts: new Map(all.map((r) => [r.project_id, Number(r.n)])) }
}

/** The projects' aids (requests of the project) of the persons the actor sees. */
export function aidsOf(tx: Tx, actor: Actor, today: string, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([])
  return tx
    .selectFrom('aid_request as r')
    .innerJoin('person', (j) =>
      j.onRef('person.structure_id', '=', 'r.structure_id').onRef('person.id', '=', 'r.person_id'),
    )
    .select([
      'r.id',
      'r.project_id',
      'r.person_id',
      'r.status',
      'r.amount_asked_cents',
      'r.amount_granted_cents',
      'r.asked_on',
    ])
    .where('r.structure_id', '=', actor.structureId)
    .where('r.project_id', 'in', projectIds)
    .where(aidVisiblePersons(actor, today))
    .orderBy('r.asked_on')
    .orderBy('person.last_name')
    .execute()
}
