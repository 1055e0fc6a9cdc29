// The one Kysely `Database` type every query is checked against: table name → row type. It is empty here: each module
// declares its tables' row types in its own folder, `<module>.tables.ts` (src/server/modules/<module>/, the reporting
// engine's in src/server/reporting/), and adds them to this interface by declaration merging:
//
//   declare module '../../db/schema.ts' {
//     interface Database {
//       plie_pathway: PliePathwayTable
//     }
//   }
//
// The db folder imports no module: `tsc` reads every `*.tables.ts` (tsconfig includes src/), and schema.test.ts reads
// them beside this file and checks them against the migrated database. Types only: nothing here exists at run time.

// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's `<module>.tables.ts` (declaration merging)
export interface Database {}
