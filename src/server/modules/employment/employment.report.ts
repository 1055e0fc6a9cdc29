import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'

/** placeholder: the employment chapter of the annual report */
export const employmentSections: ReportSection[] = []
