import { DateInput, type DateInputProps } from '@mantine/dates'
import { useState } from 'react'

const FRENCH_DATE = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/

/** 'dd/mm/yyyy' (or d/m/yyyy, dd.mm.yyyy) typed by the user → 'yyyy-mm-dd', or null while incomplete or impossible. */
export function parseFrenchDate(text: string): string | null {
  const french = FRENCH_DATE.exec(text)
  const iso = ISO_DATE.exec(text)
  const [y, m, d] = french
    ? [french[3], french[2], french[1]]
    : iso
      ? [iso[1], iso[2], iso[3]]
      : [undefined, undefined, undefined]
  if (!y || !m || !d) return null
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const check = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === value ? value : null
}

/**
 * A date typed as jj/mm/aaaa or picked in a French calendar; the value is 'yyyy-mm-dd' or null. Escape closes the
 * calendar only, not the dialog around the field (Mantine's modals skip targets marked data-mantine-stop-propagation).
 */
export function DateField({
  value,
  onChange,
  onFocus,
  onBlur,
  onClick,
  onKeyDown,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange'> & {
  value?: string | null
  onChange?: (value: string | null) => void
}) {
  const [calendarOpen, setCalendarOpen] = useState(false)
  return (
    <DateInput
      data-mantine-stop-propagation={calendarOpen || undefined}
      onFocus={(e) => {
        setCalendarOpen(true)
        onFocus?.(e)
      }}
      onClick={(e) => {
        setCalendarOpen(true)
        onClick?.(e)
      }}
      onBlur={(e) => {
        setCalendarOpen(false)
        onBlur?.(e)
      }}
      onKeyDown={(e) => {
        // after the modal has seen this Escape (and ignored it): the next one closes the modal
        if (e.key === 'Escape') setTimeout(() => setCalendarOpen(false))
        onKeyDown?.(e)
      }}
      valueFormat="DD/MM/YYYY"
      dateParser={parseFrenchDate}
      placeholder="jj/mm/aaaa"
      previousLabel="Mois précédent"
      nextLabel="Mois suivant"
      clearButtonProps={{ 'aria-label': 'Effacer la date' }}
      {...props}
      value={value || null}
      onChange={(next) => onChange?.(next ? next.slice(0, 10) : null)}
    />
  )
}
