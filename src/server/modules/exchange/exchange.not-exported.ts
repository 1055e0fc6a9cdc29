import { departmentsNotExported, type NotExported, tablesOf } from './exchange.not-exported.departments.ts'
import type { EntitySpec } from './exchange.types.ts'

export type { NotExported }

// Every column of the database either travels in an exchange bundle (`jalon export` writes it, `jalon import` reads
// it: a column of an entity declaration, or of structure.csv) or is listed here, with the reason it stays behind.
// exchange.coverage.test.ts checks it against the migrated database: a new column fails the test until it is declared
// in its module's exchange entity or added here. Columns are named one by one, never a whole table, so that a column
// added later to a table listed here is a decision too.

/** The columns of structure.csv (exchange.export.ts writes them, exchange.import.ts reads them). */
export const STRUCTURE_COLUMNS = ['id', 'name', 'time_zone'] as const

export const notExported: NotExported[] = [
  {
    table: 'structure',
    columns: ['created_at', 'version'],
    reason: 'when and how often the structure row was written in this database',
  },
  // bookkeeping of the rows of a structure, handled by the format rather than by a column
  ...tablesOf(
    'structure_id',
    'the bundle is one structure’s: the import sets the target structure',
    ['site', 'programme', 'app_user', 'person', 'person_attribute', 'status_period', 'person_note', 'event'],
    ['proposition', 'situation', 'enrolment', 'funder_agreement', 'objective'],
  ),
  ...tablesOf(
    'version',
    'optimistic-locking counter of this database; an import bumps it when it changes a row',
    ['site', 'programme', 'app_user', 'person', 'status_period', 'person_note', 'event', 'proposition'],
    ['situation', 'enrolment', 'funder_agreement', 'objective'],
  ),
  ...tablesOf('created_at', 'when the row was written in this database (the import’s time for an imported row)', [
    'app_user',
    'person',
    'event',
    'proposition',
    'situation',
    'enrolment',
    'funder_agreement',
    'objective',
  ]),
  ...tablesOf('updated_at', 'when the row last changed in this database', ['person', 'person_note']),
  ...tablesOf('recorded_at', 'when the value was recorded in this database (an imported value: the import’s time)', [
    'person_attribute',
    'status_period',
  ]),
  // the organisation
  { table: 'site', columns: ['id'], reason: 'sites are matched by code; ids are this database’s' },
  { table: 'programme', columns: ['id'], reason: 'programmes are matched by code; ids are this database’s' },
  {
    table: 'site_commune',
    columns: ['site_id', 'commune_code', 'commune_name'],
    reason: 'exported as sites.csv commune_codes (the name is the official list’s, looked up again at import)',
  },
  {
    table: 'user_site',
    columns: ['user_id', 'site_id'],
    reason: 'exported as users.csv site_codes',
  },
  {
    table: 'user_programme',
    columns: ['user_id', 'programme_id'],
    reason: 'exported as users.csv programme_codes',
  },
  {
    table: 'app_user',
    columns: ['id', 'active', 'password_changed_at'],
    reason: 'users are matched by e-mail; an imported account starts inactive and chooses its password',
  },
  {
    table: 'app_user',
    columns: ['password_hash', 'totp_secret', 'totp_enabled', 'totp_last_step'],
    reason: 'credentials never leave the installation: the password hash and the sealed second-factor secret',
  },
  // the person file
  {
    table: 'person',
    columns: ['commune_name', 'search_name', 'phone_digits'],
    reason: 'computed from exported columns (the commune’s official name; search helpers kept by triggers)',
  },
  {
    table: 'proposition_theme',
    columns: ['structure_id'],
    reason: 'null for the national themes shipped with Jalon; the structure’s own themes are the bundle’s',
  },
  // the reporting module's targets: not yet in the bundle
  {
    table: 'funder_agreement',
    columns: ['id', 'name', 'funder', 'period_start', 'period_end'],
    reason: 'funders’ agreements and their targets are entered by the statistics service; not in the bundle yet',
  },
  {
    table: 'objective',
    columns: ['id', 'agreement_id', 'indicator_id', 'sub_key', 'year', 'target'],
    reason: 'funders’ agreements and their targets are entered by the statistics service; not in the bundle yet',
  },
  // derived from the exported rows (the Mission Locale's per-person, per-year facts: the import's target database
  // keeps its own, built by `jalon facts rebuild` and kept in step on every write)
  {
    table: 'ml_fact_year',
    columns: ['year', 'built_at', 'definition'],
    reason: 'which years of Mission Locale facts this database keeps: computed, not data to move',
  },
  {
    table: 'ml_person_year',
    columns: [
      ...['person_id', 'year', 'structure_id', 'site_id', 'sex', 'priority_area', 'age', 'contact'],
      ...['education_level', 'diploma', 'family_situation', 'housing', 'resources', 'driving_licence'],
      ...['first_reception', 'fr_age', 'fr_education_level', 'fr_diploma', 'fr_mobility', 'propositions'],
      'situation_kinds',
    ],
    reason: 'Mission Locale facts computed from the persons, attributes, events, enrolments and situations exported',
  },
  {
    table: 'ml_person_year_theme',
    columns: ['year', 'structure_id', 'person_id', 'domain', 'theme', 'n'],
    reason: 'Mission Locale facts computed from the propositions that are exported',
  },
  {
    table: 'ml_person_year_programme',
    columns: ['person_id', 'year', 'structure_id', 'programme_type', 'movement', 'sex', 'reinforced', 'age', 'n'],
    reason: 'Mission Locale facts computed from the enrolments and persons that are exported',
  },
  ...departmentsNotExported,
  {
    table: 'notification',
    columns: ['structure_id', 'id', 'recipient_id', 'text', 'link', 'created_at', 'read_at'],
    reason: 'in-app messages of this installation to its users (a file given, an arrival): not data to move',
  },
  {
    table: 'home_seen',
    columns: ['structure_id', 'user_id', 'changes_seen_at'],
    reason: 'when each user of this installation last marked the changes on their files as seen',
  },
  {
    table: 'site_objective',
    columns: ['structure_id', 'id', 'site_id', 'year', 'figure', 'target', 'updated_at', 'updated_by', 'version'],
    reason: 'the sites’ yearly objectives on the home page’s key figures: not in the configuration bundle yet',
  },
  // the installation's own tables
  {
    table: 'session',
    columns: ['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'pending_totp', 'ip', 'user_agent'],
    reason: 'sign-in sessions of this installation',
  },
  { table: 'session', columns: ['second_factor_at'], reason: 'sign-in sessions of this installation' },
  {
    table: 'password_reset',
    columns: ['id', 'user_id', 'created_by', 'created_at', 'expires_at', 'used_at'],
    reason: 'one-time links of this installation (their hashes)',
  },
  {
    table: 'signin_throttle',
    columns: ['key', 'failures', 'totp_failures', 'locked_until', 'last_failure_at'],
    reason: 'sign-in throttling counters of this installation',
  },
  {
    table: 'audit_event',
    columns: ['id', 'at', 'structure_id', 'actor_id', 'actor_label', 'action', 'entity', 'entity_id', 'detail', 'ip'],
    reason: 'the audit trail stays with the installation that wrote it (tamper-evident chain, not data to move)',
  },
  {
    table: 'audit_event',
    columns: ['seq', 'prev_hash', 'hash'],
    reason: 'the audit trail’s hash chain, recomputed by each installation',
  },
  { table: 'audit_chain_head', columns: ['singleton', 'seq', 'hash'], reason: 'the audit chain’s head' },
  { table: 'kysely_migration', columns: ['name', 'timestamp'], reason: 'the migrations run in this database' },
  { table: 'kysely_migration_lock', columns: ['id', 'is_locked'], reason: 'the migrator’s lock' },
]

export interface ColumnRef {
  table: string
  column: string
}

const key = (table: string, column: string) => `${table}.${column}`

/**
 * What the bundle carries, as `table.column`: the database column of every declared column (`db`, or its name;
 * `db: false` columns are computed by SQL from other tables, listed above), the row id of an entity keyed by
 * external_id (exported as the external id when there is none), and structure.csv.
 */
export function exportedColumns(entities: readonly EntitySpec[]): Set<string> {
  const out = new Set(STRUCTURE_COLUMNS.map((c) => key('structure', c)))
  for (const e of entities) {
    for (const c of e.columns) if (c.db !== false) out.add(key(e.table, c.db ?? c.name))
    if (e.key === 'external_id') out.add(key(e.table, 'id'))
  }
  return out
}

/**
 * The gaps between the database and the two lists: columns neither exported nor listed (`missing`), listed columns the
 * database no longer has (`stale`), and columns both exported and listed as not exported (`both`).
 */
export function exportCoverage(
  columns: readonly ColumnRef[],
  entities: readonly EntitySpec[],
  skipped: readonly NotExported[] = notExported,
) {
  const exported = exportedColumns(entities)
  const listed = new Set(skipped.flatMap((s) => s.columns.map((c) => key(s.table, c))))
  const existing = new Set(columns.map((c) => key(c.table, c.column)))
  return {
    missing: [...existing].filter((c) => !exported.has(c) && !listed.has(c)).sort(),
    stale: [...listed].filter((c) => !existing.has(c)).sort(),
    both: [...listed].filter((c) => exported.has(c)).sort(),
  }
}
