import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_STRUCTURE } from '../../../demo/demo-organisation.ts'
import { createTestDb, type TestDb } from '../../../test/test-db.ts'
import {
  EMPLOYMENT_STEPS_2009,
  ENTRIES,
  FLOW_2009,
  FUNDING_2009,
  INTO_EMPLOYMENT_2009,
  PARTNER_EXITS,
  POSITIVE_2009_BY_PUBLIC,
  POSITIVE_BY_YEAR,
} from './targets.ts'

// The PLIE part of the 2009 data set in the database: plain SQL over the rows, by the indicators' definitions
// (docs/indicators.md: a pathway is an enrolment in a programme of type 'plie'; the publics on the entry day; exits
// dated in the year; steps that are market-sector contracts of at least one month), gives back the report's figures.
// The engine's cross-check against the reference file is plie-report-2009.test.ts (beside this folder).

let db: TestDb
const s = DEMO_STRUCTURE.id

beforeAll(async () => {
  db = await createTestDb({ dataset: 'demo2009' })
}, 900_000)
afterAll(async () => {
  await db?.drop()
})

type Row = Record<string, number | string | null>
const rows = async (query: ReturnType<typeof sql<Row>>) =>
  (await query.execute(db.kysely)).rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
    ),
  )

/** the 2009 data set's pathways (the day's demo adds a few of its own, entered after 2020) with the publics on entry */
const pathways = sql`
  SELECT en.id, en.person_id, en.entry_date, en.exit_date, en.exit_reason, p.sex, pp.partner_id,
    extract(year from age(en.entry_date, p.birth_date))::int AS age,
    EXISTS (SELECT 1 FROM status_period sp WHERE sp.person_id = en.person_id AND sp.status = 'rsa'
      AND sp.start_date <= en.entry_date AND (sp.end_date IS NULL OR sp.end_date >= en.entry_date)) AS rsa,
    EXISTS (SELECT 1 FROM status_period sp WHERE sp.person_id = en.person_id AND sp.status = 'long_term_unemployed'
      AND sp.start_date <= en.entry_date AND (sp.end_date IS NULL OR sp.end_date >= en.entry_date)) AS ltu,
    EXISTS (SELECT 1 FROM status_period sp WHERE sp.person_id = en.person_id AND sp.status = 'rqth'
      AND sp.start_date <= en.entry_date AND (sp.end_date IS NULL OR sp.end_date >= en.entry_date)) AS rqth,
    EXISTS (SELECT 1 FROM enrolment ce JOIN programme cp ON cp.id = ce.programme_id
      WHERE ce.person_id = en.person_id AND cp.type IN ('civis', 'cej') AND ce.entry_date <= en.entry_date
        AND (ce.exit_date IS NULL OR ce.exit_date >= en.entry_date)) AS civis,
    p.priority_area IS NOT NULL AS zus
  FROM enrolment en JOIN programme g ON g.id = en.programme_id JOIN person p ON p.id = en.person_id
  LEFT JOIN plie_pathway pp ON pp.enrolment_id = en.id AND pp.structure_id = en.structure_id
  WHERE g.type = 'plie' AND en.structure_id = ${s} AND en.entry_date < '2020-01-01'`
const POSITIVE = sql`('cdi', 'cdd_over_6_months', 'work_study', 'interim_1215h', 'cirma', 'qualifying_training',
  'business_creation')`
const CONTRACTS = sql`('cdi', 'cdd_over_6_months', 'work_study', 'interim_1215h')`

