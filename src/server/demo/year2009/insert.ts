import type { Tx } from '../../deps.ts'
import { findCommune } from '../../modules/reference/communes.ts'
import { type BulkWriter, mapRows } from '../bulk.ts'
import type { DemoContext } from '../demo-context.ts'
import { DEMO_STRUCTURE } from '../demo-organisation.ts'
import { hashString, Random } from '../random.ts'
import { type Day, isoDay as toIso } from './days.ts'
import type { Plan } from './plan-types.ts'

// Writes the plan in bulk (bulk.ts: COPY on PGlite), on the demo's transaction. Ids are drawn from a generator seeded
// with the structure, so the same plan loads into two structures of one database without clashing, and the database
// does not draw a random UUID per row.

/** users of the 2009 data set exist for the data (referents, authors): they cannot sign in */
export const UNUSABLE_PASSWORD = '!'

const REFERRALS: [string, number][] = [
  ['self', 35],
  ['family_friends', 25],
  ['france_travail', 15],
  ['school', 12],
  ['social_services', 6],
  ['justice', 2],
  ['association', 3],
  ['other', 2],
]

export type RowCounts = Record<string, number>

/**
 * What the Mission Locale part of the data set wrote that a department's part (a module's `dataset2009`) builds on:
 * the plan, and the id of each planned person and situation (by index), the CIVIS programme, the staff.
 */
export interface Year2009Base {
  plan: Plan
  personIds: string[]
  situationIds: string[]
  civisProgrammeId: string
  staffIds: string[]
}

/** the tables the data set fills in bulk (keys and indexes set aside meanwhile, statistics refreshed after) */
export const YEAR2009_TABLES = [
  'person',
  'person_attribute',
  'status_period',
  'event',
  'proposition',
  'situation',
  'enrolment',
] as const

/**
 * Ids in increasing order: a counter, then the generator's digits (still version-4 shaped). A primary key index then
 * grows at its right end, about a fifth cheaper than random ids on PGlite.
 */
function orderedIds(r: Random): () => string {
  let n = 0
  return () => `${(n++).toString(16).padStart(8, '0')}${r.uuid().slice(8)}`
}

/** 'yyyy-mm-dd' of a day, each computed once (a few thousand distinct days for 330 000 rows) */
const isoCache = new Map<Day, string>()
function isoDay(d: Day): string {
  let iso = isoCache.get(d)
  if (iso === undefined) {
    iso = toIso(d)
    isoCache.set(d, iso)
  }
  return iso
}

/** Writes the plan through `bulk` (a writer on `tx`); `step(label, rows?)` before each table (progress). */
export async function insertPlan(
  tx: Tx,
  bulk: BulkWriter,
  ctx: DemoContext,
  plan: Plan,
  step: (label: string, rows?: number) => void = () => {},
): Promise<{ counts: RowCounts; base: Year2009Base }> {
  const s = ctx.structureId
  const ids = new Random(hashString(`jalon-2009:${s}`))
  const nextId = orderedIds(ids)
  const counts: RowCounts = {}

  // staff; e-mails are unique across structures: another structure loading the data set gets its own addresses
  const emailOf = (e: string) => (s === DEMO_STRUCTURE.id ? e : e.replace('@', `+${s}@`))
  const staffRows = await tx
    .insertInto('app_user')
    .values(
      plan.staff.map((m) => ({
        structure_id: s,
        email: emailOf(m.email),
        display_name: m.displayName,
        role: m.role,
        password_hash: UNUSABLE_PASSWORD,
        active: false,
      })),
    )
    .returning(['id', 'email'])
    .execute()
  const userByEmail = new Map(staffRows.map((u) => [u.email, u.id]))
  const staffId = plan.staff.map((m) => userByEmail.get(emailOf(m.email))!)
  const anySite = [...ctx.siteIds.values()][0]
  const siteId = (code: string) => ctx.siteIds.get(code) ?? anySite
  const mlId = ctx.programmeIds.get('ML')
  if (!mlId) throw new Error('the structure has no ML programme')
  counts.app_user = staffRows.length
  counts.user_site = await bulk.write(
    'user_site',
    plan.staff.flatMap((m, k) =>
      [...new Set(m.sites.map(siteId))].map((site_id) => ({ user_id: staffId[k], site_id })),
    ),
  )
  counts.user_programme = await bulk.write(
    'user_programme',
    staffId.map((user_id) => ({ user_id, programme_id: mlId })),
  )
  const civisId = await civisProgramme(tx, s)

  const written = await bulk.deferKeysAndIndexes(YEAR2009_TABLES, async () => {
    const w = await writeRecords(bulk, plan, { s, ids, nextId, counts, staffId, siteId, mlId, civisId }, step)
    step('index et clés des tables')
    return w
  })
  return { counts, base: { plan, ...written, civisProgrammeId: civisId, staffIds: staffId } }
}

