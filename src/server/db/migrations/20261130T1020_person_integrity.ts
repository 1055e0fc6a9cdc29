import type { Kysely } from 'kysely'

// Registered ahead for issue 7 (person-file races); it needed no SQL. The same-day attribute is already a unique index
// (its violation is answered 409: situation.repository.ts); overlapping status periods and duplicate creations are
// serialised by locks the services take (lockPerson, lockIdentity): an exclusion constraint would need btree_gist
// loaded in PGlite, and could not be added over the overlaps the races already stored (exclusions cannot be NOT VALID).
export async function up(_db: Kysely<any>): Promise<void> {}
