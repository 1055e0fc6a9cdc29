// The director's quality trend (docs/quality.md): the counts of every rule on each month's last day, for the whole
// structure, on the 2009 data set (8 800 persons followed). Loads the data set into an in-memory PGlite (the test kit's
// loader, as the tests' `{ dataset: 'demo2009' }`), or into a fresh database of JALON_TEST_PG_URL's server with
// JALON_TEST_DB=postgres, then times qualityTrend as the route calls it — one query over the months — beside the
// former way, one query per month (the same counts, checked), alternately: a warm-up, then --runs runs of each;
// then as the route runs it, keeping the past months a few minutes: the first call and the next ones.
//
//   npx tsx bench/quality-trend.ts                     # PGlite, 12 months to 31/12/2009, 5 runs
//   JALON_TEST_DB=postgres npx tsx bench/quality-trend.ts
//   options: --today 2009-12-31  --months 12  --runs 5  --site <id> (one site)
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { Actor } from '../src/server/deps.ts'
import { qualityScope } from '../src/server/modules/quality/quality.policy.ts'
import { countOnDays } from '../src/server/modules/quality/quality.repository.ts'
import { qualitySummary, qualityTrend } from '../src/server/modules/quality/quality.service.ts'
import { createTestDb, testDbKind } from '../src/server/test/test-db.ts'
import '../src/server/modules/modules.ts'

const { values: opts } = parseArgs({
  options: {
    today: { type: 'string', default: '2009-12-31' },
    months: { type: 'string', default: '12' },
    runs: { type: 'string', default: '5' },
    site: { type: 'string' },
  },
})

const started = performance.now()
const db = await createTestDb({ dataset: 'demo2009' })
console.log(`${testDbKind} : jeu 2009 chargé en ${((performance.now() - started) / 1000).toFixed(1)} s`)
try {
  const structure = await db.kysely.selectFrom('structure').select('id').executeTakeFirstOrThrow()
  const user = await db.kysely
    .selectFrom('app_user')
    .select(['id', 'display_name', 'email'])
    .where('role', '=', 'director')
    .where('structure_id', '=', structure.id)
    .executeTakeFirstOrThrow()
  const actor: Actor = {
    userId: user.id,
    structureId: structure.id,
    timeZone: 'Europe/Paris',
    role: 'director',
    displayName: user.display_name,
    email: user.email,
    siteIds: [],
    programmeIds: [],
    sessionId: 'bench',
    ip: null,
  }
  const now = new Date(`${opts.today}T12:00:00Z`)
  const query = { months: Number(opts.months), siteId: opts.site }
  const run = () => db.kysely.transaction().execute((tx) => qualityTrend({ tx, actor, now }, query as never))
  const first = await run()
  const files = first.months.map((m) => m.files)
  console.log(`mois : ${first.months.length}, dossiers en activité de ${Math.min(...files)} à ${Math.max(...files)}`)
  console.log(
    `dernier mois : ${Object.entries(first.months.at(-1)!.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  // the former way: a query per month, on the same days and scope
  const days = first.months.map((m) => m.day)
  const scope = qualityScope(actor, query as never, opts.today)
  const perMonth = () =>
    db.kysely.transaction().execute(async (tx) => {
      const out = []
      for (const day of days) out.push(...(await countOnDays(tx, scope, [day])))
      return out
    })
  const former = await perMonth()
  if (JSON.stringify(former.map((m) => m.counts)) !== JSON.stringify(first.months.map((m) => m.counts)))
    throw new Error('the two ways disagree')
  const one: number[] = []
  const each: number[] = []
  const time = async (f: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now()
    await f()
    into.push(performance.now() - t0)
  }
  for (let i = 0; i < Number(opts.runs); i++) {
    await time(perMonth, each)
    await time(run, one)
  }
  const say = (what: string, times: number[]) => {
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)]!
    console.log(
      `${what} : médiane ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)} (${times.length} passages)`,
    )
  }
  say(`tendance (${query.months} mois), une requête par mois (avant)`, each)
  say(`tendance (${query.months} mois), une requête pour tous les mois`, one)
  // as the route calls it: the past months kept a few minutes, the current month counted every time
  const kept = () =>
    db.kysely.transaction().execute((tx) => qualityTrend({ tx, actor, now, deps: { db } }, query as never))
  const cold: number[] = []
  const warm: number[] = []
  await time(kept, cold)
  for (let i = 0; i < Number(opts.runs); i++) await time(kept, warm)
  say('tendance par la route, premier appel (mois passés calculés)', cold)
  say('tendance par la route, dans les 5 minutes (mois passés gardés)', warm)
  console.log(`charge moyenne (1 min) : ${loadavg()[0]!.toFixed(1)}`)
  const t0 = performance.now()
  await db.kysely.transaction().execute((tx) => qualitySummary({ tx, actor, now }, {} as never))
  console.log(`pour comparaison, le jour seul (par site et conseiller) : ${(performance.now() - t0).toFixed(0)} ms`)
} finally {
  await db.drop()
}