async function writeRecords(
  bulk: BulkWriter,
  plan: Plan,
  {
    s,
    ids,
    nextId,
    counts,
    staffId,
    siteId,
    mlId,
    civisId,
  }: {
    s: string
    ids: Random
    nextId: () => string
    counts: RowCounts
    staffId: string[]
    siteId: (code: string) => string
    mlId: string
    civisId: string
  },
  step: (label: string, rows: number) => void,
): Promise<{ personIds: string[]; situationIds: string[] }> {
  // persons
  const personId = plan.persons.map(() => nextId())
  step('jeunes', plan.persons.length)
  counts.person = await bulk.write(
    'person',
    mapRows(plan.persons, (p) => {
      const commune = findCommune(p.commune)
      return {
        id: personId[p.i],
        structure_id: s,
        external_id: `P3-${String(p.i + 1).padStart(6, '0')}`,
        last_name: p.lastName,
        first_name: p.firstName,
        sex: p.sex,
        birth_date: isoDay(p.birth),
        phone: p.phone,
        email: null,
        address: p.address,
        postcode: commune?.postcode ?? null,
        commune_code: p.commune,
        commune_name: commune?.name ?? null,
        priority_area: p.zus ? ('zus' as const) : null,
        site_id: siteId(p.site),
        referent_id: staffId[p.referent],
        first_reception_date: isoDay(p.firstReception),
        referral_source: p.justice ? 'justice' : ids.weighted(REFERRALS),
        search_name: '', // folded by the person_search_name trigger
      }
    }),
  )
  const site = plan.persons.map((p) => siteId(p.site))
  step('situations personnelles datées', plan.attributes.length + plan.statuses.length)
  counts.person_attribute = await bulk.write(
    'person_attribute',
    mapRows(plan.attributes, (a) => ({
      id: nextId(),
      structure_id: s,
      person_id: personId[a.p],
      attribute: a.attribute,
      value: a.value,
      level_2019: a.level2019,
      valid_from: isoDay(a.from),
      recorded_by: staffId[plan.persons[a.p].referent],
    })),
  )
  counts.status_period = await bulk.write(
    'status_period',
    mapRows(plan.statuses, (x) => ({
      id: nextId(),
      structure_id: s,
      person_id: personId[x.p],
      status: x.status,
      detail: x.detail,
      start_date: isoDay(x.start),
      end_date: x.end === null ? null : isoDay(x.end),
      recorded_by: staffId[plan.persons[x.p].referent],
    })),
  )
  step('événements', plan.events.length)
  counts.event = await bulk.write(
    'event',
    mapRows(plan.events, (e) => ({
      id: nextId(),
      structure_id: s,
      person_id: personId[e.p],
      kind: e.kind,
      date: isoDay(e.date),
      site_id: site[e.p],
      counsellor_id: staffId[e.staff],
      duration_minutes: e.minutes,
      attendance: e.attendance,
    })),
  )
  step('propositions', plan.propositions.length)
  counts.proposition = await bulk.write(
    'proposition',
    mapRows(plan.propositions, (x) => ({
      id: nextId(),
      structure_id: s,
      person_id: personId[x.p],
      date: isoDay(x.date),
      domain: x.domain,
      theme: x.theme,
      outcome: x.outcome,
      duration_minutes: x.minutes,
      counsellor_id: staffId[x.staff],
      site_id: site[x.p],
    })),
  )
  step('situations', plan.situations.length)
  // drawn in the order the rows are written (the same ids as drawn row by row)
  const situationId = plan.situations.map(() => nextId())
  let k = 0
  counts.situation = await bulk.write(
    'situation',
    mapRows(plan.situations, (x) => ({
      id: situationId[k++],
      structure_id: s,
      person_id: personId[x.p],
      kind: x.kind,
      start_date: isoDay(x.start),
      planned_end_date: x.plannedEnd === null ? null : isoDay(x.plannedEnd),
      end_date: x.end === null ? null : isoDay(x.end),
      organisation_name: x.organisation,
      hours_per_week: x.hours,
      counsellor_id: staffId[x.staff],
    })),
  )
  step('inscriptions ML et CIVIS', plan.persons.length + plan.civis.length)
  const enrolments = function* () {
    yield* mapRows(plan.persons, (p) => ({
      id: nextId(),
      structure_id: s,
      person_id: personId[p.i],
      programme_id: mlId,
      entry_date: isoDay(p.firstReception),
      exit_date: p.mlExit === null ? null : isoDay(p.mlExit),
      exit_reason: p.mlExitReason,
      reinforced: false,
      referent_id: staffId[p.referent],
    }))
    yield* mapRows(plan.civis, (c) => ({
      id: nextId(),
      structure_id: s,
      person_id: personId[c.p],
      programme_id: civisId,
      entry_date: isoDay(c.entry),
      exit_date: c.exit === null ? null : isoDay(c.exit),
      exit_reason: c.exitReason,
      reinforced: c.reinforced,
      referent_id: staffId[plan.persons[c.p].referent],
    }))
  }
  counts.enrolment = await bulk.write('enrolment', enrolments())
  return { personIds: personId, situationIds: situationId }
}

/** the CIVIS scheme (2005–2016, replaced by the Garantie jeunes then the CEJ), created when the structure lacks it */
async function civisProgramme(tx: Tx, structureId: string): Promise<string> {
  const found = await tx
    .selectFrom('programme')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('code', '=', 'CIVIS')
    .executeTakeFirst()
  if (found) return found.id
  const { id } = await tx
    .insertInto('programme')
    .values({
      structure_id: structureId,
      code: 'CIVIS',
      name: 'CIVIS — contrat d’insertion dans la vie sociale',
      kind: 'scheme',
      contact_days: null,
      contact_days_during_step: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
