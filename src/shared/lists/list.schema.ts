import { z } from 'zod'
import { calendarDate } from '../primitives.ts'

// The filters every list of persons shares (the caseload, the person search, the people behind an indicator's cell,
// a quality rule's files to fix) and the export of such a list as a file. docs/quality.md, "Listes et exports".

/** The age at which the Mission Locale's accompaniment ends: a young person is followed until their 26th birthday. */
export const AGE_OUT = 26

/**
 * The planned length of a CEJ (Contrat d'Engagement Jeune) counted from its entry: 12 months (decree 2022-199: 6 to 12
 * months, extendable to 18 at most by exception). The planned end is the one recorded on the enrolment when the
 * counsellor set it (an extension, a shorter contract); else it is computed: the day before the entry's date 12 months
 * later.
 */
export const CEJ_MONTHS = 12

export const listFilters = z.object({
  /** an enrolment open today in this programme */
  programmeId: z.uuid('Programme invalide.').optional(),
  siteId: z.uuid('Site invalide.').optional(),
  /** turns 26 on or before this day (those already 26 included: their accompaniment is ending) */
  ageOutBefore: calendarDate('Date au format AAAA-MM-JJ.').optional(),
  /** a CEJ enrolment open today whose planned end is on or before this day */
  cejEndBefore: calendarDate('Date au format AAAA-MM-JJ.').optional(),
})
export type ListFilters = z.infer<typeof listFilters>

export const exportFormats = ['csv', 'xlsx'] as const
export const exportFormatSchema = z.enum(exportFormats, 'Format d’export : csv ou xlsx.')
export type ExportFormat = z.infer<typeof exportFormatSchema>
export const exportFormatLabels: Record<ExportFormat, string> = { csv: 'CSV (Excel)', xlsx: 'Classeur Excel' }

/** An export holds at most this many rows: beyond, the filters must narrow the list. */
export const EXPORT_MAX_ROWS = 10_000

/** The day a person born on `birthDate` turns AGE_OUT (born on 29 February: 1 March of a common year). */
export function ageOutDate(birthDate: string): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const year = y + AGE_OUT
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  if (m === 2 && d === 29 && !leap) return `${year}-03-01`
  return `${year}${birthDate.slice(4)}`
}

/**
 * The planned end of a CEJ entered on `entryDate`: the one recorded, else the day before the same date CEJ_MONTHS
 * later (persons/list-filters.ts cejPlannedEndSql says the same in SQL).
 */
export function cejPlannedEnd(entryDate: string, recorded: string | null = null): string {
  if (recorded) return recorded
  const [y, m, d] = entryDate.split('-').map(Number) as [number, number, number]
  const monthIndex = m - 1 + CEJ_MONTHS
  const year = y + Math.floor(monthIndex / 12)
  const month = monthIndex % 12
  // the same day CEJ_MONTHS later (clamped to the month's last day), minus one day
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const same = Date.UTC(year, month, Math.min(d, last))
  return new Date(same - 86_400_000).toISOString().slice(0, 10)
}
