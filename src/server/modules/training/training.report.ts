import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'

/** placeholder: the training chapter of the annual report */
export const trainingSections: ReportSection[] = []
