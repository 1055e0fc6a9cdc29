import type { Kysely } from 'kysely'

// Placeholder registered ahead of its content (issue 7); filled by the work it is named after.
export async function up(_db: Kysely<any>): Promise<void> {}
