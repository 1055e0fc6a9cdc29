import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildUser, TEST_PASSWORD } from '../../test/builders.ts'
import { createTestContext, type TestContext } from '../../test/test-app.ts'
import { chainHash, GENESIS_HASH, verifyAuditChain } from './audit.chain.ts'
import { auditCommand } from './audit.commands.ts'
import { writeAudit } from './audit.repository.ts'

// The audit chain on both databases: lines written through the app are chained; whoever edits the table behind the
// app's back (the owner, a superuser: triggers disabled) leaves a broken link that `jalon audit verify` finds.

async function runVerify(t: TestContext) {
  const out: string[] = []
  const code = await auditCommand.run({ deps: t.deps, values: {}, positionals: ['verify'], log: (m) => out.push(m) })
  return { code, out: out.join('\n') }
}

const count = async (t: TestContext) =>
  (
    await t.db.kysely
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n

/** a few audit lines through the app: sign-ins (success and failure), with their detail */
async function someLines(t: TestContext) {
  await t.as('counsellor')
  await t.as('director')
  await t.as('statistician')
  const user = await buildUser(t.db, t.fx, { role: 'reception' })
  const anon = await t.anonymous()
  expect((await anon.post('/api/auth/sign-in', { email: user.email, password: 'not-the-password!' })).statusCode).toBe(
    401,
  )
  expect((await anon.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200)
}

/** As the owner/superuser, with the append-only trigger lifted: what the application's role cannot do. */
const asOwner = async (t: TestContext, statement: string) => {
  await sql.raw('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update').execute(t.db.kysely)
  await sql.raw(statement).execute(t.db.kysely)
  await sql.raw('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update').execute(t.db.kysely)
}

describe('audit chain', () => {
  let t: TestContext
  beforeAll(async () => {
    t = await createTestContext()
    await someLines(t)
  })
  afterAll(() => t.close())

  it('chains every line written through the app, and jalon audit verify finds it intact', async () => {
    const rows = await t.db.kysely.selectFrom('audit_event').selectAll().orderBy('seq').execute()
    expect(rows.length).toBe(5)
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1))
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
    const head = await t.db.kysely.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow()
    expect(head).toMatchObject({ seq: rows.length, hash: rows.at(-1)!.hash })
    const { code, out } = await runVerify(t)
    expect(out).toMatch(new RegExp(`^chaîne intacte : ${rows.length} lignes`))
    expect(code).toBe(0)
  })

  it('hashes the canonical text of every field: Node and the database agree on accents, quotes, nulls and JSON', async () => {
    await t.db.kysely
      .transaction()
      .execute((tx) =>
        writeAudit(
          tx,
          new Date('2026-03-02T09:00:00.123Z'),
          { anonymous: 'Zoé « l’ancienne » |5:x', ip: null },
          { action: 'test.canonical', entity: 'x', detail: { z: [1.5, 'é\n"'], a: { b: null }, n: 10 } },
        ),
      )
    const report = await verifyAuditChain(t.db.kysely)
    expect(report).toMatchObject({ ok: true, count: await count(t) })
  })

  it('sets seq, prev_hash and hash itself, whatever the insert says', async () => {
    const forged = await t.db.kysely
      .insertInto('audit_event')
      .values({
        at: t.clock.now(),
        actor_label: 'x',
        action: 'test.forged',
        entity: 'x',
        seq: 1,
        prev_hash: GENESIS_HASH,
        hash: 'f'.repeat(64),
      })
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow()
    expect(forged.seq).toBe(await count(t))
    expect(forged.hash).not.toBe('f'.repeat(64))
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true)
  })

  it('ten concurrent requests that audit keep one valid chain', async () => {
    const users = await Promise.all(
      Array.from({ length: 10 }, (_, i) => buildUser(t.db, t.fx, { role: 'counsellor', email: `conc${i}@t.fr` })),
    )
    const clients = await Promise.all(users.map(() => t.anonymous()))
    const before = await count(t)
    const results = await Promise.all(
      clients.map((c, i) => c.post('/api/auth/sign-in', { email: users[i]!.email, password: TEST_PASSWORD })),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200))
    const after = await count(t)
    expect(after).toBeGreaterThanOrEqual(before + 10)
    const seqs = (await t.db.kysely.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => r.seq)
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    expect(await verifyAuditChain(t.db.kysely)).toMatchObject({ ok: true, count: after })
  })
})

