import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import type { Deps } from '../../deps.ts'
import { buildStructure, buildUser } from '../../test/builders.ts'
import { TestClock } from '../../test/test-app.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { notify } from './index.ts'
import { notificationsCommand, purgeNotifications } from './notifications.purge.ts'

// Old notifications are purged: read ones 90 days after they were written (configurable), unread ones after a year,
// in every structure; the newer ones stay.
let db: TestDb
let deps: Deps
const now = new Date('2026-12-01T03:00:00Z')
const daysAgo = (d: number, extraMs = 0) => new Date(now.getTime() - d * 86_400_000 - extraMs)

beforeAll(async () => {
  db = await createTestDb()
  deps = { db, clock: new TestClock(now), config: loadConfig({ NODE_ENV: 'test' }), mailer: { send: async () => {} } }
})
afterAll(() => db.drop())

async function seed() {
  const fx = await buildStructure(db)
  const user = await buildUser(db, fx, { role: 'counsellor' })
  const put = async (text: string, at: Date, readAt: Date | null) => {
    await db.kysely
      .transaction()
      .execute((tx) => notify(tx, { structureId: fx.structureId, recipientId: user.id, text, link: null }, at))
    if (readAt) await db.kysely.updateTable('notification').set({ read_at: readAt }).where('text', '=', text).execute()
  }
  const tag = fx.structureId
  await put(`${tag} read old`, daysAgo(90, 1), daysAgo(89))
  await put(`${tag} read recent`, daysAgo(89), daysAgo(89))
  await put(`${tag} unread 300 days`, daysAgo(300), null)
  await put(`${tag} unread old`, daysAgo(365, 1), null)
  await put(`${tag} read very old`, daysAgo(400), daysAgo(399))
  const left = async () =>
    (
      await db.kysely
        .selectFrom('notification')
        .select('text')
        .where('structure_id', '=', fx.structureId)
        .orderBy('text')
        .execute()
    ).map((r) => r.text.replace(`${tag} `, ''))
  return left
}

describe('the purge of notifications', () => {
  it('deletes the read ones past 90 days and any past a year, in every structure', async () => {
    const [a, b] = [await seed(), await seed()]
    expect(await purgeNotifications(deps, now)).toBe(6)
    for (const left of [a, b]) expect(await left()).toEqual(['read recent', 'unread 300 days'])
    expect(await purgeNotifications(deps, now)).toBe(0)
  })

  it('keeps what the configuration says, and runs as `jalon notifications purge`', async () => {
    const left = await seed()
    const out: string[] = []
    const config = loadConfig({
      NODE_ENV: 'test',
      NOTIFICATIONS_KEEP_READ_DAYS: '30',
      NOTIFICATIONS_KEEP_UNREAD_DAYS: '200',
    })
    expect(config.notifications).toEqual({ keepReadDays: 30, keepUnreadDays: 200, purgeSeconds: 0 })
    const code = await notificationsCommand.run({
      deps: { ...deps, config },
      values: {},
      positionals: ['purge'],
      log: (m) => out.push(m),
    })
    expect(code).toBe(0)
    expect(await left()).toEqual([])
    expect(out).toEqual([
      // these five, and the four the first test left in two other structures
      '9 notifications supprimées (lues depuis plus de 30 jours, non lues depuis plus de 200 jours).',
    ])
    expect(await notificationsCommand.run({ deps, values: {}, positionals: [], log: () => {} })).toBe(2)
    expect(loadConfig({ NODE_ENV: 'development' }).notifications).toEqual({
      keepReadDays: 90,
      keepUnreadDays: 365,
      purgeSeconds: 3600,
    })
  })
})
