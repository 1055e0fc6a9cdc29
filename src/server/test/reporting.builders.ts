import type { AttributeKind } from '../../shared/nomenclatures/person.ts'
import type { IndicatorResult, ResultTable, Scope } from '../../shared/reporting/reporting.schema.ts'
import type { Db } from '../db/database.ts'
import type { EventTable } from '../modules/accompaniment/accompaniment.tables.ts'
import { getIndicator } from '../reporting/catalogue.ts'
import { computeIndicator } from '../reporting/engine.ts'
import type { Thresholds } from '../reporting/secrecy.ts'
import type { Fixture } from './builders.ts'

// Builders of the reporting tests: a young person with their whole history in one call, so that each test reads as
// the situation it checks ("a person turning 18 on 31/12", "an attribute changed the day after the period").

let seq = 0

export interface YouthSpec {
  sex?: 'F' | 'M'
  birth?: string
  siteId?: string
  communeCode?: string | null
  priorityArea?: 'qpv' | 'zus' | null
  referentId?: string | null
  firstReception?: string | null
  /** the Mission Locale enrolment; false: none */
  ml?: { entry: string; exit?: string | null } | false
  /** attribute → value (valid since 2000-01-01) or a history of [valid_from, value] */
  attributes?: Partial<Record<AttributeKind, string | [string, string][]>>
  events?: (string | { date: string; attendance?: EventTable['attendance']; kind?: string })[]
  propositions?: { date: string; theme: string; domain?: string }[]
  situations?: { kind: string; start: string }[]
  enrolments?: { programmeId: string; entry: string; exit?: string | null; reinforced?: boolean }[]
}

const themeDomain: Record<string, string> = {
  employment_access: 'professional',
  training: 'professional',
  career_plan: 'professional',
  housing: 'social',
  health: 'social',
  citizenship: 'social_life',
  leisure_sport_culture: 'social_life',
}

/** A person row for the report's builders (no duplicate check, no audit): what a test's data set needs of a file. */
export async function insertPersonRow(
  db: Db,
  fx: Fixture,
  v: {
    lastName: string
    firstName: string
    sex: 'F' | 'M'
    birth: string
    communeCode?: string | null
    priorityArea?: 'qpv' | 'zus' | null
    siteId?: string
    referentId?: string | null
    firstReception?: string | null
  },
): Promise<string> {
  const { id } = await db.kysely
    .insertInto('person')
    .values({
      structure_id: fx.structureId,
      external_id: null,
      last_name: v.lastName,
      first_name: v.firstName,
      sex: v.sex,
      birth_date: v.birth,
      phone: null,
      email: null,
      address: null,
      postcode: null,
      commune_code: v.communeCode ?? null,
      commune_name: null,
      priority_area: v.priorityArea ?? null,
      site_id: v.siteId ?? fx.sites.a,
      referent_id: v.referentId ?? null,
      first_reception_date: v.firstReception ?? null,
      referral_source: null,
      search_name: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function buildYouth(db: Db, fx: Fixture, spec: YouthSpec = {}): Promise<string> {
  const k = db.kysely
  const n = ++seq
  const base = { structure_id: fx.structureId }
  const id = await insertPersonRow(db, fx, {
    lastName: `Jeune${n}`,
    firstName: 'Camille',
    sex: spec.sex ?? 'F',
    birth: spec.birth ?? '1989-06-15',
    communeCode: spec.communeCode,
    priorityArea: spec.priorityArea,
    siteId: spec.siteId,
    referentId: spec.referentId,
    firstReception: spec.firstReception,
  })
  const enrol = async (programme_id: string, e: { entry: string; exit?: string | null; reinforced?: boolean }) =>
    k
      .insertInto('enrolment')
      .values({
        ...base,
        person_id: id,
        programme_id,
        external_id: null,
        entry_date: e.entry,
        exit_date: e.exit ?? null,
        exit_reason: null,
        reinforced: e.reinforced ?? false,
        referent_id: null,
      })
      .execute()
  if (spec.ml !== false) await enrol(fx.programmes.ml, spec.ml ?? { entry: '2000-01-01' })
  for (const e of spec.enrolments ?? []) await enrol(e.programmeId, e)
  for (const [attribute, v] of Object.entries(spec.attributes ?? {})) {
    const history = typeof v === 'string' ? [['2000-01-01', v] as [string, string]] : v
    for (const [valid_from, value] of history)
      await k
        .insertInto('person_attribute')
        .values({ ...base, person_id: id, attribute, value, level_2019: null, valid_from, recorded_by: null })
        .execute()
  }
  for (const e of spec.events ?? []) {
    const ev = typeof e === 'string' ? { date: e } : e
    await k
      .insertInto('event')
      .values({
        ...base,
        person_id: id,
        external_id: null,
        kind: ev.kind ?? 'individual_interview',
        date: ev.date,
        site_id: null,
        counsellor_id: null,
        duration_minutes: null,
        attendance: ev.attendance === undefined ? 'present' : ev.attendance,
        note: null,
      })
      .execute()
  }
  for (const p of spec.propositions ?? [])
    await k
      .insertInto('proposition')
      .values({
        ...base,
        person_id: id,
        external_id: null,
        date: p.date,
        domain: p.domain ?? themeDomain[p.theme] ?? 'professional',
        theme: p.theme,
        text: null,
        duration_minutes: null,
        counsellor_id: null,
        site_id: null,
      })
      .execute()
  for (const s of spec.situations ?? [])
    await k
      .insertInto('situation')
      .values({
        ...base,
        person_id: id,
        external_id: null,
        kind: s.kind,
        start_date: s.start,
        planned_end_date: null,
        end_date: null,
        organisation_name: null,
        hours_per_week: null,
        counsellor_id: null,
        note: null,
      })
      .execute()
  return id
}

/** A programme of kind 'scheme' (CIVIS, CEJ…) in the fixture's structure. */
export async function buildScheme(db: Db, fx: Fixture, code: string): Promise<string> {
  const { id } = await db.kysely
    .insertInto('programme')
    .values({ structure_id: fx.structureId, code, name: code, kind: 'scheme' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Runs one indicator on the test database (internal output unless thresholds are given). */
export async function runIndicator(
  db: Db,
  fx: Fixture,
  id: string,
  opts: { from?: string; to?: string; scope?: Scope; bySex?: boolean; published?: Thresholds } = {},
): Promise<IndicatorResult> {
  return computeIndicator(db.kysely, getIndicator(id), {
    structureId: fx.structureId,
    period: { from: opts.from ?? '2009-01-01', to: opts.to ?? '2009-12-31' },
    scope: opts.scope,
    bySex: opts.bySex,
    published: opts.published,
  })
}

/** A figure's value, or a table's cell: `at(result, 'shares.men')`-style reads in tests. */
export function figure(r: IndicatorResult, key: string): number | null {
  const f = r.figures.find((x) => x.key === key)
  if (!f) throw new Error(`figure ${key} missing in ${r.id}`)
  return f.value
}

export function tableOf(r: IndicatorResult, key: string): ResultTable {
  const t = r.tables.find((x) => x.key === key)
  if (!t) throw new Error(`table ${key} missing in ${r.id}`)
  return t
}

/** The cells of a table as { row: { column: value } }. */
export function cells(r: IndicatorResult, key: string): Record<string, Record<string, number | null>> {
  const t = tableOf(r, key)
  return Object.fromEntries(
    t.rows.map((row) => [row.key, Object.fromEntries(t.columns.map((c, i) => [c.key, row.values[i]]))]),
  )
}
