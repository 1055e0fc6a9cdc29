import { sql, type Updateable } from 'kysely'
import type { ApplicationInput, Funnel, OperationInput } from '../../../shared/employment/operations.schema.ts'
import type { Tx } from '../../deps.ts'
import type { visiblePersons } from '../persons/person.policy.ts'
import type { OperationApplicationTable } from './employment.tables.ts'

// The SQL of the recruitment operations (operations.service.ts): operations, their information sessions and
// applications, and the funnel's figures computed from the application rows.

/**
 * The structure's territory: the communes its sites cover (site_commune). Empty when none is configured: « local » then
 * means an applicant with a file in the structure (docs/employment/operations.md « Local »).
 */
export async function territoryCommunes(tx: Tx, s: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('site_commune')
    .innerJoin('site', 'site.id', 'site_commune.site_id')
    .select('site_commune.commune_code')
    .distinct()
    .where('site.structure_id', '=', s)
    .execute()
  return rows.map((r) => r.commune_code)
}

/** the applicant's commune: the one the application gives, else the person's file's */
const communeOf = sql<string | null>`coalesce(a.commune_code, p.commune_code)`
const localOf = (communes: string[]) =>
  communes.length
    ? sql<boolean>`coalesce(coalesce(a.commune_code, p.commune_code) in (${sql.join(communes)}), false)`
    : sql<boolean>`(a.person_id is not null)`

/** The funnel of each operation, counted from its applications (funnelStages). */
export async function funnels(tx: Tx, s: string, operationIds: string[], communes: string[]) {
  const out = new Map<string, Funnel>()
  if (!operationIds.length) return out
  const local = localOf(communes)
  const known = communes.length ? sql<boolean>`(${communeOf} is not null)` : sql<boolean>`true`
  const rows = await sql<{
    operation_id: string
    source: string
    applications: number
    invited: number
    attended: number
    tested: number
    interviewed: number
    hired: number
    local: number
    with_commune: number
  }>`
    select a.operation_id, a.source,
      count(*)::int as applications,
      count(a.info_session_id)::int as invited,
      count(*) filter (where a.attended)::int as attended,
      count(*) filter (where a.test_result = 'passed')::int as tested,
      count(a.interviewed_on)::int as interviewed,
      count(*) filter (where a.outcome = 'hired')::int as hired,
      count(*) filter (where ${local})::int as local,
      count(*) filter (where ${known})::int as with_commune
    from operation_application a
    left join person p on p.structure_id = a.structure_id and p.id = a.person_id
    where a.structure_id = ${s} and a.operation_id in (${sql.join(operationIds)})
    group by a.operation_id, a.source`.execute(tx)
  const empty = (): Funnel => ({
    applications: 0,
    invited: 0,
    attended: 0,
    tested: 0,
    interviewed: 0,
    hired: 0,
    local: 0,
    withCommune: 0,
    localPercent: null,
    bySource: { network: 0, france_travail: 0, temp_agency: 0, spontaneous: 0, other: 0 },
  })
  for (const id of operationIds) out.set(id, empty())
  for (const r of rows.rows) {
    const f = out.get(r.operation_id)
    if (!f) continue
    f.applications += r.applications
    f.invited += r.invited
    f.attended += r.attended
    f.tested += r.tested
    f.interviewed += r.interviewed
    f.hired += r.hired
    f.local += r.local
    f.withCommune += r.with_commune
    f.bySource[r.source as keyof Funnel['bySource']] = r.applications
  }
  for (const f of out.values())
    f.localPercent = f.withCommune ? Math.round((f.local / f.withCommune) * 10_000) / 100 : null
  return out
}

