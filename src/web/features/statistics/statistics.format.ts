import { frenchDate, periodHeading } from '../../../shared/reporting/period.ts'
import type { Period, ValueKind } from '../../../shared/reporting/reporting.schema.ts'
import { formatNumber } from '../../components/format.ts'

// Values of the statistics page in French (1 234,5), and the titles and changes of a comparison over several periods.

/** "s": the statistical-secrecy mark of French official statistics. */
export const SECRET = 's'

export function formatValue(value: number | null, kind: ValueKind, decimals: number, hidden?: boolean): string {
  if (hidden) return SECRET
  if (value === null) return '—'
  const n = formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
  if (kind === 'share') return `${n} %`
  if (kind === 'change') return `${value > 0 ? '+' : ''}${n} %`
  if (kind === 'amount') return `${n} €`
  return n
}

/** A value of one period as the comparison reads it. */
export interface PeriodValue {
  value: number | null
  hidden?: boolean
}

/** Relative changes carry one decimal, as every change of the report (docs/indicators.md, "Decimals"). */
const CHANGE_DECIMALS = 1

/** +1 234,5 / −12 / 0: a signed French number (a true minus sign). */
function signed(value: number, decimals: number): string {
  const f = 10 ** decimals
  const rounded = Math.round(value * f) / f
  const n = formatNumber(Math.abs(rounded), { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
  return rounded > 0 ? `+${n}` : rounded < 0 ? `−${n}` : n
}

/**
 * The change from one period to the next. Counts, averages and amounts: the difference and the change in percent
 * ("+123 (+1,8 %)"); shares and changes, already in percent: the difference in points ("+1,2 pt"). A change involving
 * a value hidden by statistical secrecy is hidden too (it would give the value back).
 */
export function formatChange(before: PeriodValue, now: PeriodValue, kind: ValueKind, decimals: number): string {
  if (before.hidden || now.hidden) return SECRET
  if (before.value === null || now.value === null) return '—'
  const diff = now.value - before.value
  if (kind === 'share' || kind === 'change') return `${signed(diff, decimals)} pt`
  const unit = kind === 'amount' ? ' €' : ''
  if (before.value === 0) return `${signed(diff, decimals)}${unit}`
  return `${signed(diff, decimals)}${unit} (${signed((diff * 100) / Math.abs(before.value), CHANGE_DECIMALS)} %)`
}

/** The cells of one line: each period's value, each but the first followed by the change from the one before. */
export function lineCells(values: PeriodValue[], kind: ValueKind, decimals: number): string[] {
  return values.flatMap((v, i) => [
    formatValue(v.value, kind, decimals, v.hidden),
    ...(i > 0 ? [formatChange(values[i - 1], v, kind, decimals)] : []),
  ])
}

/** The state on a period's last day, as a table title names it: "au 31/12/2009". */
const atEnd = (p: Period) => `au ${frenchDate(p.to)}`

/**
 * The caption and column headings of one table compared over several periods (oldest first), from each period's own
 * title. A title that names the last day of its period ("Situation familiale au 31/12/2009") is a state on that day:
 * the caption drops the date and each period's heading carries its own ("2008 — au 31/12/2008"), never the last
 * period's date for all of them. Between two periods, a change column.
 */
export function comparisonTitles(
  titles: (string | undefined)[],
  periods: Period[],
): {
  caption: string
  headings: string[]
} {
  const last = periods.length - 1
  const lastTitle = titles[last] ?? ''
  const dated = titles.every((t, i) => t === undefined || t.includes(atEnd(periods[i])))
  const caption = dated
    ? lastTitle
        .replace(` ${atEnd(periods[last])}`, ' en fin de période')
        .replace(atEnd(periods[last]), 'en fin de période')
    : lastTitle
  return { caption, headings: periodHeadings(periods, dated) }
}

/** Period headings, each but the first followed by its change column ("2008", "2009", "Évolution 2008 → 2009"…). */
export function periodHeadings(periods: Period[], dated = false): string[] {
  return periods.flatMap((p, i) => [
    dated ? `${periodHeading(p)} — ${atEnd(p)}` : periodHeading(p),
    ...(i > 0 ? [`Évolution ${periodHeading(periods[i - 1])} → ${periodHeading(p)}`] : []),
  ])
}
