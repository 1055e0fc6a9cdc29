import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { generate, generateSecret } from 'otplib'
import type { Role } from '../../shared/auth/roles.ts'
import { buildApp } from '../app.ts'
import { type Config, loadConfig } from '../config.ts'
import type { Clock, Deps } from '../deps.ts'
import { createMailer, type Mail, type Mailer } from '../mail/mailer.ts'
import { buildStructure, buildUser, type Fixture } from './builders.ts'
import { startSmtpSink } from './smtp-sink.ts'
import { createTestDb, type TestDb } from './test-db.ts'

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public current = new Date('2026-03-02T09:00:00Z')) {}
  now() {
    return new Date(this.current)
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms)
  }
}

export interface TestContext {
  app: FastifyInstance
  db: TestDb
  deps: Deps
  clock: TestClock
  fx: Fixture
  /** a client signed in with a fresh user of that role (site A, programme ML unless told otherwise) */
  as(role: Role, opts?: Parameters<typeof buildUser>[2] extends infer O ? Partial<O> : never): Promise<TestClient>
  anonymous(): Promise<TestClient>
  close(): Promise<void>
}

export async function createTestContext(
  opts: { config?: Partial<Config>; mailer?: Mailer } = {},
): Promise<TestContext> {
  const db = await createTestDb()
  const clock = new TestClock()
  const base = loadConfig({ NODE_ENV: 'test', SIGNIN_PER_ADDRESS_PER_MINUTE: '10000' })
  const sent: Mail[] = []
  const deps: Deps = {
    db,
    clock,
    config: { ...base, ...opts.config },
    mailer: opts.mailer ?? { send: async (m) => void sent.push(m) },
  }
  const app = await buildApp(deps, { serveWeb: false })
  const fx = await buildStructure(db)
  const ctx: TestContext = {
    app,
    db,
    deps,
    clock,
    fx,
    anonymous: async () => TestClient.create(app),
    async as(role, o = {}) {
      const totpSecret = role === 'admin' ? generateSecret() : undefined
      const user = await buildUser(db, fx, { role, totpSecret, ...o })
      const client = await TestClient.create(app)
      const res = await client.post('/api/auth/sign-in', { email: user.email, password: user.password })
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`)
      if (res.json().status === 'totp_required') {
        const code = await generate({ secret: totpSecret!, epoch: Math.floor(clock.now().getTime() / 1000) })
        const r2 = await client.post('/api/auth/totp/verify', { code })
        if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.body}`)
      }
      client.user = user
      return client
    },
    close: async () => {
      await app.close()
      await db.drop()
    },
  }
  return ctx
}

/** Drives the app through inject() with a cookie jar and the CSRF header, as the browser does. */
export class TestClient {
  cookies = new Map<string, string>()
  csrf = ''
  user?: { id: string; email: string; password: string }
  private constructor(private readonly app: FastifyInstance) {}

  static async create(app: FastifyInstance) {
    const c = new TestClient(app)
    const res = await c.request({ method: 'GET', url: '/api/auth/csrf' })
    c.csrf = res.json().token
    return c
  }

  async request(opts: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await this.app.inject({
      ...opts,
      headers: { ...(cookie ? { cookie } : {}), ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...opts.headers },
    })
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    return res
  }
  get(url: string) {
    return this.request({ method: 'GET', url })
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) })
  }
  put(url: string, payload: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as object })
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url })
  }
}

/**
 * A test context whose mails go through SMTP to a real local sink (password resets, invitations): the sink's messages
 * are read by the test; `close` stops both.
 */
export async function createMailTestContext(): Promise<{
  t: TestContext
  sink: Awaited<ReturnType<typeof startSmtpSink>>
  close(): Promise<void>
}> {
  const sink = await startSmtpSink()
  const t = await createTestContext({
    config: { smtpUrl: sink.url },
    mailer: createMailer({ smtpUrl: sink.url, from: 'Jalon <no-reply@test.jalon.fr>' }),
  })
  return {
    t,
    sink,
    close: async () => {
      await t.close()
      await sink.close()
    },
  }
}
