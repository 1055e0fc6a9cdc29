import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { ageBand, type Counts, type Figures, reportLevel, SITUATION_GROUPS } from './figures.ts'

// The indicator contract in plain SQL, independent of the reporting module: what the database holds for 2009 (and
// the years before where the contract asks). Used by the DB test and bench/demo-2009.ts.

type Q = Kysely<Database>
const inc = (c: Counts, k: string) => {
  c[k] = (c[k] ?? 0) + 1
}

/** the ML population of a period, as a SQL fragment usable in `IN (…)` */
const mlPopulation = (s: string, from: string, to: string) => sql`
  SELECT e.person_id FROM enrolment e JOIN programme g ON g.id = e.programme_id
  WHERE g.code = 'ML' AND e.structure_id = ${s} AND e.entry_date <= ${to}::date
    AND (e.exit_date IS NULL OR e.exit_date >= ${from}::date)`

const valueOn = (attribute: string, on: ReturnType<typeof sql>) => sql`(
  SELECT a.value FROM person_attribute a WHERE a.person_id = p.id AND a.attribute = ${attribute} AND a.valid_from <= ${on}
  ORDER BY a.valid_from DESC LIMIT 1)`

export async function checkFigures(db: Q, structureId: string, year = 2009): Promise<Figures> {
  const s = structureId
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const end = sql`${to}::date`

  const youthRows = await sql<Record<string, string | number | null>>`
    SELECT p.sex, p.priority_area, date_part('year', age(${end}, p.birth_date))::int AS age,
      ${valueOn('education_level', end)} AS level, ${valueOn('diploma', end)} AS diploma,
      ${valueOn('family_situation', end)} AS family, ${valueOn('housing', end)} AS housing,
      ${valueOn('resources', end)} AS resources, ${valueOn('driving_licence', end)} AS licence
    FROM person p
    WHERE p.structure_id = ${s} AND p.id IN (${mlPopulation(s, from, to)})
      AND EXISTS (SELECT 1 FROM event v WHERE v.person_id = p.id AND v.date BETWEEN ${from}::date AND ${end}
                  AND v.attendance IS DISTINCT FROM 'absent')`.execute(db)
  const y: Figures['youth'] = {
    total: youthRows.rows.length,
    byLevelAndBand: {},
    men: 0,
    family: {},
    housing: {},
    resources: {},
    licence: {},
    aged18to25: 0,
    minors: 0,
    infraV: 0,
    noDiploma: 0,
    belowLevelIV: 0,
    zus: 0,
  }
  for (const r of youthRows.rows) {
    const level = reportLevel(r.level as string | null)
    const age = r.age as number
    y.byLevelAndBand[level] ??= {}
    inc(y.byLevelAndBand[level], ageBand(age))
    if (r.sex === 'M') y.men++
    inc(y.family, (r.family as string) ?? 'unknown')
    inc(y.housing, (r.housing as string) ?? 'unknown')
    inc(y.resources, (r.resources as string) ?? 'unknown')
    inc(y.licence, (r.licence as string) ?? 'unknown')
    if (age >= 18 && age <= 25) y.aged18to25++
    if (age < 18) y.minors++
    if (level === 'Vbis' || level === 'VI') y.infraV++
    if (r.diploma === 'none') y.noDiploma++
    if (['none', 'cfg_dnb', 'cap_bep'].includes(r.diploma as string)) y.belowLevelIV++
    if (r.priority_area !== null) y.zus++
  }

  const frDay = sql`p.first_reception_date`
  const frRows = await sql<Record<string, string | number | null>>`
    SELECT p.sex, p.priority_area, date_part('year', age(p.first_reception_date, p.birth_date))::int AS age,
      ${valueOn('education_level', frDay)} AS level, ${valueOn('diploma', frDay)} AS diploma,
      ${valueOn('mobility', frDay)} AS mobility
    FROM person p
    WHERE p.structure_id = ${s} AND p.id IN (${mlPopulation(s, from, to)})
      AND p.first_reception_date BETWEEN ${from}::date AND ${end}`.execute(db)
  const f: Figures['firstReceptions'] = {
    total: frRows.rows.length,
    byBand: {},
    byLevel: {},
    women: 0,
    under22: 0,
    minors: 0,
    infraV: 0,
    noDiploma: 0,
    noBaccalaureate: 0,
    zus: 0,
    mobility: { carOrMotorbike: 0, publicTransport: 0, none: 0 },
  }
  for (const r of frRows.rows) {
    const age = r.age as number
    const level = reportLevel(r.level as string | null)
    inc(f.byBand, ageBand(age))
    inc(f.byLevel, level)
    if (r.sex === 'F') f.women++
    if (age < 22) f.under22++
    if (age < 18) f.minors++
    if (level === 'Vbis' || level === 'VI') f.infraV++
    if (r.diploma === 'none') f.noDiploma++
    if (['none', 'cfg_dnb', 'cap_bep'].includes(r.diploma as string)) f.noBaccalaureate++
    if (r.priority_area !== null) f.zus++
    if (r.mobility === 'car' || r.mobility === 'moped') f.mobility.carOrMotorbike++
    if (r.mobility === 'public_transport') f.mobility.publicTransport++
    if (r.mobility === 'none') f.mobility.none++
  }

  const propositions = async (y: number) => {
    const rows = await sql<{ domain: string; theme: string; n: number; persons: number }>`
      SELECT t.domain, t.national_code AS theme, count(*)::int AS n, count(DISTINCT x.person_id)::int AS persons
      FROM proposition x JOIN proposition_theme t ON t.code = x.theme AND (t.structure_id IS NULL OR t.structure_id = ${s})
      WHERE x.structure_id = ${s} AND x.date BETWEEN ${`${y}-01-01`}::date AND ${`${y}-12-31`}::date
        AND x.person_id IN (${mlPopulation(s, `${y}-01-01`, `${y}-12-31`)})
      GROUP BY ROLLUP ((t.domain, t.national_code))`.execute(db)
    return rows.rows
  }
  const p9 = await propositions(year)
  const p8 = await propositions(year - 1)
  const byTheme: Counts = {}
  const byDomain: Counts = {}
  for (const r of p9.filter((r) => r.theme !== null)) {
    byTheme[r.theme] = r.n
    byDomain[r.domain] = (byDomain[r.domain] ?? 0) + r.n
  }
  const total = (rows: typeof p9) => rows.find((r) => r.theme === null) ?? { n: 0, persons: 0 }

  const situations: Figures['situations'] = {}
  for (const yy of [year - 2, year - 1, year]) {
    situations[yy] = {}
    for (const [group, kinds] of Object.entries(SITUATION_GROUPS)) {
      const r = await sql<{ measures: number; persons: number }>`
        SELECT count(*)::int AS measures, count(DISTINCT x.person_id)::int AS persons FROM situation x
        WHERE x.structure_id = ${s} AND x.kind IN (${sql.join(kinds)})
          AND x.start_date BETWEEN ${`${yy}-01-01`}::date AND ${`${yy}-12-31`}::date
          AND x.person_id IN (${mlPopulation(s, `${yy}-01-01`, `${yy}-12-31`)})`.execute(db)
      situations[yy][group] = r.rows[0]
    }
  }

  const civis = await sql<Figures['civis']>`
    SELECT count(*) FILTER (WHERE e.entry_date BETWEEN ${from}::date AND ${end})::int AS entries,
      count(*) FILTER (WHERE e.entry_date BETWEEN ${from}::date AND ${end} AND p.sex = 'F')::int AS women,
      count(*) FILTER (WHERE e.entry_date BETWEEN ${from}::date AND ${end} AND e.reinforced)::int AS reinforced,
      count(*) FILTER (WHERE e.entry_date BETWEEN ${from}::date AND ${end}
        AND date_part('year', age(e.entry_date, p.birth_date)) BETWEEN 18 AND 21)::int AS "aged18to21",
      count(*) FILTER (WHERE e.exit_date BETWEEN ${from}::date AND ${end})::int AS exits
    FROM enrolment e JOIN programme g ON g.id = e.programme_id JOIN person p ON p.id = e.person_id
    WHERE g.code = 'CIVIS' AND e.structure_id = ${s} AND e.person_id IN (${mlPopulation(s, from, to)})`.execute(db)

  const employment = await sql<{ n: number }>`
    SELECT count(DISTINCT x.person_id)::int AS n FROM situation x
    WHERE x.structure_id = ${s} AND x.kind IN (${sql.join(SITUATION_GROUPS.employmentTotal)})
      AND x.start_date BETWEEN ${from}::date AND ${end}`.execute(db)

  return {
    youth: y,
    firstReceptions: f,
    propositions: {
      total: total(p9).n,
      byTheme,
      byDomain,
      persons: total(p9).persons,
      total2008: total(p8).n,
      persons2008: total(p8).persons,
    },
    situations,
    civis: civis.rows[0],
    intoEmployment: employment.rows[0].n,
  }
}
