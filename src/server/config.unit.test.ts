import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('configuration', () => {
  it('runs with no configuration at all (embedded database, port 3000)', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, databaseUrl: undefined, pgliteDir: './data/pglite', demo: 'auto' })
    expect(c.session.cookieSecure).toBe(false)
  })

  it('fails fast with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ TOTP_REQUIRED_FOR_ALL: 'yes' })).toThrow(/TOTP_REQUIRED_FOR_ALL/)
  })

  it('sizes the embedded database’s page cache (PGLITE_SHARED_BUFFERS) and refuses a size PostgreSQL would not read', () => {
    expect(loadConfig({}).pgliteSharedBuffers).toBe('128MB')
    expect(loadConfig({ PGLITE_SHARED_BUFFERS: '16MB' }).pgliteSharedBuffers).toBe('16MB')
    for (const bad of ['16', '16 MB', 'beaucoup', '-1MB'])
      expect(() => loadConfig({ PGLITE_SHARED_BUFFERS: bad })).toThrow(/PGLITE_SHARED_BUFFERS/)
  })

  it('takes a report database (a read replica) only beside DATABASE_URL', () => {
    const replica = 'postgres://jalon@replica.example.org/jalon'
    expect(loadConfig({}).reportDatabaseUrl).toBeUndefined()
    expect(
      loadConfig({ DATABASE_URL: 'postgres://jalon@db.example.org/jalon', REPORT_DATABASE_URL: replica })
        .reportDatabaseUrl,
    ).toBe(replica)
    expect(() => loadConfig({ REPORT_DATABASE_URL: replica })).toThrow(/REPORT_DATABASE_URL : demande DATABASE_URL/)
    expect(() => loadConfig({ DATABASE_URL: replica, REPORT_DATABASE_URL: 'réplica' })).toThrow(/REPORT_DATABASE_URL/)
  })

  it('secures cookies in production', () => {
    const production = {
      NODE_ENV: 'production',
      TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'https://jalon.example.org',
    }
    expect(loadConfig(production).session.cookieSecure).toBe(true)
    expect(loadConfig({ TOTP_REQUIRED_FOR_ALL: 'true' }).totpRequiredForAll).toBe(true)
  })
})
