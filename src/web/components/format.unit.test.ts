import { afterEach, describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatEuros, parseEuros, setTimeZone, today } from './format.ts'

afterEach(() => setTimeZone('Europe/Paris'))

describe('French formats in the structure’s time zone', () => {
  it('shows an instant at the structure’s time, and a calendar day as it is', () => {
    const at = '2026-03-01T21:30:00Z'
    expect(formatDateTime(at)).toBe('01/03/2026 22:30')
    setTimeZone('Indian/Reunion')
    expect(formatDateTime(at)).toBe('02/03/2026 01:30')
    expect(formatDate(at)).toBe('02/03/2026')
    expect(formatDate('2026-03-01')).toBe('01/03/2026')
  })

  it('"today" is the structure’s day', () => {
    const at = new Date('2026-03-02T02:30:00Z')
    expect(today(at)).toBe('2026-03-02')
    setTimeZone('America/Cayenne')
    expect(today(at)).toBe('2026-03-01')
  })

  it('money: integer cents shown and read in French', () => {
    expect(formatEuros(123456)).toBe('1\u202F234,56\u00A0€')
    expect(parseEuros('1 234,56')).toBe(123456)
  })
})
