import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import type { Actor, Deps } from '../../deps.ts'
import { getIndicator } from '../../reporting/catalogue.ts'
import { computeIndicator } from '../../reporting/engine.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { keyFiguresOf } from './key-figures.service.ts'

// The director's key figures on the 2009 data set: the persons counted for all sites in one query (the indicators'
// cross) are the indicator's own figure with a site scope, for a whole year (the facts) and a year to date (raw rows).
let db: TestDb
let actor: Actor
let deps: Deps
beforeAll(async () => {
  db = await createTestDb({ dataset: 'demo2009' })
  const structure = await db.kysely.selectFrom('structure').select('id').executeTakeFirstOrThrow()
  const user = await db.kysely
    .selectFrom('app_user')
    .select(['id', 'display_name', 'email'])
    .where('role', '=', 'director')
    .executeTakeFirstOrThrow()
  actor = {
    userId: user.id,
    structureId: structure.id,
    timeZone: 'Europe/Paris',
    role: 'director',
    displayName: user.display_name,
    email: user.email,
    siteIds: [],
    programmeIds: [],
    sessionId: 'test',
    ip: null,
  }
  deps = { db, config: loadConfig({ NODE_ENV: 'test' }) } as unknown as Deps
}, 600_000)
afterAll(() => db.drop())

const figures = { youth_in_contact: 'ml.youth_in_contact', first_receptions: 'ml.first_receptions' } as const

describe('key figures on the 2009 data set', () => {
  for (const [label, now, total] of [
    ['the whole year', '2010-03-01T10:00:00Z', [7036, 2201, 1112]],
    ['the year to 30 June', '2009-06-30T10:00:00Z', [5575, 1078, 545]],
  ] as const)
    it(`by site as with a site scope: ${label}`, async () => {
      const k = await db.kysely.transaction().execute((tx) => keyFiguresOf(deps, tx, actor, 2009, new Date(now)))
      expect(k.total.map((c) => c.value)).toEqual(total)
      expect(k.sites).toHaveLength(20)
      for (const site of k.sites.slice(0, 5))
        for (const [key, id] of Object.entries(figures)) {
          const own = await db.kysely.transaction().execute((tx) =>
            computeIndicator(tx, getIndicator(id), {
              structureId: actor.structureId,
              period: { from: k.from, to: k.to },
              scope: { siteIds: [site.siteId] },
            }),
          )
          expect(site.cells.find((c) => c.figure === key)!.value, `${site.siteName} ${key}`).toBe(own.value)
        }
      // a person counts once in the structure however many sites: the sites add up to the total
      const sum = k.sites.reduce((n, s) => n + s.cells.find((c) => c.figure === 'youth_in_contact')!.value!, 0)
      expect(sum).toBe(total[0])
    }, 300_000)
})
