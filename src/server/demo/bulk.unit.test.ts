import { describe, expect, it } from 'vitest'
import { toCsv } from './bulk.ts'

// The CSV COPY reads (FORMAT csv): what reaches the database is checked in bulk.test.ts, on both databases.
const csv = (rows: Record<string, unknown>[], columns = Object.keys(rows[0] ?? {})) =>
  new TextDecoder().decode(toCsv(rows, columns))

describe('the CSV written for COPY', () => {
  it('writes plain values as they are, one line per row, in the order of the columns', () => {
    expect(
      csv(
        [
          { a: 'x', b: 12, c: true, d: '2009-01-02' },
          { a: 'y', b: 1.5, c: false, d: '2009-12-31' },
        ],
        ['d', 'a', 'b', 'c'],
      ),
    ).toBe('2009-01-02,x,12,t\n2009-12-31,y,1.5,f\n')
  })

  it('tells NULL (nothing) from the empty string (quoted)', () => {
    expect(csv([{ a: null, b: undefined, c: '' }])).toBe(',,""\n')
  })

  it('quotes what COPY would misread, doubling quotes', () => {
    expect(csv([{ a: 'Dupont, Marie' }])).toBe('"Dupont, Marie"\n')
    expect(csv([{ a: 'le "Phare"' }])).toBe('"le ""Phare"""\n')
    expect(csv([{ a: 'ligne 1\nligne 2\r\n' }])).toBe('"ligne 1\nligne 2\r\n"\n')
    // alone on a line, \. would end the data
    expect(csv([{ a: '\\.' }])).toBe('"\\."\n')
  })

  it('writes UTF-8, dates in ISO 8601', () => {
    const bytes = toCsv([{ a: 'Élodie Lefèvre — 𝄞', b: new Date('2026-03-02T09:00:00Z') }], ['a', 'b'])
    expect(new TextDecoder().decode(bytes)).toBe('Élodie Lefèvre — 𝄞,2026-03-02T09:00:00.000Z\n')
  })

  it('grows its buffer for long values', () => {
    const long = 'é'.repeat(100_000)
    const rows = Array.from({ length: 3 }, (_, i) => ({ i, long }))
    expect(csv(rows)).toBe(rows.map((r) => `${r.i},${long}\n`).join(''))
  })

  it('grows its buffer for plain ASCII values too, and writes the longer ones the general way', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: `${i}`.padStart(60, 'x'),
      tab: 'a\tb',
      long: 'y'.repeat(70),
    }))
    expect(csv(rows)).toBe(rows.map((r) => `${r.id},a\tb,${r.long}\n`).join(''))
  })

  it('refuses what has no CSV form', () => {
    expect(() => toCsv([{ a: Number.NaN }], ['a'])).toThrow(/NaN/)
    expect(() => toCsv([{ a: { x: 1 } }], ['a'])).toThrow(/object/)
  })
})