export function listOperationRows(tx: Tx, s: string, filter: { id?: string; status?: string; employerId?: string }) {
  let q = tx
    .selectFrom('recruitment_operation as o')
    .innerJoin('employer as e', (j) =>
      j.onRef('e.structure_id', '=', 'o.structure_id').onRef('e.id', '=', 'o.employer_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'o.officer_id')
    .select([
      'o.id',
      'o.title',
      'o.sector',
      'o.positions',
      'o.profile',
      'o.method',
      'o.partners',
      'o.starts_on',
      'o.ends_on',
      'o.status',
      'o.version',
      'o.employer_id',
      'e.name as employer_name',
      'u.display_name as officer_name',
    ])
    .where('o.structure_id', '=', s)
  if (filter.id) q = q.where('o.id', '=', filter.id)
  if (filter.status) q = q.where('o.status', '=', filter.status as 'running')
  if (filter.employerId) q = q.where('o.employer_id', '=', filter.employerId)
  return q.orderBy('o.starts_on', 'desc').orderBy('o.title').execute()
}
export type OperationRow = Awaited<ReturnType<typeof listOperationRows>>[number]

const operationValues = (v: OperationInput) => ({
  employer_id: v.employerId,
  title: v.title,
  sector: v.sector,
  positions: v.positions,
  profile: v.profile,
  method: v.method,
  partners: v.partners,
  starts_on: v.startsOn,
  ends_on: v.endsOn,
  status: v.status,
})

export async function insertOperation(tx: Tx, s: string, v: OperationInput, officerId: string) {
  const row = await tx
    .insertInto('recruitment_operation')
    .values({ structure_id: s, ...operationValues(v), officer_id: officerId, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateOperation = (tx: Tx, s: string, id: string, version: number, v: OperationInput) =>
  tx
    .updateTable('recruitment_operation')
    .set({ ...operationValues(v), version: version + 1 })
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

export async function operationExists(tx: Tx, s: string, id: string) {
  const row = await tx
    .selectFrom('recruitment_operation')
    .select('id')
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .executeTakeFirst()
  return !!row
}

export async function employerExists(tx: Tx, s: string, id: string) {
  const row = await tx
    .selectFrom('employer')
    .select('id')
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .executeTakeFirst()
  return !!row
}

// Sessions ---------------------------------------------------------------------------------------------------------

export function listSessionRows(tx: Tx, s: string, filter: { operationId?: string; id?: string }) {
  let q = tx
    .selectFrom('operation_info_session as i')
    .select((eb) => [
      'i.id',
      'i.operation_id',
      'i.at',
      'i.place',
      'i.capacity',
      'i.version',
      eb
        .selectFrom('operation_application as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.structure_id', '=', 'i.structure_id')
        .whereRef('a.info_session_id', '=', 'i.id')
        .as('invited'),
      eb
        .selectFrom('operation_application as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.structure_id', '=', 'i.structure_id')
        .whereRef('a.info_session_id', '=', 'i.id')
        .where('a.attended', '=', true)
        .as('attended'),
    ])
    .where('i.structure_id', '=', s)
  if (filter.operationId) q = q.where('i.operation_id', '=', filter.operationId)
  if (filter.id) q = q.where('i.id', '=', filter.id)
  return q.orderBy('i.at').execute()
}

export async function insertSession(
  tx: Tx,
  s: string,
  operationId: string,
  v: { at: string; place: string | null; capacity: number | null },
) {
  const row = await tx
    .insertInto('operation_info_session')
    .values({
      structure_id: s,
      operation_id: operationId,
      at: new Date(v.at),
      place: v.place,
      capacity: v.capacity,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateSession = (
  tx: Tx,
  s: string,
  operationId: string,
  id: string,
  version: number,
  v: { at: string; place: string | null; capacity: number | null },
) =>
  tx
    .updateTable('operation_info_session')
    .set({ at: new Date(v.at), place: v.place, capacity: v.capacity, version: version + 1 })
    .where('structure_id', '=', s)
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

/** Deletes the session read at this version (the service first checks nobody is invited to it). */
export const deleteSession = (tx: Tx, s: string, operationId: string, id: string, version: number) =>
  tx
    .deleteFrom('operation_info_session')
    .where('structure_id', '=', s)
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

// Applications -----------------------------------------------------------------------------------------------------

export interface ApplicationFilter {
  id?: string
  ids?: string[]
  operationId?: string
  stage?: string
  source?: string
  sessionId?: string
  outcome?: string
  q?: string
  /** a counsellor's scope: only the applications of the persons this where-clause lets them see */
  visible?: ReturnType<typeof visiblePersons>
}

export function listApplicationRows(tx: Tx, s: string, communes: string[], f: ApplicationFilter) {
  let q = tx
    .selectFrom('operation_application as a')
    .leftJoin('person as p', (j) => j.onRef('p.structure_id', '=', 'a.structure_id').onRef('p.id', '=', 'a.person_id'))
    .select([
      'a.id',
      'a.operation_id',
      'a.person_id',
      'p.first_name as person_first_name',
      'p.last_name as person_last_name',
      'a.last_name',
      'a.first_name',
      sql<string | null>`coalesce(a.commune_code, p.commune_code)`.as('commune_code'),
      sql<string | null>`coalesce(a.commune_name, p.commune_name)`.as('commune_name'),
      localOf(communes).as('local'),
      'a.source',
      'a.received_on',
      'a.info_session_id',
      'a.attended',
      'a.test_result',
      'a.interviewed_on',
      'a.outcome',
      'a.placement_id',
      'a.version',
    ])
    .where('a.structure_id', '=', s)
  if (f.id) q = q.where('a.id', '=', f.id)
  if (f.ids) q = q.where('a.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000'])
  if (f.operationId) q = q.where('a.operation_id', '=', f.operationId)
  if (f.source) q = q.where('a.source', '=', f.source as 'network')
  if (f.sessionId) q = q.where('a.info_session_id', '=', f.sessionId)
  if (f.outcome) q = q.where('a.outcome', '=', f.outcome as 'hired')
  if (f.stage === 'invited') q = q.where('a.info_session_id', 'is not', null)
  if (f.stage === 'attended') q = q.where('a.attended', '=', true)
  if (f.stage === 'tested') q = q.where('a.test_result', '=', 'passed')
  if (f.stage === 'interviewed') q = q.where('a.interviewed_on', 'is not', null)
  if (f.stage === 'hired') q = q.where('a.outcome', '=', 'hired')
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where(
      sql<boolean>`coalesce(a.last_name, p.last_name) || ' ' || coalesce(a.first_name, p.first_name, '') ilike ${like}`,
    )
  }
  if (f.visible) {
    const visible = f.visible
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('person').select('person.id').whereRef('person.id', '=', 'a.person_id').where(visible)),
    )
  }
  return q
    .orderBy(sql`coalesce(a.last_name, p.last_name)`)
    .orderBy(sql`coalesce(a.first_name, p.first_name)`)
    .orderBy('a.id')
    .execute()
}
export type ApplicationRow = Awaited<ReturnType<typeof listApplicationRows>>[number]

export async function insertApplication(tx: Tx, s: string, operationId: string, v: ApplicationInput, sentBy: string) {
  const row = await tx
    .insertInto('operation_application')
    .values({
      structure_id: s,
      operation_id: operationId,
      person_id: v.personId,
      last_name: v.personId ? null : v.lastName,
      first_name: v.personId ? null : v.firstName,
      commune_code: v.communeCode,
      commune_name: v.communeName,
      source: v.source,
      received_on: v.receivedOn,
      info_session_id: null,
      attended: null,
      test_result: null,
      interviewed_on: null,
      outcome: null,
      placement_id: null,
      sent_by: sentBy,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateApplication = (
  tx: Tx,
  s: string,
  id: string,
  version: number,
  set: Updateable<OperationApplicationTable>,
) =>
  tx
    .updateTable('operation_application')
    .set({ ...set, version: version + 1 })
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

export async function applicationOfPerson(tx: Tx, s: string, operationId: string, personId: string) {
  return tx
    .selectFrom('operation_application')
    .select('id')
    .where('structure_id', '=', s)
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
}
