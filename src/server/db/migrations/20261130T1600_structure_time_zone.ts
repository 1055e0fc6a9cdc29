import type { Kysely } from 'kysely'

// Placeholder reserved for the structure's time zone (issue 8); filled by the helper that adds the setting.
export async function up(_db: Kysely<any>): Promise<void> {}
export async function down(_db: Kysely<any>): Promise<void> {}
