import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeFormula, FORMULA_KINDS, formatCell, parseCell, unescapeFormula } from './exchange.columns.ts'
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

describe('spreadsheet formulas', () => {
  const formulaStart = fc.constantFrom('=', '+', '-', '@', '\t', '\r')
  /** strings that start with quotes and formula characters more often than chance would */
  const tricky = fc
    .tuple(fc.stringMatching(/^'{0,3}$/), fc.option(formulaStart), fc.string({ maxLength: 20 }))
    .map(([quotes, start, rest]) => `${quotes}${start ?? ''}${rest}`)

  it('escaping is a bijection: the import gives back exactly what the export was given', () => {
    fc.assert(
      fc.property(fc.oneof(tricky, fc.string()), (v) => {
        expect(unescapeFormula(escapeFormula(v))).toBe(v)
        expect(escapeFormula(v)).not.toMatch(/^[=+\-@\t\r]/)
      }),
    )
    fc.assert(
      fc.property(tricky, tricky, (x, y) => {
        if (x !== y) expect(escapeFormula(x)).not.toBe(escapeFormula(y))
      }),
    )
  })

  it('the export quotes text, e-mail and reference cells that start as a formula, and the import reads them back', () => {
    expect(FORMULA_KINDS).toEqual(['text', 'email', 'ref', 'refs'])
    const text = { kind: 'text', max: 200 } as const
    expect(formatCell('=1+1', text)).toBe("'=1+1")
    expect(formatCell("'=1+1", text)).toBe("''=1+1")
    expect(formatCell('\tx', text)).toBe("'\tx")
    expect(formatCell("l'=1", text)).toBe("l'=1")
    expect(formatCell("'quoted", text)).toBe("'quoted")
    expect(formatCell('-A|B', { kind: 'refs', target: 'site' })).toBe("'-A|B")
    expect(formatCell('=a@b.fr', { kind: 'email' })).toBe("'=a@b.fr")
    expect(read("'=1+1", text)).toBe('=1+1')
    expect(read("''=1+1", text)).toBe("'=1+1")
    expect(read("'quoted", text)).toBe("'quoted")
    expect(read("'-A|B", { kind: 'refs', target: 'site' })).toEqual(['-A', 'B'])
    expect(read(" '-P9 ", { kind: 'ref', target: 'person' })).toBe('-P9')
    // the length limit counts the value, not the quote the export added
    expect(read(`'=${'x'.repeat(4)}`, { kind: 'text', max: 5 })).toBe('=xxxx')
  })

  it('leave numbers alone: a negative number stays a number', () => {
    expect(formatCell(-5, { kind: 'integer', min: -10, max: 10 })).toBe('-5')
    expect(formatCell(-2.5, { kind: 'decimal', min: -10, max: 10 })).toBe('-2.5')
    expect(read('-5', { kind: 'integer', min: -10, max: 10 })).toBe(-5)
  })

  it('text cells of any content, formula or not, read back what they write', () => {
    fc.assert(
      fc.property(
        tricky.filter((s) => s.trim() !== ''),
        (v) => {
          expect(read(formatCell(v, { kind: 'text', max: 100 }), { kind: 'text', max: 100 })).toBe(v)
        },
      ),
    )
  })
})
