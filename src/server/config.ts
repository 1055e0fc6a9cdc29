import { z } from 'zod'

// The only place that reads process.env: everything else receives a Config.
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional()

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  TOTP_REQUIRED_FOR_ALL: bool,
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGNIN_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Jalon <no-reply@jalon.local>'),
  COOKIE_SECURE: bool,
  DEMO: z.enum(['auto', 'off']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECRECY_THRESHOLD: z.coerce.number().int().min(1).default(5),
  SECRECY_THRESHOLD_SENSITIVE: z.coerce.number().int().min(1).default(11),
})

export interface Config {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  databaseUrl?: string
  pgliteDir: string
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean }
  totpRequiredForAll: boolean
  signin: { maxFailures: number; lockMinutes: number; perAddressPerMinute: number }
  smtpUrl?: string
  mailFrom: string
  demo: 'auto' | 'off'
  logLevel: string
  /** statistical secrecy of published outputs: smallest count shown; tables crossing health, justice, welfare */
  secrecy: { threshold: number; sensitiveThreshold: number }
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Configuration invalide :\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      maxHours: e.SESSION_MAX_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    },
    totpRequiredForAll: e.TOTP_REQUIRED_FOR_ALL ?? false,
    signin: {
      maxFailures: e.SIGNIN_MAX_FAILURES,
      lockMinutes: e.SIGNIN_LOCK_MINUTES,
      perAddressPerMinute: e.SIGNIN_PER_ADDRESS_PER_MINUTE,
    },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    secrecy: { threshold: e.SECRECY_THRESHOLD, sensitiveThreshold: e.SECRECY_THRESHOLD_SENSITIVE },
  }
}