describe('audit chain: tampering by the owner is found', () => {
  let t: TestContext
  let lines: { seq: number; id: number }[]
  beforeAll(async () => {
    t = await createTestContext()
    await someLines(t)
    lines = await t.db.kysely.selectFrom('audit_event').select(['seq', 'id']).orderBy('seq').execute()
  })
  afterAll(() => t.close())
  const line = (seq: number) => lines[seq - 1]!

  it('a line whose detail was changed is reported at that line; put back, the chain is intact again', async () => {
    const target = line(3)
    const { detail } = await sql<{ detail: string | null }>`SELECT detail::text AS detail FROM audit_event WHERE id = ${
      target.id
    }`
      .execute(t.db.kysely)
      .then((r) => r.rows[0]!)
    await asOwner(t, `UPDATE audit_event SET detail = '{"email":"autre@x.fr"}' WHERE id = ${target.id}`)
    const { code, out } = await runVerify(t)
    expect(code).toBe(1)
    expect(out).toMatch(new RegExp(`^chaîne rompue à la ligne n° 3 \\(id ${target.id}, \\d{4}-\\d\\d-\\d\\d .*UTC\\)`))
    expect(out).toContain('contenu a été modifié')
    expect(out).toContain('2 lignes vérifiées intactes avant elle')
    const back = detail === null ? 'NULL' : `'${detail.replaceAll("'", "''")}'`
    await asOwner(t, `UPDATE audit_event SET detail = ${back} WHERE id = ${target.id}`)
    expect((await runVerify(t)).code).toBe(0)
  })

  it('a line rewritten with a recomputed hash is reported at the line that follows it', async () => {
    const target = line(2)
    const saved = await t.db.kysely
      .selectFrom('audit_event')
      .select(['action', 'hash'])
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow()
    await asOwner(
      t,
      `UPDATE audit_event SET action = 'signin.rewritten',
         hash = audit_chain_hash(prev_hash, seq, id, at, structure_id, actor_id, actor_label, 'signin.rewritten', entity,
           entity_id, detail, ip)
       WHERE id = ${target.id}`,
    )
    const report = await verifyAuditChain(t.db.kysely)
    expect(report).toMatchObject({ ok: false, count: 2, broken: { seq: 3, id: line(3).id } })
    expect((await runVerify(t)).out).toContain('a été réécrite')
    await asOwner(
      t,
      `UPDATE audit_event SET action = '${saved.action}', hash = '${saved.hash}' WHERE id = ${target.id}`,
    )
    expect((await verifyAuditChain(t.db.kysely)).ok).toBe(true)
  })

  it('a deleted line is reported at the line that followed it', async () => {
    await asOwner(t, `DELETE FROM audit_event WHERE id = ${line(4).id}`)
    const { code, out } = await runVerify(t)
    expect(code).toBe(1)
    expect(out).toMatch(new RegExp(`^chaîne rompue à la ligne n° 5 \\(id ${line(5).id}, `))
    expect(out).toContain('la ligne n° 4 qui la précédait a disparu')
  })

  it('deleted last lines are reported through the chain head', async () => {
    const last = lines.length
    await asOwner(t, `DELETE FROM audit_event WHERE seq >= 4`)
    const report = await verifyAuditChain(t.db.kysely)
    expect(report).toMatchObject({ ok: false, count: 3, broken: { seq: 4 } })
    expect((await runVerify(t)).out).toContain(
      `la dernière ligne présente est la n° 3, la tête de chaîne en annonce ${last}`,
    )
  })
})

describe('chainHash', () => {
  it('is the documented sha256 of the previous hash and the length-prefixed fields', () => {
    const row = {
      seq: 1,
      id: 7,
      at: '2026-03-02T09:00:00.000000Z',
      structure_id: null,
      actor_id: null,
      actor_label: 'é',
      action: 'a',
      entity: 'e',
      entity_id: null,
      detail: null,
      ip: null,
    }
    // sha256 of: 64 zeros + "1:1|1:7|27:2026-03-02T09:00:00.000000Z|-|-|2:é|1:a|1:e|-|-|-"
    expect(chainHash(GENESIS_HASH, row)).toBe('4c4ef5be9bb19d8967ecc0787d3903a3e60da2a84e11b718cf142fe5dcbb56bd')
  })
})
