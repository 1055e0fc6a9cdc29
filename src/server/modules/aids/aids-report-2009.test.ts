import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { DEMO_STRUCTURE } from '../../demo/demo-organisation.ts'
import { getIndicator } from '../../reporting/catalogue.ts'
import { computeIndicator } from '../../reporting/engine.ts'
import { cells } from '../../test/reporting.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'

// The aids' 2009 cross-check: the demo organisation with the 2009 data set, aid.requests and aid.projects computed by
// the engine for 2009 (the FDAJ's trends against 2008), and every figure of figures-2009.json « missionLocale.aids »
// and « missionLocale.civis.allowance ». The indicators never read the JSON; this test does, and never copies a figure.
// Shares are the indicators' counts or amounts divided here at the print's precision. Every numeric leaf is compared
// here or listed in NOT_CHECKED with why (the last test says so). Without the reference file the cross-check is skipped
// on a developer's machine, and FAILS under CI (CI=true).

const FIGURES =
  process.env.JALON_FIGURES_2009 ?? resolve(import.meta.dirname, '../../../../../shared/reference/figures-2009.json')
const reference = existsSync(FIGURES) ? JSON.parse(readFileSync(FIGURES, 'utf8')) : undefined
const ml = reference?.missionLocale
const inCi = !!process.env.CI && !['false', '0'].includes(process.env.CI)

describe.runIf(!ml?.aids && inCi)('the aids 2009 cross-check under CI', () => {
  it('has its reference figures', () => {
    expect.fail(`Fichier de référence absent ou sans partie « missionLocale.aids » : ${FIGURES}.`)
  })
})

/** Not compared, and why (docs/demo-2009.md, « Aids »). */
const NOT_CHECKED: Record<string, string> = {
  'aids.fipjDirect.byPurpose.meals.percent':
    'printed 47,70 % but 22 682,50 € of 47 502,61 € is 47,75 % (47,8 at the print’s one decimal): the data set keeps ' +
    'the printed amounts, whose share the indicator gives',
  'aids.fipjDirect.byPurpose.training.percent':
    'printed 11,50 % but 5 514,07 € of 47 502,61 € is 11,61 %: the amounts are kept (the printed shares add to 99,9)',
}

let db: TestDb
const r: Record<string, IndicatorResult> = {}
const checked = new Set<string>()

function shareAt(n: number | null | undefined, d: number | null | undefined, decimals: number): number | null {
  if (n === null || n === undefined || !d) return null
  const f = 10 ** decimals
  return Math.round((n * 100 * f) / d) / f
}

/** The reference figure at `path` (under missionLocale) against `got`, at the print's `decimals`. */
function check(bad: string[], path: string, got: number | null | undefined, decimals = 0) {
  checked.add(path)
  const printed = path.split('.').reduce((o, k) => o?.[k], ml)
  if (typeof printed !== 'number') return void bad.push(`${path}: no such reference figure`)
  if (got === null || got === undefined) return void bad.push(`${path}: missing (printed ${printed})`)
  const f = 10 ** decimals
  if (Math.round(got * f) / f !== printed) bad.push(`${path}: got ${got}, printed ${printed}`)
}
const figure = (res: IndicatorResult, key: string) => res.figures.find((f) => f.key === key)?.value

