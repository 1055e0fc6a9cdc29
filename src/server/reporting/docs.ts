import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { allIndicators, catalogueEntry, familyLabel } from './catalogue.ts'
import { annualReportSections } from './report/sections.ts'
import { reportingPolicy } from './reporting.policy.ts'
import { decimalsRule } from './tables.ts'

// docs/indicators.md is generated from the declarations: `npx tsx src/server/reporting/docs.ts` rewrites it, and
// docs.unit.test.ts fails when the committed file no longer matches them. Definitions live in one place: the code.

export const DOC_PATH = resolve(import.meta.dirname, '../../../docs/indicators.md')

const conventions = `## Conventions

- **Period**: a closed range of dates \`from\`–\`to\` (both included), a calendar year by default. *At end* = the state on
  \`to\` (the report's "au 31/12").
- **State on a date**: a dated attribute (level, diploma, family situation, housing, resources, driving licence,
  mobility) is the row with the latest \`valid_from\` on or before the date (from the raw rows: one LATERAL subquery
  per person reading all the attributes it needs in one pass, \`statesOn\` in \`src/server/reporting/sql.ts\`). A
  change dated the day after the period end is not seen; a change dated on the last day is.
- **Age** = full years between the birth date and the reference date. **Age bands**: \`16-17\` (under 16 included),
  \`18-21\`, \`22-25\`, \`26+\`.
- **Level**: 1969 nomenclature, III, II and I grouped as \`III+\`; a 2019 level entered alone is mapped to its 1969
  equivalent; \`unknown\` when no level is valid on the date.
- **Open enrolment**: open on a day D when entry ≤ D and (no exit, or exit ≥ D), both days included; open during a
  period when open on one of its days (entry ≤ end, no exit or exit ≥ start). One definition
  (\`src/server/modules/accompaniment/enrolment-open.ts\`), the same for the report, the caseload and who sees a file.
- **Programmes are found by their type** (Mission Locale, PLIE, CIVIS, CEJ, mentoring, other), chosen in the
  administration, never by their editable code: renaming a code changes no figure.
- **Mission Locale population**: persons with an enrolment open during the period in a programme of type
  \`mission_locale\`. Every \`ml.*\` indicator is restricted to it.
- **Scope**: every indicator can be restricted to sites (person's site), a programme (an enrolment in it open during
  the period), a commune (person's commune), a counsellor (person's referent), and split by sex (\`bySex=true\`: the
  same indicator restricted to women, then to men).
- **Shares** are computed on the indicator's own population.
- **Facts per person and year** (how a calendar year is computed, not what it counts): for a period that is one
  calendar year whose facts are built, the Mission Locale indicators read one row per person of the year's
  population (\`ml_person_year\`: site, sex, priority area, age on 31/12, contact, each dated attribute on 31/12, the
  first reception and the age, level, diploma and mobility on its day, the number of propositions, the kinds of the
  situations started) and two companions (\`ml_person_year_theme\`: propositions by structure, domain and theme;
  \`ml_person_year_programme\`: entries into and exits from other programmes, with reinforced, sex and age on the
  day), instead of the raw history. The facts hold values as recorded: every definition above (levels, age bands,
  'unknown', national themes, situation groups, the 18–21 of CIVIS) stays in the indicators, applied to the facts as
  to the raw rows, so both give the same figures (a test compares the whole report both ways on the 2009 data set,
  and property tests check the facts against a rebuild after random writes and random imports). A year is built by
  \`jalon facts rebuild [--year AAAA]\` (and by the demo's load); from then on every write keeps it up to date in its
  own transaction (an import at its end, once for all its rows), so a built year is never stale. Any other period, a
  year not built, a year built under an older definition of the facts (\`jalon facts status\` names them; rebuild
  after such an upgrade, docs/operations.md), or a run with \`facts: false\` reads the raw rows. Rows a person has
  under another structure than their own (the application never writes them) count in the facts for propositions
  and programme movements as in the raw rows, and are taken as the person's for situations.
- **Decimals**: one rule per kind of value for every indicator, table and figure on every output (screen, JSON,
  spreadsheet, PDF), rounded half up (\`decimalsFor\` in \`src/server/reporting/tables.ts\`; no indicator chooses its
  own precision): ${decimalsRule()}.
- **Year on year**: \`compare=N\` gives the indicator over the requested period and the N − 1 previous periods of the
  same length (whole months shift by months: a year, then the year before; other ranges by their number of days).
- **Objectives**: yearly, per funder agreement, on an indicator's headline value or one of the figures it declares.
  A period of whole calendar years sums the yearly targets; a part of a year prorates them by days (and says so).
  Every result shows target, result, gap (result − target) and rate (result ÷ target, in %, as a share).
- **Statistical secrecy** (published outputs only: the PDF, the spreadsheet, and the JSON or API with \`public=true\`):
  a count from 1 to threshold − 1 is hidden (\`SECRECY_THRESHOLD\`, default 5; \`SECRECY_THRESHOLD_SENSITIVE\`, default
  11, for tables crossing health, justice or welfare status). Secondary suppression: a table's totals are equations
  (a total = the sum of its parts, rows, subtotals and the total column); any equation left with one hidden member
  gets a second one hidden (the smallest non-zero part first), until none can be solved by subtraction. Shares
  derived from a hidden count are hidden with it. Hidden values print as \`s\`. Limits: the rule works table by table;
  a share shown outside a table is hidden only when its own count is small.
`

