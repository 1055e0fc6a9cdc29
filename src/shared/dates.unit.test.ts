import { describe, expect, it } from 'vitest'
import { addDays, addMonths, ageOn, DEFAULT_TIME_ZONE, dayIn, daysBetween, swapDayMonth } from './dates.ts'

describe('dates', () => {
  it('the day of an instant is the structure’s: it changes at its own midnight', () => {
    // 21:30 UTC on 1 March 2026: still the 1st in Paris (22:30) and Cayenne (18:30), already the 2nd in Réunion (01:30)
    const evening = new Date('2026-03-01T21:30:00Z')
    expect(dayIn(evening, DEFAULT_TIME_ZONE)).toBe('2026-03-01')
    expect(dayIn(evening, 'America/Cayenne')).toBe('2026-03-01')
    expect(dayIn(evening, 'Indian/Reunion')).toBe('2026-03-02')
    // 02:30 UTC on 2 March: the 2nd in Paris, still the 1st in Cayenne (23:30)
    const night = new Date('2026-03-02T02:30:00Z')
    expect(dayIn(night, DEFAULT_TIME_ZONE)).toBe('2026-03-02')
    expect(dayIn(night, 'America/Cayenne')).toBe('2026-03-01')
    // summer time in Paris (UTC+2): 22:30 UTC on 30 June is already 1 July
    expect(dayIn(new Date('2026-06-30T22:30:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-07-01')
  })

  it('ages, day swaps and day arithmetic', () => {
    expect(ageOn('2000-03-02', '2026-03-01')).toBe(25)
    expect(ageOn('2000-03-02', '2026-03-02')).toBe(26)
    expect(swapDayMonth('2026-03-04')).toBe('2026-04-03')
    expect(swapDayMonth('2026-03-13')).toBeNull()
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })

  it('adds whole months, the day kept or clamped to the month’s last (the summary’s and the reminders’ horizons)', () => {
    expect(addMonths('2026-03-02', 3)).toBe('2026-06-02')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-01-31', -2)).toBe('2025-11-30')
  })
})
