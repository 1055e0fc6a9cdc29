import { type ExpressionBuilder, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { visiblePersons } from '../persons/person.policy.ts'
import type { ContractKind, OfferStatus } from './employment.tables.ts'
import { seesWholeStructure } from './employment-ctx.ts'

// The offers' and their candidates' SQL (docs/employment/offers.md). Every query names the structure.

/**
 * The persons an actor sees in the employment screens: the structure's for the department (employmentWholeStructure),
 * else the person policy's (visiblePersons) — the list form of loadEmploymentPerson.
 */
export function employmentPersons(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<Database, 'person'>) =>
    seesWholeStructure(actor) ? eb('person.structure_id', '=', actor.structureId) : visiblePersons(actor, today)(eb)
}

/** the offers an actor sees: the structure's for the department; those broadcast to the counsellor's sites, not drafts */
export function visibleOffers(actor: Actor) {
  return (eb: ExpressionBuilder<Database & { o: Database['job_offer'] }, 'o'>) => {
    const inStructure = eb('o.structure_id', '=', actor.structureId)
    if (seesWholeStructure(actor)) return inStructure
    const broadcast = actor.siteIds.length
      ? eb.exists(
          eb
            .selectFrom('job_offer_site as os')
            .select('os.site_id')
            .whereRef('os.structure_id', '=', 'o.structure_id')
            .whereRef('os.offer_id', '=', 'o.id')
            .where('os.site_id', 'in', actor.siteIds),
        )
      : sql<boolean>`false`
    return eb.and([inStructure, eb('o.status', '<>', 'draft'), broadcast])
  }
}

const summaryColumns = [
  'o.id',
  'o.employer_id',
  'e.name as employer_name',
  'o.title',
  'o.rome_code',
  'o.contract_kind',
  'o.duration_months',
  'o.positions',
  'o.commune_name',
  'o.starts_on',
  'o.closes_on',
  'o.status',
  'u.display_name as officer_name',
  'o.created_at',
] as const

function offersQuery(tx: Tx, actor: Actor, wholeStructure = false) {
  const q = tx
    .selectFrom('job_offer as o')
    .innerJoin('employer as e', (j) =>
      j.onRef('e.structure_id', '=', 'o.structure_id').onRef('e.id', '=', 'o.employer_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'o.officer_id')
  return wholeStructure ? q.where('o.structure_id', '=', actor.structureId) : q.where(visibleOffers(actor))
}

export interface OfferFilter {
  status?: OfferStatus
  employerId?: string
  siteId?: string
  romeCode?: string
  q?: string
  limit: number
  ids?: string[]
  /** the structure's offers whatever the actor's sites (the offers of candidacies the actor already sees) */
  wholeStructure?: boolean
}

export async function listOfferRows(tx: Tx, actor: Actor, f: OfferFilter) {
  let q = offersQuery(tx, actor, f.wholeStructure).select(summaryColumns)
  if (f.status) q = q.where('o.status', '=', f.status)
  if (f.employerId) q = q.where('o.employer_id', '=', f.employerId)
  if (f.romeCode) q = q.where('o.rome_code', '=', f.romeCode)
  if (f.ids) q = f.ids.length ? q.where('o.id', 'in', f.ids) : q.where(sql<boolean>`false`)
  if (f.siteId) {
    const siteId = f.siteId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('job_offer_site as os')
          .select('os.site_id')
          .whereRef('os.structure_id', '=', 'o.structure_id')
          .whereRef('os.offer_id', '=', 'o.id')
          .where('os.site_id', '=', siteId),
      ),
    )
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where((eb) =>
      eb.or([eb('o.title', 'ilike', like), eb('e.name', 'ilike', like), eb('o.rome_code', 'ilike', like)]),
    )
  }
  const rows = await q.orderBy('o.created_at', 'desc').orderBy('o.id').limit(f.limit).execute()
  return withCounts(tx, actor.structureId, rows)
}

export type OfferSummaryRow = Awaited<ReturnType<typeof listOfferRows>>[number]

