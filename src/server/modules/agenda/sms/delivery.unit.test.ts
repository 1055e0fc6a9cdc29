import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../config.ts'
import type { AppError } from '../../../errors.ts'
import { checkSecret } from './delivery.service.ts'

describe('the delivery webhook’s secret', () => {
  const config = loadConfig({ NODE_ENV: 'test' })
  const code = (f: () => void) => {
    try {
      f()
      return 'ok'
    } catch (e) {
      return (e as AppError).code
    }
  }

  it('is the configuration’s; a wrong one is 401; none configured (production without it) is 404', () => {
    const secret = 'x'.repeat(40)
    const on = { ...config, sms: { ...config.sms, webhookSecret: secret } }
    expect(code(() => checkSecret(on, secret))).toBe('ok')
    expect(code(() => checkSecret(on, `${secret}y`))).toBe('unauthenticated')
    expect(code(() => checkSecret({ ...config, sms: { ...config.sms, webhookSecret: undefined } }, secret))).toBe(
      'not_found',
    )
  })

  it('is random per process outside production when not set, and absent in production', () => {
    expect(config.sms.webhookSecret).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(loadConfig({ NODE_ENV: 'test' }).sms.webhookSecret).not.toBe(config.sms.webhookSecret)
    expect(loadConfig({ NODE_ENV: 'test', SMS_WEBHOOK_SECRET: 'k'.repeat(32) }).sms.webhookSecret).toBe('k'.repeat(32))
  })
})
