import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatCell, parseCell } from './exchange.columns.ts'
import type { ColumnType } from './exchange.types.ts'

// What the export writes, the import reads back as the same value: the ground of the byte-identical round trip.

const read = (raw: string, type: ColumnType) => {
  const r = parseCell(raw, type)
  if (!r.ok) throw new Error(r.message)
  return r.value
}

describe('cells', () => {
  it('read back what they write', () => {
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    const cases: [ColumnType, fc.Arbitrary<unknown>][] = [
      [{ kind: 'date' }, day],
      [{ kind: 'integer', min: -1000, max: 1000 }, fc.integer({ min: -1000, max: 1000 })],
      [{ kind: 'decimal', min: 0, max: 80 }, fc.integer({ min: 0, max: 8000 }).map((n) => n / 100)],
      [{ kind: 'boolean' }, fc.boolean()],
      [{ kind: 'text', max: 200 }, fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '')],
    ]
    for (const [type, values] of cases)
      fc.assert(
        fc.property(values, (v) => {
          expect(read(formatCell(v, type), type)).toEqual(v)
        }),
      )
  })

  it('refuse what is not a value of their type, saying why in French', () => {
    const cases: [string, ColumnType, string][] = [
      ['31/02/2009', { kind: 'date' }, 'date invalide « 31/02/2009 » (attendu AAAA-MM-JJ)'],
      ['2009-02-29', { kind: 'date' }, 'date invalide « 2009-02-29 » (attendu AAAA-MM-JJ)'],
      ['1850-01-01', { kind: 'date' }, 'date invalide « 1850-01-01 » (attendu AAAA-MM-JJ)'],
      ['12,5', { kind: 'integer', min: 0, max: 100 }, 'nombre entier invalide « 12,5 »'],
      ['101', { kind: 'integer', min: 0, max: 100 }, '101 hors des limites (de 0 à 100)'],
      ['oui.', { kind: 'boolean' }, 'valeur invalide « oui. » (attendu true ou false)'],
      ['a@b', { kind: 'email' }, 'adresse e-mail invalide « a@b »'],
      ['99999', { kind: 'commune' }, 'code commune INSEE inconnu « 99999 »'],
      ['abcdef', { kind: 'text', max: 5 }, 'texte trop long (6 caractères, au plus 5)'],
      [
        '2009-02-12T25:00:00Z',
        { kind: 'datetime' },
        'date et heure invalides « 2009-02-12T25:00:00Z » (attendu AAAA-MM-JJTHH:MM:SSZ)',
      ],
    ]
    for (const [raw, type, message] of cases) expect(parseCell(raw, type)).toEqual({ ok: false, message })
  })

  it('read the forms old systems write', () => {
    expect(read('17,5', { kind: 'decimal', min: 0, max: 80 })).toBe(17.5)
    expect(read('OUI', { kind: 'boolean' })).toBe(true)
    expect(read(' 2009-01-15 ', { kind: 'date' })).toBe('2009-01-15')
    expect(read('2009-02-12 10:30', { kind: 'datetime' })).toBe('2009-02-12T10:30Z')
    expect(read('2009-02-12', { kind: 'datetime' })).toBe('2009-02-12T00:00:00Z')
    expect(read('59183 | 59271|59183', { kind: 'communes' })).toEqual(['59183', '59271'])
  })
})
