import { Select } from '@mantine/core'
import { today } from '../../../components/format.ts'

/** The year of the figures: this year and the twelve before, next year too (an envelope voted ahead). */
export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const current = Number(today().slice(0, 4))
  const years = Array.from({ length: 14 }, (_, i) => String(current + 1 - i))
  return (
    <Select
      label="Année"
      data={years}
      value={String(year)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={160}
    />
  )
}

export const thisYear = () => Number(today().slice(0, 4))
