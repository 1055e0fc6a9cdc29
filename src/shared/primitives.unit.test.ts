import { describe, expect, it } from 'vitest'
import {
  calendarDate,
  cents,
  findUnstorableText,
  INT4_MAX,
  isStorableText,
  MAX_CENTS,
  safeText,
  timeZoneNames,
  timeZoneSchema,
  versionSchema,
} from './primitives.ts'

// The rules the server and the web forms share: text PostgreSQL stores, real calendar days, int4 versions.
describe('primitives', () => {
  it('storable text: no NUL, no half of a surrogate pair; whole pairs (emoji) and accents are text', () => {
    for (const ok of ['Lefèvre', 'Ngọc', '😀', 'a😀b', '']) expect(isStorableText(ok), ok).toBe(true)
    for (const bad of ['\u0000', 'Du\u0000pont', '\uD800', 'a\uD800b', '\uDC00', '😀\uDC00', '\uD83D\uD83D', 'x\uD83D'])
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false)
    expect(safeText().safeParse('Jean\uDFFF').error?.issues[0]?.message).toMatch(/Caractère interdit/)
  })

  it('finds every unstorable string of a request with its path, keys included', () => {
    const found = findUnstorableText({ a: ['ok', 'x\u0000'], b: { c: '\uD800' }, 'k\u0000': 1, n: 5 })
    expect(found.map((f) => f.path)).toEqual([['a', 1], ['b', 'c'], ['k\\u0000']])
  })

  it('dates: real calendar days from 1900-01-01 to 2100-12-31', () => {
    const date = calendarDate()
    for (const ok of ['1900-01-01', '2024-02-29', '2000-02-29', '2100-12-31'])
      expect(date.safeParse(ok).success).toBe(true)
    const message = (d: string) => date.safeParse(d).error?.issues.map((i) => i.message)
    expect(message('2026-02-30')).toEqual(['Cette date n’existe pas dans le calendrier.'])
    expect(message('1900-02-29')).toEqual(['Cette date n’existe pas dans le calendrier.'])
    expect(message('0000-01-01')).toEqual(['Date entre le 01/01/1900 et le 31/12/2100.'])
    expect(message('9999-12-31')).toEqual(['Date entre le 01/01/1900 et le 31/12/2100.'])
    expect(message('02/03/2026')).toEqual(['Date au format AAAA-MM-JJ.'])
  })

  it('versions: whole numbers from 1 to one below the int4 maximum', () => {
    expect(versionSchema.safeParse(2_147_483_646).success).toBe(true)
    for (const bad of [0, -1, 1.5, 2_147_483_647, 2 ** 53, '1'])
      expect(versionSchema.safeParse(bad).success).toBe(false)
  })

  it('time zones: IANA names as the list spells them, overseas ones included; anything else is refused in French', () => {
    for (const ok of ['Europe/Paris', 'America/Cayenne', 'Indian/Reunion', 'Pacific/Noumea', 'UTC'])
      expect(timeZoneSchema.safeParse(ok).success, ok).toBe(true)
    for (const bad of ['europe/paris', 'Paris', 'Nowhere/Land', '+01:00', '', 'Europe/Paris\u0000'])
      expect(timeZoneSchema.safeParse(bad).success, bad).toBe(false)
    expect(timeZoneSchema.safeParse('Mars/Olympus').error?.issues[0]?.message).toMatch(/^Fuseau horaire inconnu/)
    expect(timeZoneNames()).toContain('America/Guadeloupe')
    expect([...timeZoneNames()].sort()).toEqual(timeZoneNames())
  })

  it('money: whole cents from 0 to 9 999 999,99 €, which fits an int4 column', () => {
    const amount = cents()
    for (const ok of [0, 1, 123456, MAX_CENTS]) expect(amount.safeParse(ok).success, String(ok)).toBe(true)
    for (const bad of [-1, 12.5, MAX_CENTS + 1, Number.NaN, '100', null])
      expect(amount.safeParse(bad).success, String(bad)).toBe(false)
    expect(MAX_CENTS).toBeLessThanOrEqual(INT4_MAX)
    expect(amount.safeParse(-5).error?.issues[0]?.message).toBe('Montant positif attendu.')
  })
})
