import { type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import { ageOn } from '../../../shared/dates.ts'
import { ageOutDate, EXPORT_MAX_ROWS, type ListFilters } from '../../../shared/lists/list.schema.ts'
import {
  PERSON_SEARCH_CAP,
  type PersonSearchPage,
  type PersonSummary,
  searchWords,
} from '../../../shared/persons/person.schema.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor } from '../../deps.ts'
import { cejEndColumn, listFilterSql } from './list-filters.ts'
import { visiblePersons } from './person.policy.ts'

/**
 * word_similarity threshold of a word typed alone: 0.5 lets "Lefevre" find "Lefebvre" (0.55) and "Dupont" "Dupond". A
 * word that starts a name always reaches it (n of its n + 1 trigrams), so "lef" finds Lefèvre without a LIKE beside.
 */
const WORD_SIMILARITY = 0.5
/**
 * With several words, each must match, so each may be looser and the others keep the list short: one slipped letter
 * in a last name of 5 letters or more, typed with the first name, then leaves the person on the first page 95 % of
 * the time (a swap, "Dupnot": 79 %) against 72 % (41 %) at 0.5 (2009 data set, docs/search.md). A word still needs
 * two trigrams of its own ("Joey" is no "Ophélie").
 */
const WORD_SIMILARITY_EACH = 0.3

export interface PersonFilter {
  q?: string
  birthDate?: string
  phone?: string
  siteId?: string
  referentId?: string
  programmeId?: string
  ageOutBefore?: string
  cejEndBefore?: string
  /** a condition on the person row a caller adds (the people behind an indicator's cell) */
  within?: RawBuilder<SqlBool>
  sort?: 'relevance' | 'name' | 'birthDate' | 'firstReception' | 'updatedAt'
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

type Sort = NonNullable<PersonFilter['sort']>

/**
 * The persons the actor may see matching the filter, one page, with their number counted by the same query up to
 * PERSON_SEARCH_CAP (`count(*) over ()` over the first CAP + 1 matches in the page's order).
 *
 * Every typed word must match the folded "last first" name (search_name, kept by a trigger), each with the trigram
 * tolerance: all of them go to the GIN index in one scan, so a common first name beside a rare last name costs the
 * rare one's candidates, not every person of that first name.
 *
 * `db`: the request's transaction, or the database itself on a route without one (a read): the threshold is a
 * setting local to a transaction, so a short read-only one is opened then, only when a name is typed.
 */
export async function searchPersons(
  db: Kysely<Database>,
  actor: Actor,
  f: PersonFilter,
  today: string,
): Promise<PersonSearchPage> {
  const words = searchWords(f.q)
  if (!words.length) return runSearch(db, actor, f, today, words)
  const threshold = words.length > 1 ? WORD_SIMILARITY_EACH : WORD_SIMILARITY
  if (db.isTransaction) return withThreshold(db, threshold, () => runSearch(db, actor, f, today, words))
  return db
    .transaction()
    .setAccessMode('read only')
    .execute((tx) => withThreshold(tx, threshold, () => runSearch(tx, actor, f, today, words)))
}

async function withThreshold<T>(tx: Kysely<Database>, threshold: number, run: () => Promise<T>): Promise<T> {
  // Local to the transaction: the GIN trigram index serves `<%` with this threshold.
  await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`.execute(tx)
  return run()
}

// A folded value is computed by the database (jalon_search_name, the trigger's own function): immutable, so the
// planner folds it to a constant and the trigram index takes it.
const folded = (text: string) => sql<string>`jalon_search_name(${text})`

async function runSearch(
  db: Kysely<Database>,
  actor: Actor,
  f: PersonFilter,
  today: string,
  words: string[],
): Promise<PersonSearchPage> {
  const matches = matchesOf(db, actor, f, today, words)

  const sort: Sort =
    f.sort === 'relevance' && !words.length ? 'name' : (f.sort ?? (words.length ? 'relevance' : 'name'))
  const whole = f.q ?? ''
  // The first CAP + 1 matches in the page's order: the page is exact as long as it lies within the cap.
  const capped = ordered(
    matches.select([
      'person.id',
      'person.last_name',
      'person.first_name',
      'person.sex',
      'person.birth_date',
      'person.site_id',
      'person.referent_id',
      'person.first_reception_date',
      'person.priority_area',
      'person.search_name',
      'person.updated_at',
      (sort === 'relevance' ? sql<boolean>`person.search_name like ${folded(whole)} || '%'` : sql<boolean>`false`).as(
        'starts',
      ),
      (sort === 'relevance' ? sql<number>`word_similarity(${folded(whole)}, person.search_name)` : sql<number>`0`).as(
        'similarity',
      ),
    ]),
    sort,
    f.order,
  ).limit(PERSON_SEARCH_CAP + 1)

  const offset = (f.page - 1) * f.pageSize
  const limit = Math.min(f.pageSize, PERSON_SEARCH_CAP - offset)
  const rows =
    limit > 0
      ? await db
          .selectFrom(
            ordered(
              db.selectFrom(capped.as('c')).selectAll('c').select(sql<number>`count(*) over ()`.as('total')),
              sort,
              f.order,
            )
              .offset(offset)
              .limit(limit)
              .as('m'),
          )
          // the names of the site and referent for the page's rows only
          .innerJoin('site', 'site.id', 'm.site_id')
          .leftJoin('app_user as r', 'r.id', 'm.referent_id')
          .selectAll('m')
          .select(['site.name as site_name', 'r.display_name as referent_name'])
          .$call((q) => ordered(q, sort, f.order))
          .execute()
      : []
  // An empty page past the first (an address kept from a longer list) still says how many there are: its own count.
  const counted =
    rows[0]?.total ??
    (f.page === 1
      ? 0
      : Number(
          (
            await db
              .selectFrom(capped.as('c'))
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ))
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
  return {
    total: Math.min(Number(counted), PERSON_SEARCH_CAP),
    totalCapped: Number(counted) > PERSON_SEARCH_CAP,
    page: f.page,
    pageSize: f.pageSize,
    items,
  }
}

/** The persons the actor may see that match the criteria and the lists' filters (list-filters.ts). */
function matchesOf(
  db: Kysely<Database>,
  actor: Actor,
  f: Omit<PersonFilter, 'page' | 'pageSize' | 'order'>,
  today: string,
  words: string[],
) {
  let matches = db.selectFrom('person').where(visiblePersons(actor, today))
  for (const word of words) matches = matches.where(sql<boolean>`${folded(word)} <% person.search_name`)
  if (f.birthDate) matches = matches.where('person.birth_date', '=', f.birthDate)
  if (f.phone)
    matches = matches.where('person.phone_digits', 'like', sql<string>`'%' || jalon_phone_digits(${f.phone}) || '%'`)
  if (f.referentId) matches = matches.where('person.referent_id', '=', f.referentId)
  const filters: ListFilters = {
    siteId: f.siteId,
    programmeId: f.programmeId,
    ageOutBefore: f.ageOutBefore,
    cejEndBefore: f.cejEndBefore,
  }
  matches = matches.where(listFilterSql('person', filters, today))
  return f.within ? matches.where(f.within) : matches
}

/** A row of a search's export: the summary, with the day the person turns 26 and the planned end of an open CEJ. */
export type PersonExportRow = PersonSummary & { ageOutDate: string; cejPlannedEnd: string | null }

/**
 * Every person matching a search (by name, as the page orders them), for an export: at most EXPORT_MAX_ROWS + 1
 * rows, so that the export refuses a longer list. The search's cap of the screen (PERSON_SEARCH_CAP) does not apply.
 */
export async function exportPersons(
  db: Kysely<Database>,
  actor: Actor,
  f: Omit<PersonFilter, 'page' | 'pageSize' | 'order' | 'sort'>,
  today: string,
): Promise<PersonExportRow[]> {
  const words = searchWords(f.q)
  const run = async (q: Kysely<Database>) => {
    const rows = await matchesOf(q, actor, f, today, words)
      .innerJoin('site', 'site.id', 'person.site_id')
      .leftJoin('app_user as r', 'r.id', 'person.referent_id')
      .select([
        'person.id',
        'person.last_name',
        'person.first_name',
        'person.sex',
        'person.birth_date',
        'person.site_id',
        'person.referent_id',
        'person.first_reception_date',
        'person.priority_area',
        'site.name as site_name',
        'r.display_name as referent_name',
        cejEndColumn('person', today).as('cej_end'),
      ])
      .orderBy('person.search_name')
      .orderBy('person.id')
      .limit(EXPORT_MAX_ROWS + 1)
      .execute()
    return rows.map((r) => ({
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
      ageOutDate: ageOutDate(r.birth_date),
      cejPlannedEnd: r.cej_end,
    }))
  }
  if (!words.length) return run(db)
  const threshold = words.length > 1 ? WORD_SIMILARITY_EACH : WORD_SIMILARITY
  if (db.isTransaction) return withThreshold(db, threshold, () => run(db))
  return db
    .transaction()
    .setAccessMode('read only')
    .execute((tx) => withThreshold(tx, threshold, () => run(tx)))
}

/**
 * The page's order, the same at each level of the query (a subquery's order is not kept by the one around it): the
 * chosen key, then the name and the id so that pages never overlap. Bare names: each level outputs these columns.
 */
function ordered<Q extends SelectQueryBuilder<any, any, any>>(q: Q, sort: Sort, order: 'asc' | 'desc'): Q {
  const dir = order === 'asc' ? sql`asc` : sql`desc`
  const keys = {
    relevance: sql`starts desc, similarity desc, search_name asc`,
    name: sql`search_name ${dir}`,
    birthDate: sql`birth_date ${dir}, search_name asc`,
    firstReception: sql`first_reception_date ${dir} nulls last, search_name asc`,
    updatedAt: sql`updated_at ${dir}, search_name asc`,
  }[sort]
  return q.orderBy(sql`${keys}, id asc`) as Q
}
