import type { BulkWriter } from './bulk.ts'

/** What every module's demo loader receives: the demo organisation's ids, and a bulk writer. */
export interface DemoContext {
  structureId: string
  /** by site code (demo-organisation.ts) */
  siteIds: Map<string, string>
  /** by programme code */
  programmeIds: Map<string, string>
  /** by e-mail */
  userIds: Map<string, string>
  now: Date
  /**
   * the persons the modules' demo loaders wrote (the persons module fills it): the loaders after it follow these, never
   * the 2009 data set's
   */
  personIds: string[]
  /** writes many rows at once on the demo's transaction (COPY on PGlite): for data sets of thousands of rows */
  bulk: BulkWriter
}
