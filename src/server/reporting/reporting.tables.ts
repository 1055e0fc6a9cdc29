import type { Generated } from 'kysely'

// Objectives (20261129T0900_objectives) -------------------------------------------------------------------
// Funder agreements and their yearly objectives per indicator (reporting module). Merged into Database.
export interface FunderAgreementTable {
  id: Generated<string>
  structure_id: string
  name: string
  funder: string
  period_start: string
  period_end: string
  created_at: Generated<Date>
  version: Generated<number>
}

export interface ObjectiveTable {
  id: Generated<string>
  structure_id: string
  agreement_id: string
  indicator_id: string
  /** a figure of the indicator's result; null: its headline value */
  sub_key: string | null
  year: number
  target: number
  created_at: Generated<Date>
  version: Generated<number>
}

declare module '../db/schema.ts' {
  interface Database {
    funder_agreement: FunderAgreementTable
    objective: ObjectiveTable
  }
}
