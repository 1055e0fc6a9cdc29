import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 7, sign-in and account security.
// - signin_throttle: failure counters and the temporary lock, keyed by the SHA-256 of the lowercased e-mail, for known
//   and unknown e-mails alike (same answers, same code path). Its row is locked for the length of an attempt, so
//   concurrent attempts on one account are counted one after another. It replaces app_user.failed_signins/locked_until;
//   the counters and locks in force are carried over.
// - password_reset: one-time links sent by mail when an administrator resets a password (only the token's hash is kept).
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE signin_throttle (
      key text PRIMARY KEY,
      failures integer NOT NULL DEFAULT 0,
      totp_failures integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      last_failure_at timestamptz NOT NULL
    );
    CREATE INDEX signin_throttle_last_failure_idx ON signin_throttle (last_failure_at);
    INSERT INTO signin_throttle (key, failures, locked_until, last_failure_at)
      SELECT encode(sha256(convert_to(lower(email::text), 'UTF8')), 'hex'), failed_signins, locked_until, now()
      FROM app_user WHERE failed_signins > 0 OR locked_until > now();
    ALTER TABLE app_user DROP COLUMN failed_signins;
    ALTER TABLE app_user DROP COLUMN locked_until;
    CREATE TABLE password_reset (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    );
    CREATE INDEX password_reset_user_idx ON password_reset (user_id);
    `,
  )
}
