import type { EntitySpec } from '../exchange/index.ts'

/** The aids' bundle files (docs/import-format.md). Being built: none yet. */
export const aidsEntities: EntitySpec[] = []
/** the files that are configuration (funds, envelopes): the admin may move them */
export const aidsConfiguration: string[] = []
