import type { EntitySpec } from '../exchange/index.ts'

/** placeholder: the employment files of the exchange bundle (docs/import-format.md) */
export const employmentEntities: EntitySpec[] = []
/** the files that are configuration (immersion programmes) */
export const employmentConfiguration: string[] = []
