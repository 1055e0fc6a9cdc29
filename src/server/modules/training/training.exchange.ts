import type { EntitySpec } from '../exchange/index.ts'

/** placeholder: the training files of the exchange bundle (docs/import-format.md) */
export const trainingEntities: EntitySpec[] = []
/** the files that are configuration (the catalogue, the fund's envelopes) */
export const trainingConfiguration: string[] = []
