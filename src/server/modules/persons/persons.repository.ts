import { sql } from 'kysely'
import { capabilities } from '../../../shared/auth/roles.ts'
import { ageOn } from '../../../shared/dates.ts'
import type { PersonSummary } from '../../../shared/persons/person.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { notFound } from '../../errors.ts'
import { visiblePersons } from './person.policy.ts'

/** word_similarity threshold of the name search: 0.5 lets "Lefevre" find "Lefebvre" (0.55) and "Dupont" "Dupond". */
const WORD_SIMILARITY = 0.5

export interface PersonFilter {
  q?: string
  birthDate?: string
  phone?: string
  siteId?: string
  referentId?: string
  sort?: 'relevance' | 'name' | 'birthDate' | 'firstReception' | 'updatedAt'
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

/** Folds a name the way the person_search_name trigger folds search_name: lower case, no accents, words. */
export async function foldName(tx: Tx, text: string): Promise<string> {
  const { rows } = await sql<{ folded: string | null }>`select jalon_search_name(${text}) as folded`.execute(tx)
  return rows[0]?.folded ?? ''
}

export async function searchPersons(tx: Tx, actor: Actor, f: PersonFilter, today: string) {
  let q = tx.selectFrom('person').where(visiblePersons(actor, today))
  const folded = f.q ? await foldName(tx, f.q) : ''
  if (folded) {
    // Local to the request's transaction: the GIN trigram index serves `<%` with this threshold.
    await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`.execute(tx)
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${folded} <% person.search_name`,
        eb('person.search_name', 'like', `${folded}%`),
        eb('person.search_name', 'like', `% ${folded}%`),
      ]),
    )
  }
  if (f.birthDate) q = q.where('person.birth_date', '=', f.birthDate)
  if (f.phone) q = q.where('person.phone_digits', 'like', sql<string>`'%' || jalon_phone_digits(${f.phone}) || '%'`)
  if (f.siteId) q = q.where('person.site_id', '=', f.siteId)
  if (f.referentId) q = q.where('person.referent_id', '=', f.referentId)

  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  let page = q
    .innerJoin('site', 'site.id', 'person.site_id')
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .select([
      'person.id',
      'person.last_name',
      'person.first_name',
      'person.sex',
      'person.birth_date',
      'person.site_id',
      'site.name as site_name',
      'person.referent_id',
      'r.display_name as referent_name',
      'person.first_reception_date',
      'person.priority_area',
    ])
  const sort = f.sort ?? (folded ? 'relevance' : 'name')
  const order = f.order
  if (sort === 'relevance' && folded)
    page = page
      .orderBy(sql`person.search_name like ${`${folded}%`}`, 'desc')
      .orderBy(sql`word_similarity(${folded}, person.search_name)`, 'desc')
  else if (sort === 'birthDate') page = page.orderBy('person.birth_date', order)
  else if (sort === 'firstReception')
    page = page.orderBy('person.first_reception_date', (ob) => (order === 'asc' ? ob.asc() : ob.desc()).nullsLast())
  else if (sort === 'updatedAt') page = page.orderBy('person.updated_at', order)
  const rows = await page
    .orderBy('person.search_name', sort === 'name' ? order : 'asc')
    .orderBy('person.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  const items: PersonSummary[] = rows.map((r) => ({
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    siteId: r.site_id,
    siteName: r.site_name,
    referentId: r.referent_id,
    referentName: r.referent_name,
    firstReceptionDate: r.first_reception_date,
    priorityArea: r.priority_area,
  }))
  return { total, page: f.page, pageSize: f.pageSize, items }
}

/**
 * The person with the names of its site and referent, if the actor may see it (else 404). `inStructure` skips the
 * scope, for the answer to a change the actor was allowed to make (a transfer to another site).
 */
export async function loadPersonView(
  tx: Tx,
  actor: Actor,
  id: string,
  today: string,
  opts: { inStructure?: boolean } = {},
) {
  const row = await tx
    .selectFrom('person')
    .where('person.id', '=', id)
    .where(opts.inStructure ? (eb) => eb('person.structure_id', '=', actor.structureId) : visiblePersons(actor, today))
    .innerJoin('site', 'site.id', 'person.site_id')
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .selectAll('person')
    .select(['site.name as site_name', 'r.display_name as referent_name'])
    .executeTakeFirst()
  if (!row) throw notFound('Cette personne')
  return row
}
export type PersonViewRow = Awaited<ReturnType<typeof loadPersonView>>

/**
 * Holds the person's row until the transaction ends, so that checks across its rows (an overlapping status period)
 * and the write that follows run for one request at a time. NO KEY UPDATE: inserts that only reference the person
 * (events, attributes) are not held up.
 */
export async function lockPerson(tx: Tx, id: string) {
  await tx.selectFrom('person').select('id').where('id', '=', id).forNoKeyUpdate().execute()
}

/** A site of the actor's structure, if there is one with that id. */
export async function findSite(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('site')
    .select(['id', 'name', 'active'])
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()
}

/** An active counsellor of the structure, who can be a person's referent. */
export async function findActiveCounsellor(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .where('role', 'in', capabilities.referent)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function listCounsellors(tx: Tx, structureId: string) {
  const users = await tx
    .selectFrom('app_user as u')
    .select((eb) => [
      'u.id',
      'u.display_name',
      eb
        .fn<string[]>('array', [
          eb.selectFrom('user_programme').select('programme_id').whereRef('user_programme.user_id', '=', 'u.id'),
        ])
        .as('programme_ids'),
    ])
    .where('u.structure_id', '=', structureId)
    .where('u.role', 'in', capabilities.referent)
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute()
  const sites = users.length
    ? await tx
        .selectFrom('user_site')
        .innerJoin('site', 'site.id', 'user_site.site_id')
        .select(['user_site.user_id', 'site.id', 'site.code', 'site.name'])
        .where(
          'user_site.user_id',
          'in',
          users.map((u) => u.id),
        )
        .orderBy('site.name')
        .execute()
    : []
  return users.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    sites: sites.filter((s) => s.user_id === u.id).map(({ id, code, name }) => ({ id, code, name })),
    programmeIds: u.programme_ids,
  }))
}