async function withCounts<R extends { id: string }>(tx: Tx, structureId: string, rows: R[]) {
  const counts = new Map<string, Record<string, number>>()
  if (rows.length) {
    const found = await tx
      .selectFrom('offer_candidate')
      .select(['offer_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('structure_id', '=', structureId)
      .where(
        'offer_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy(['offer_id', 'status'])
      .execute()
    for (const c of found) {
      const m = counts.get(c.offer_id) ?? {}
      m[c.status] = Number(c.n)
      counts.set(c.offer_id, m)
    }
  }
  return rows.map((r) => ({ ...r, candidate_counts: counts.get(r.id) ?? {} }))
}

/** one offer the actor sees, with its detail columns (undefined: out of scope or absent) */
export async function findOfferRow(tx: Tx, actor: Actor, id: string) {
  const row = await offersQuery(tx, actor)
    .leftJoin('employer_contact as c', (j) =>
      j.onRef('c.structure_id', '=', 'o.structure_id').onRef('c.id', '=', 'o.contact_id'),
    )
    .select(summaryColumns)
    .select([
      'o.contact_id',
      'c.name as contact_name',
      'o.hours_per_week',
      'o.place',
      'o.postcode',
      'o.commune_code',
      'o.level_2019',
      'o.driving_licence_required',
      'o.experience_months',
      'o.requirements',
      'o.description',
      'o.version',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const [withCount] = await withCounts(tx, actor.structureId, [row])
  const sites = await tx
    .selectFrom('job_offer_site')
    .select('site_id')
    .where('structure_id', '=', actor.structureId)
    .where('offer_id', '=', id)
    .orderBy('site_id')
    .execute()
  return { ...withCount!, site_ids: sites.map((s) => s.site_id) }
}
export type OfferRow = NonNullable<Awaited<ReturnType<typeof findOfferRow>>>

/** the offer's row locked for the transaction (a hire counts the positions after it) */
export async function lockOffer(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('job_offer')
    .select(['id', 'status', 'positions', 'version'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

export interface OfferValues {
  employer_id: string
  contact_id: string | null
  title: string
  rome_code: string
  contract_kind: ContractKind
  duration_months: number | null
  hours_per_week: number | null
  positions: number
  place: string | null
  postcode: string | null
  commune_code: string | null
  commune_name: string | null
  level_2019: number | null
  driving_licence_required: boolean
  experience_months: number | null
  requirements: string | null
  description: string | null
  starts_on: string | null
  closes_on: string | null
  status: OfferStatus
}

export async function insertOffer(tx: Tx, structureId: string, officerId: string, v: OfferValues) {
  const { id } = await tx
    .insertInto('job_offer')
    .values({ structure_id: structureId, officer_id: officerId, external_id: null, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateOffer(tx: Tx, structureId: string, id: string, version: number, v: Partial<OfferValues>) {
  return tx
    .updateTable('job_offer')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

export async function replaceOfferSites(tx: Tx, structureId: string, offerId: string, siteIds: string[]) {
  await tx
    .deleteFrom('job_offer_site')
    .where('structure_id', '=', structureId)
    .where('offer_id', '=', offerId)
    .execute()
  await tx
    .insertInto('job_offer_site')
    .values([...new Set(siteIds)].map((site_id) => ({ structure_id: structureId, offer_id: offerId, site_id })))
    .execute()
}

export async function structureSites(tx: Tx, structureId: string) {
  const rows = await tx.selectFrom('site').select('id').where('structure_id', '=', structureId).execute()
  return new Set(rows.map((r) => r.id))
}

export async function findEmployer(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('employer')
    .select(['id', 'name', 'active'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** the company's contact (with whether the person is still in post), or undefined for another company's */
export const contactOfEmployer = (tx: Tx, structureId: string, employerId: string, contactId: string) =>
  tx
    .selectFrom('employer_contact')
    .select(['id', 'active'])
    .where('structure_id', '=', structureId)
    .where('employer_id', '=', employerId)
    .where('id', '=', contactId)
    .executeTakeFirst()
