import type { Generated } from 'kysely'

// The auth module's tables (auth.module.ts): sessions, sign-in throttling, password reset links.

export interface SessionTable {
  id: string
  user_id: string
  created_at: Date
  last_seen_at: Date
  expires_at: Date
  /** signed in with a password, second factor still to give */
  pending_totp: Generated<boolean>
  ip: string | null
  user_agent: string | null
  /** when this session's sign-in gave the second factor (NULL: password only); person-data exchange needs it */
  second_factor_at: Date | null
}

// Sign-in hardening (20261130T1000_auth_hardening) -------------------------------------------------------------
// Failure counters and the temporary lock per e-mail (known or not), keyed by the SHA-256 of the lowercased e-mail.
export interface SigninThrottleTable {
  key: string
  failures: Generated<number>
  totp_failures: Generated<number>
  locked_until: Date | null
  last_failure_at: Date
}
/** One-time password reset links: the table keeps only the token's SHA-256. */
export interface PasswordResetTable {
  id: string
  user_id: string
  created_by: string | null
  created_at: Date
  expires_at: Date
  used_at: Date | null
}
declare module '../../db/schema.ts' {
  interface Database {
    session: SessionTable
    signin_throttle: SigninThrottleTable
    password_reset: PasswordResetTable
  }
}
