import { type Kysely, sql } from 'kysely'

// The application's least-privilege PostgreSQL role (docs/operations.md): migrations run as the owner of the tables
// (MIGRATION_DATABASE_URL), the application connects as a role that reads and writes rows, nothing more: no DDL, not the
// owner of anything (so no ALTER TABLE … DISABLE TRIGGER, no DROP TRIGGER), not a superuser (so no
// SET session_replication_role), and on the audit trail INSERT and SELECT only.

/** Tables the application only appends to and reads. */
export const APPEND_ONLY_TABLES = ['audit_event']
/** Tables the application reads only (written by the database itself, or by migrations). */
export const READ_ONLY_TABLES = ['audit_chain_head', 'kysely_migration', 'kysely_migration_lock']

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/

export function isValidRoleName(role: string): boolean {
  return ROLE_NAME.test(role)
}

/**
 * The statements, in order, that give `role` what the application needs in `schema` (idempotent: run again after
 * each upgrade). `owner` is the role that runs the migrations: future tables it creates get the same rights.
 */
export function grantStatements(opts: { role: string; owner: string; database: string; schema?: string }): string[] {
  const schema = opts.schema ?? 'public'
  for (const name of [opts.role, opts.owner, schema])
    if (!isValidRoleName(name)) throw new Error(`Nom invalide : ${name}`)
  const role = opts.role
  const db = `"${opts.database.replaceAll('"', '""')}"`
  return [
    `GRANT CONNECT ON DATABASE ${db} TO ${role}`,
    // no DDL: nobody but the owner creates objects in the schema (the default before PostgreSQL 15 was PUBLIC)
    `REVOKE CREATE ON SCHEMA ${schema} FROM PUBLIC`,
    `REVOKE CREATE ON SCHEMA ${schema} FROM ${role}`,
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
    ...APPEND_ONLY_TABLES.map((t) => `REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.${t} FROM ${role}`),
    ...READ_ONLY_TABLES.map((t) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${schema}.${t} FROM ${role}`),
    // tables and sequences that later migrations create
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${opts.owner} IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${opts.owner} IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  ]
}

export interface GrantContext {
  owner: string
  database: string
  schema: string
  role?: { superuser: boolean; memberOfOwner: boolean; ownsDatabase: boolean; canLogin: boolean }
}

/** Reads, on the owner's connection, who owns the tables and what the role already is. */
export async function grantContext(db: Kysely<any>, role: string): Promise<GrantContext> {
  const { rows } = await sql<{ owner: string; database: string; schema: string }>`
    SELECT c.relowner::regrole::text AS owner, current_database() AS database, n.nspname AS schema
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relname = 'audit_event' AND n.nspname = current_schema()`.execute(db)
  if (!rows[0]) throw new Error('Table audit_event introuvable : appliquez d’abord les migrations (jalon migrate).')
  const { rows: r } = await sql<NonNullable<GrantContext['role']>>`
    SELECT rolsuper AS superuser, rolcanlogin AS "canLogin",
      pg_has_role(rolname, ${rows[0].owner}, 'MEMBER') AS "memberOfOwner",
      EXISTS (SELECT 1 FROM pg_database WHERE datname = current_database() AND datdba = pg_roles.oid) AS "ownsDatabase"
    FROM pg_roles WHERE rolname = ${role}`.execute(db)
  return { ...rows[0], role: r[0] }
}
