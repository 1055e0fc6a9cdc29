import { createHash, randomBytes } from 'node:crypto'
import { isIP } from 'node:net'
import { z } from 'zod'

// The only place that reads process.env: everything else receives a Config.
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional()

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
/** an IPv4/IPv6 address or a CIDR range */
const isAddressOrRange = (v: string) => {
  const [address = '', bits, ...rest] = v.split('/')
  const kind = isIP(address)
  if (!kind || rest.length) return false
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128))
}
/** an AES-256 key: 32 bytes in base64 */
const aesKey = z
  .string()
  .trim()
  .transform((v) => Buffer.from(v, 'base64'))
  .refine((b) => b.length === 32, 'clé de 32 octets encodée en base64 attendue (openssl rand -base64 32)')
/** the key used without TOTP_ENCRYPTION_KEY outside production: known to all, so it protects nothing */
export const developmentTotpKey = () => createHash('sha256').update('jalon: clé TOTP de développement').digest()

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  /** the tables' owner, for migrations only; DATABASE_URL is then the application's least-privilege role */
  MIGRATION_DATABASE_URL: z.string().url().optional(),
  /** a read replica of DATABASE_URL the reports and indicators read (docs/operations.md) */
  REPORT_DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  /**
   * PGlite's shared_buffers (its page cache inside the process): 128MB by default, PGlite's own; 16MB saves about
   * 140 MB of resident memory for some 15 % more processor time on the first load (docs/performance.md, "Memory")
   */
  PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, 'une taille PostgreSQL : un nombre suivi de kB, MB ou GB (ex. 16MB)')
    .default('128MB'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  TOTP_REQUIRED_FOR_ALL: bool,
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGNIN_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** reverse proxies whose X-Forwarded-For is believed (addresses or CIDR, comma-separated); none by default */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform(list)
    .refine(
      (l) => l.every(isAddressOrRange),
      'adresses IP ou plages CIDR séparées par des virgules (ex. 10.0.0.2,10.1.0.0/16)',
    ),
  TOTP_ENCRYPTION_KEY: aesKey.optional(),
  TOTP_ENCRYPTION_KEYS_OLD: z.string().optional().transform(list).pipe(z.array(aesKey)),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Jalon <no-reply@jalon.local>'),
  /** Brevo's transactional SMS (modules/agenda/sms/brevo.ts, docs/agenda.md): without a key, no SMS in production,
   * a local stand-in of Brevo's API elsewhere */
  SMS_BREVO_API_KEY: z.string().min(1).optional(),
  SMS_BREVO_URL: z.string().url().default('https://api.brevo.com/v3/transactionalSMS/send'),
  SMS_SENDER: z
    .string()
    .regex(/^[A-Za-z0-9]{1,11}$/, '11 lettres ou chiffres au plus (ex. MissionLoc)')
    .default('Jalon'),
  /** the secret of the URL Brevo posts its SMS delivery reports to (docs/agenda.md); without it, in production, the
   * route answers 404; elsewhere a random one per process (the local stand-in of Brevo calls it) */
  SMS_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,200}$/, '32 à 200 lettres, chiffres, - ou _ (ex. openssl rand -hex 32)')
    .optional(),
  /** how often the agenda's reminders are looked for; 0: never (the default in tests) */
  AGENDA_REMINDER_SECONDS: z.coerce.number().int().min(0).optional(),
  /** notifications kept: read ones this many days after they were written, unread ones that many (docs/home.md) */
  NOTIFICATIONS_KEEP_READ_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  NOTIFICATIONS_KEEP_UNREAD_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** how often the server purges old notifications; 0: never (the default in tests; `jalon notifications purge`) */
  NOTIFICATIONS_PURGE_SECONDS: z.coerce.number().int().min(0).optional(),
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
  /** when set, migrations run through it (the owner) and databaseUrl is the application's role (docs/operations.md) */
  migrationDatabaseUrl?: string
  /** when set, the reports' and indicators' reads go to this read replica of databaseUrl (never migrated, read-only) */
  reportDatabaseUrl?: string
  pgliteDir: string
  /** PGlite's shared_buffers (PGLITE_SHARED_BUFFERS) */
  pgliteSharedBuffers: string
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean }
  totpRequiredForAll: boolean
  signin: { maxFailures: number; lockMinutes: number; perAddressPerMinute: number }
  /** addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For gives the client address; none: the socket's */
  trustedProxies: string[]
  /** AES-256-GCM keys of the TOTP secrets: the current one seals, old ones still open (rotation) */
  totpKeys: { current: Buffer; old: Buffer[] }
  /** where users reach Jalon, for links in mails (password reset) */
  publicUrl: string
  smtpUrl?: string
  mailFrom: string
  /** text messages (agenda reminders): Brevo's key, its endpoint, the sender name */
  sms: { brevoApiKey?: string; brevoUrl: string; sender: string; webhookSecret?: string }
  /** seconds between two looks for due reminders (0: the server sends none by itself) */
  agendaReminderSeconds: number
  /** how long notifications are kept (days, read / unread) and how often the server purges them (0: never) */
  notifications: { keepReadDays: number; keepUnreadDays: number; purgeSeconds: number }
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
  const missing = []
  if (e.NODE_ENV === 'production') {
    if (!e.TOTP_ENCRYPTION_KEY)
      missing.push(
        '  TOTP_ENCRYPTION_KEY : obligatoire en production, chiffre les secrets de double authentification (32 octets en base64 : openssl rand -base64 32)',
      )
    if (!e.PUBLIC_URL)
      missing.push('  PUBLIC_URL : obligatoire en production, adresse de Jalon pour les liens envoyés par courriel')
  }
  if (e.MIGRATION_DATABASE_URL && !e.DATABASE_URL)
    missing.push('  MIGRATION_DATABASE_URL : demande DATABASE_URL (le rôle de l’application) ; PGlite n’a pas de rôles')
  if (e.REPORT_DATABASE_URL && !e.DATABASE_URL)
    missing.push('  REPORT_DATABASE_URL : demande DATABASE_URL (le serveur principal) ; PGlite n’a pas de réplica')
  if (missing.length) throw new ConfigError(`Configuration invalide :\n${missing.join('\n')}`)
  if (!e.TOTP_ENCRYPTION_KEY && e.NODE_ENV === 'development')
    console.warn(
      'TOTP_ENCRYPTION_KEY absent : les secrets de double authentification sont chiffrés avec une clé de développement connue de tous.',
    )
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    reportDatabaseUrl: e.REPORT_DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    pgliteSharedBuffers: e.PGLITE_SHARED_BUFFERS,
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
    trustedProxies: e.TRUSTED_PROXIES,
    totpKeys: { current: e.TOTP_ENCRYPTION_KEY ?? developmentTotpKey(), old: e.TOTP_ENCRYPTION_KEYS_OLD },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sms: {
      brevoApiKey: e.SMS_BREVO_API_KEY,
      brevoUrl: e.SMS_BREVO_URL,
      sender: e.SMS_SENDER,
      webhookSecret:
        e.SMS_WEBHOOK_SECRET ?? (e.NODE_ENV === 'production' ? undefined : randomBytes(24).toString('base64url')),
    },
    agendaReminderSeconds: e.AGENDA_REMINDER_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 300),
    notifications: {
      keepReadDays: e.NOTIFICATIONS_KEEP_READ_DAYS,
      keepUnreadDays: e.NOTIFICATIONS_KEEP_UNREAD_DAYS,
      purgeSeconds: e.NOTIFICATIONS_PURGE_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 3600),
    },
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    secrecy: { threshold: e.SECRECY_THRESHOLD, sensitiveThreshold: e.SECRECY_THRESHOLD_SENSITIVE },
  }
}