describe('the PLIE in the 2009 data set', () => {
  it('gives back the flow of 2009', async () => {
    const [f] = await rows(sql<Row>`
      SELECT count(*) FILTER (WHERE entry_date < '2009-01-01') AS "atStart",
        count(*) FILTER (WHERE entry_date >= '2009-01-01') AS entries,
        count(*) FILTER (WHERE exit_date <= '2009-12-31') AS exits,
        count(*) FILTER (WHERE exit_date <= '2009-12-31' AND exit_reason IN ${POSITIVE}) AS positive,
        count(*) FILTER (WHERE exit_date IS NULL OR exit_date > '2009-12-31') AS "atEnd",
        count(*) AS during,
        count(*) FILTER (WHERE entry_date >= '2009-01-01' AND rsa) AS "entriesRsa",
        count(*) FILTER (WHERE exit_date <= '2009-12-31' AND exit_reason IN ${POSITIVE} AND rsa) AS "positiveRsa"
      FROM (${pathways}) f
      WHERE entry_date <= '2009-12-31' AND (exit_date IS NULL OR exit_date >= '2009-01-01')`)
    expect(f).toEqual({
      atStart: FLOW_2009.atStart,
      entries: FLOW_2009.entries,
      exits: FLOW_2009.exits,
      positive: FLOW_2009.positive,
      atEnd: FLOW_2009.atEnd,
      during: FLOW_2009.atStart + FLOW_2009.entries,
      entriesRsa: ENTRIES[2009].rsa,
      // the priority-public table's 189 (the flow table prints 192): docs/demo-2009.md
      positiveRsa: 189,
    })
  })

  it('gives back the entries of 2008 and 2009 by sex, age and public, everyone in a target public', async () => {
    for (const year of [2008, 2009] as const) {
      const [e] = await rows(sql<Row>`
        SELECT count(*) AS total, count(*) FILTER (WHERE sex = 'M') AS men, count(*) FILTER (WHERE sex = 'F') AS women,
          count(*) FILTER (WHERE age < 26) AS "under26", count(*) FILTER (WHERE rsa) AS rsa,
          count(*) FILTER (WHERE civis) AS civis, count(*) FILTER (WHERE ltu) AS "longTermUnemployed",
          count(*) FILTER (WHERE rqth) AS "disabledWorker", count(*) FILTER (WHERE zus) AS "priorityArea",
          count(*) FILTER (WHERE NOT (rsa OR civis OR ltu OR rqth OR zus)) AS "noPublic"
        FROM (${pathways}) f WHERE extract(year FROM entry_date) = ${year}`)
      expect(e, String(year)).toEqual({ ...ENTRIES[year], noPublic: 0 })
    }
  })

  it('gives back the positive exits by type over five years, and by priority public in 2009', async () => {
    const byYear = await rows(sql<Row>`
      SELECT extract(year FROM exit_date)::int AS year, exit_reason AS reason, count(*) AS n FROM (${pathways}) f
      WHERE exit_reason IN ${POSITIVE} AND exit_date BETWEEN '2005-01-01' AND '2009-12-31' GROUP BY 1, 2`)
    for (const [year, counts] of Object.entries(POSITIVE_BY_YEAR))
      for (const [reason, n] of Object.entries(counts))
        expect(byYear.find((r) => r.year === Number(year) && r.reason === reason)?.n ?? 0, `${year} ${reason}`).toBe(n)
    const byPublic = await rows(sql<Row>`
      SELECT exit_reason AS reason, count(*) FILTER (WHERE rsa) AS rsa, count(*) FILTER (WHERE rqth) AS rqth,
        count(*) FILTER (WHERE zus) AS zus
      FROM (${pathways}) f WHERE exit_reason IN ${POSITIVE} AND exit_date BETWEEN '2009-01-01' AND '2009-12-31'
      GROUP BY 1`)
    for (const key of ['rsa', 'rqth', 'zus'] as const)
      for (const [reason, n] of Object.entries(POSITIVE_2009_BY_PUBLIC[key]))
        expect(byPublic.find((r) => r.reason === reason)?.[key] ?? 0, `${key} ${reason}`).toBe(n)
  })

  it('credits the partners with their exits to contracts over 6 months, and proves each 2009 positive exit', async () => {
    const credited = await rows(sql<Row>`
      SELECT o.name, count(*) AS n FROM (${pathways}) f JOIN plie_organisation o ON o.id = f.partner_id
      WHERE f.exit_reason IN ${CONTRACTS} AND f.exit_date BETWEEN '2009-01-01' AND '2009-12-31' GROUP BY 1`)
    expect(Object.fromEntries(credited.map((r) => [r.name, r.n]))).toEqual(Object.fromEntries(PARTNER_EXITS))
    const [proof] = await rows(sql<Row>`
      SELECT count(*) AS positive, count(x.id) AS proven,
        count(*) FILTER (WHERE x.start_date > en.exit_date OR x.start_date < en.entry_date) AS "outsidePathway"
      FROM enrolment en JOIN programme g ON g.id = en.programme_id AND g.type = 'plie'
      JOIN plie_pathway pp ON pp.enrolment_id = en.id LEFT JOIN situation x ON x.id = pp.exit_situation_id
      WHERE en.structure_id = ${s} AND en.exit_reason IN ${POSITIVE} AND en.exit_date BETWEEN '2009-01-01' AND '2009-12-31'
        AND en.entry_date < '2020-01-01'`)
    expect(proof).toEqual({ positive: FLOW_2009.positive, proven: FLOW_2009.positive, outsidePathway: 0 })
  })

  it('gives back the employment steps of 2009 and the organisation’s persons into employment', async () => {
    const [steps] = await rows(sql<Row>`
      SELECT count(*) AS steps, count(DISTINCT st.person_id) AS participants FROM plie_step st
      JOIN situation x ON x.id = st.situation_id AND x.structure_id = st.structure_id
      WHERE st.structure_id = ${s} AND x.start_date BETWEEN '2009-01-01' AND '2009-12-31'
        AND x.kind IN ('cdi', 'cdd', 'interim', 'seasonal', 'other_employment', 'apprenticeship', 'professionalisation')
        AND (coalesce(x.end_date, x.planned_end_date) IS NULL
          OR coalesce(x.end_date, x.planned_end_date) + 1 >= x.start_date + interval '1 month')`)
    expect(steps).toEqual(EMPLOYMENT_STEPS_2009)
    // every step within its pathway
    const [outside] = await rows(sql<Row>`
      SELECT count(*) AS n FROM plie_step st JOIN situation x ON x.id = st.situation_id
      JOIN enrolment en ON en.id = st.enrolment_id
      WHERE st.structure_id = ${s} AND (x.start_date < en.entry_date OR x.start_date > coalesce(en.exit_date, x.start_date))`)
    expect(outside.n).toBe(0)
    // org.into_employment: a job, work-study or integration contract started in 2009, any person of the structure
    const [into] = await rows(sql<Row>`
      SELECT count(DISTINCT x.person_id) AS n FROM situation x
      WHERE x.structure_id = ${s} AND x.start_date BETWEEN '2009-01-01' AND '2009-12-31'
        AND x.kind IN ('cdi', 'cdd', 'interim', 'seasonal', 'self_employed', 'other_employment', 'apprenticeship',
          'professionalisation', 'subsidised_contract', 'insertion_contract')`)
    expect(into.n).toBe(INTO_EMPLOYMENT_2009)
  })

  it('gives back the funding per participant and its ESF part, and holds the 19 structures and 9 partners', async () => {
    const [f] = await rows(sql<Row>`
      SELECT sum(realised_cents) AS total, sum(realised_cents) FILTER (WHERE funder = 'esf') AS esf
      FROM plie_funding WHERE structure_id = ${s} AND year = 2009`)
    const during = FLOW_2009.atStart + FLOW_2009.entries
    expect([Number(f.total) / during, Number(f.esf) / during]).toEqual([
      FUNDING_2009.perParticipantCents,
      FUNDING_2009.esfPerParticipantCents,
    ])
    const kinds = await rows(sql<Row>`
      SELECT kind, count(*) AS n FROM plie_organisation WHERE structure_id = ${s} AND external_id LIKE 'PLIE2009-%'
      GROUP BY kind`)
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      aci: 13,
      ei: 4,
      ai: 1,
      etti: 1,
      employer_relations: 9,
    })
  })

  it('decides every 2009 entry in one of 160 committees of 5 to 15 cases, on the pathway’s entry day', async () => {
    const [c] = await rows(sql<Row>`
      SELECT count(*) AS committees, min(n) AS "fewest", max(n) AS "most", sum(n) AS cases
      FROM (SELECT c.id, count(k.id) AS n FROM plie_committee c LEFT JOIN plie_committee_case k ON k.committee_id = c.id
        WHERE c.structure_id = ${s} AND c.date BETWEEN '2009-01-01' AND '2009-12-31' GROUP BY c.id) x`)
    expect(c).toEqual({ committees: 160, fewest: 8, most: 15, cases: ENTRIES[2009].total })
    const [d] = await rows(sql<Row>`
      SELECT count(*) AS entries, count(*) FILTER (WHERE c.date = en.entry_date AND k.decision = 'accepted'
        AND pr.status = 'accepted' AND pr.proposed_on < c.date AND (pr.eligibility->>'eligible')::boolean) AS decided
      FROM enrolment en JOIN programme g ON g.id = en.programme_id AND g.type = 'plie'
      JOIN plie_pathway pp ON pp.enrolment_id = en.id LEFT JOIN plie_committee_case k ON k.id = pp.committee_case_id
      LEFT JOIN plie_committee c ON c.id = k.committee_id LEFT JOIN plie_proposal pr ON pr.id = k.proposal_id
      WHERE en.structure_id = ${s} AND en.entry_date BETWEEN '2009-01-01' AND '2009-12-31'`)
    expect(d).toEqual({ entries: ENTRIES[2009].total, decided: ENTRIES[2009].total })
  })

  it('keeps one file per person: the youth of the PLIE are Mission Locale persons, the adults 26 and over', async () => {
    const [p] = await rows(sql<Row>`
      SELECT count(*) FILTER (WHERE ps.external_id LIKE 'P3-%') AS youth,
        count(*) FILTER (WHERE ps.external_id LIKE 'PLIE-%' AND f.age < 26) AS "youngAdults",
        count(*) - count(DISTINCT f.person_id) AS "twoPathways"
      FROM (${pathways}) f JOIN person ps ON ps.id = f.person_id`)
    expect(p).toEqual({ youth: 938, youngAdults: 0, twoPathways: 0 })
  })
})