function indicatorSection(): string {
  const out: string[] = []
  const indicators = allIndicators()
  for (const family of [...new Set(indicators.map((i) => i.family))]) {
    out.push(`## ${familyLabel(family)}\n`)
    for (const decl of indicators.filter((i) => i.family === family)) {
      const e = catalogueEntry(decl)
      out.push(`### \`${e.id}\` — ${e.label}\n`)
      out.push(`${e.definition}\n`)
      out.push(`- **Population** : ${e.population}`)
      if (e.breakdowns.length) out.push(`- **Ventilations** : ${e.breakdowns.join(' ; ')}`)
      if (e.sensitive)
        out.push('- **Secret renforcé** : tous ses tableaux croisent la santé, la justice ou les minima sociaux')
      if (e.objectiveKeys.length)
        out.push(`- **Objectifs possibles** : ${e.objectiveKeys.map((k) => `\`${k.key}\` (${k.label})`).join(', ')}`)
      for (const note of e.notes) out.push(`- ${note}`)
      out.push('')
    }
  }
  return out.join('\n')
}

function reportSection(): string {
  const lines = [
    '## The annual report\n',
    'Sections, in order (each module’s `report` chapter, e.g. `src/server/modules/mission-locale/mission-locale.report.ts`):\n',
  ]
  annualReportSections().forEach((s, i) => {
    const items = s.items.map((it) => `\`${it.indicator}\`${it.tables ? ` (${it.tables.join(', ')})` : ''}`)
    lines.push(`${i + 1}. **${s.title}** — ${items.join(' ; ')}`)
  })
  lines.push(
    '',
    'Outputs: `jalon report --from … --to … [--site CODE] [--format json|xlsx|pdf] [--out file] [--public]` and',
    '`GET /api/reports/annual?from&to&siteId&format&public`. The JSON holds every indicator keyed by its id. The',
    'spreadsheet and the PDF are published documents (secrecy applied) unless `public=false` is asked, in which case',
    'they are stamped "document interne".',
    '',
  )
  return lines.join('\n')
}

function accessSection(): string {
  const role = (roles: readonly string[]) => roles.map((r) => `\`${r}\``).join(', ')
  return [
    '## Who sees what (`src/server/reporting/reporting.policy.ts`)\n',
    `- Indicators and reports: ${role(reportingPolicy.readIndicators)}. Directors and statisticians see the whole`,
    '  structure; a counsellor sees the persons of their own sites only (another site is refused).',
    `- Catalogue: ${role(reportingPolicy.readCatalogue)}.`,
    `- Objectives: read ${role(reportingPolicy.readObjectives)}; managed by ${role(reportingPolicy.manageObjectives)}.`,
    '',
  ].join('\n')
}

export function renderIndicatorsDoc(): string {
  return [
    '# Indicators',
    '',
    '<!-- Generated from the modules’ indicator declarations: run `npx tsx src/server/reporting/docs.ts`. Do not edit. -->',
    '',
    'Every figure of the annual report is an indicator declared as data (id, French label and definition, population,',
    'query, breakdowns). The ids are stable: the report, the API (`GET /api/indicators/:id`) and the tests name them.',
    'Definitions are in French, as users read them.',
    '',
    conventions,
    indicatorSection(),
    reportSection(),
    accessSection(),
  ].join('\n')
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await import('../modules/modules.ts')
  writeFileSync(DOC_PATH, renderIndicatorsDoc())
  console.log(`Écrit : ${DOC_PATH}`)
}
