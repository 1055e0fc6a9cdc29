// What other modules may use of the exchange module: the vocabulary to declare their files of a bundle (entity and
// column declarations, the common columns). The import and the export read those declarations from the manifests.
export * from './exchange.columns-common.ts'
export type * from './exchange.types.ts'