describe.skipIf(!ml?.aids)('the aids figures of the 2009 report, through the indicator engine', () => {
  beforeAll(async () => {
    db = await createTestDb({ dataset: 'demo2009' })
    for (const id of ['aid.requests', 'aid.projects'])
      r[id] = await computeIndicator(db.kysely, getIndicator(id), {
        structureId: DEMO_STRUCTURE.id,
        period: { from: '2009-01-01', to: '2009-12-31' },
      })
  }, 1_200_000)
  afterAll(() => db?.drop())

  it('the FIPJ’s direct aids: requests, decisions, amounts by purpose, minors and adults; its indirect aids', () => {
    const bad: string[] = []
    const f = cells(r['aid.requests'], 'byFund').FIPJ
    const p = 'aids.fipjDirect'
    check(bad, `${p}.requests`, f?.requests)
    check(bad, `${p}.favourable`, f?.granted)
    // « 133 étaient hors critères. Les demandes ont été réorientées… »: refused or redirected
    check(bad, `${p}.outOfCriteria`, (f?.refused ?? 0) + (f?.redirected ?? 0))
    check(bad, `${p}.amountEur`, f?.amountGranted, 2)
    const purposes = cells(r['aid.requests'], 'byPurpose')
    const total = purposes.FIPJ?.amountGranted
    for (const purpose of Object.keys(ml.aids.fipjDirect.byPurpose)) {
      const amount = purposes[`FIPJ.${purpose}`]?.amountGranted
      if (`amountEur` in ml.aids.fipjDirect.byPurpose[purpose])
        check(bad, `${p}.byPurpose.${purpose}.amountEur`, amount, 2)
      if (!NOT_CHECKED[`${p}.byPurpose.${purpose}.percent`])
        check(bad, `${p}.byPurpose.${purpose}.percent`, shareAt(amount, total, 1), 1)
    }
    // accommodation has no printed amount: the rest of the total (documented), its share checked above
    expect(purposes['FIPJ.accommodation']?.amountGranted).toBe(325)
    const a = cells(r['aid.requests'], 'byAge').FIPJ
    check(bad, `${p}.adultsShare`, shareAt(a?.adults, a?.persons, 2), 2)
    check(bad, `${p}.minorsShare`, shareAt(a?.minors, a?.persons, 2), 2)
    check(bad, 'aids.fipjIndirectAmountEur', cells(r['aid.requests'], 'indirect').FIPJ?.amount, 2)
    expect(bad).toEqual([])
  })

  it('the FDAJ: files, favourable, amounts by track, the reinforced aid’s contracts, purposes, trends on 2008', () => {
    const bad: string[] = []
    const q = 'aids.fdaj'
    const f = cells(r['aid.requests'], 'byFund').FDAJ
    check(bad, `${q}.filesLodged`, f?.requests)
    check(bad, `${q}.favourable`, f?.granted)
    const t = cells(r['aid.requests'], 'byTrack')
    check(bad, `${q}.emergencyEur`, t['FDAJ.emergency']?.amountGranted, 2)
    check(bad, `${q}.oneOffEur`, t['FDAJ.ordinary']?.amountGranted, 2)
    check(bad, `${q}.reinforced.amountEur`, t['FDAJ.reinforced']?.amountGranted, 2)
    check(bad, `${q}.reinforced.granted`, t['FDAJ.reinforced']?.granted)
    check(bad, `${q}.reinforced.averageMonths`, t['FDAJ.reinforced']?.averageMonths)
    const purposes = cells(r['aid.requests'], 'byPurpose')
    for (const purpose of Object.keys(ml.aids.fdaj.byPurpose))
      check(bad, `${q}.byPurpose.${purpose}`, shareAt(purposes[`FDAJ.${purpose}`]?.requests, f?.requests, 0))
    check(bad, `${q}.trend.oneOffAndReinforcedConsumption`, cells(r['aid.requests'], 'consumption').FDAJ?.change)
    check(bad, `${q}.trend.emergencyRequests`, t['FDAJ.emergency']?.requestsChange)
    check(bad, `${q}.trend.reinforcedRequests`, t['FDAJ.reinforced']?.requestsChange)
    expect(bad).toEqual([])
  })

  it('the CIVIS allowance: requests and amount of 2009', () => {
    const bad: string[] = []
    const c = cells(r['aid.requests'], 'byFund').CIVIS
    check(bad, 'civis.allowance.requests', c?.requests)
    check(bad, 'civis.allowance.amountEur', c?.amountGranted, 2)
    expect(bad).toEqual([])
  })

  it('the CLAP’s projects and the holiday projects', () => {
    const bad: string[] = []
    const res = r['aid.projects']
    const c = 'aids.clap'
    check(bad, `${c}.projectsAccompanied`, figure(res, 'accompanied'))
    check(bad, `${c}.projectsFunded`, figure(res, 'funded'))
    check(bad, `${c}.economic`, figure(res, 'economic'))
    const n = cells(res, 'byNature')
    for (const sector of Object.keys(ml.aids.clap.economicBySector))
      check(bad, `${c}.economicBySector.${sector}`, n[`economic.${sector}`]?.funded)
    check(bad, `${c}.socialCultural`, figure(res, 'nonEconomic'))
    check(bad, `${c}.youthSupported`, figure(res, 'youth'))
    check(bad, `${c}.amountEur`, figure(res, 'amount'), 2)
    check(bad, `${c}.jobsCreated`, figure(res, 'jobs'))
    const h = 'aids.holidays'
    check(bad, `${h}.youth`, figure(res, 'holidayYouth'))
    check(bad, `${h}.projects`, figure(res, 'holidayProjects'))
    check(bad, `${h}.budgetEur`, figure(res, 'holidayAmount'), 2)
    check(bad, `${h}.aidPerYouthEur`, cells(res, 'holidays').total?.perYouth, 2)
    // the holiday fund's requests give the same young people and amount
    const v = cells(r['aid.requests'], 'byFund').VACANCES
    if (v?.granted !== ml.aids.holidays.youth || v?.amountGranted !== ml.aids.holidays.budgetEur)
      bad.push(`holiday requests: ${v?.granted}, ${v?.amountGranted}`)
    expect(bad).toEqual([])
  })

  it('compares or lists every figure of « aids » and of the allowance', () => {
    const leaves: string[] = []
    const walk = (o: unknown, path: string) => {
      if (typeof o === 'number') leaves.push(path)
      else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`)
    }
    walk(ml.aids, 'aids')
    walk(ml.civis.allowance, 'civis.allowance')
    expect(leaves.filter((path) => !checked.has(path) && !NOT_CHECKED[path])).toEqual([])
  })
})
