import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { isNafCode, NAF, NAF_SECTIONS, nafSection, nafTitle, normaliseNaf } from './naf.ts'

const rows = parse(readFileSync(new URL('./reference/naf-rev2.csv', import.meta.url)), { columns: true }) as {
  code: string
  label: string
}[]

describe('NAF rév. 2', () => {
  it('holds the 732 sous-classes of the reference file, with their labels', () => {
    expect(rows).toHaveLength(732)
    expect(Object.keys(NAF)).toHaveLength(rows.length)
    for (const r of rows) expect(NAF[r.code]).toBe(r.label)
  })
  it('puts every code in one of the 21 sections, and every section holds codes', () => {
    expect(Object.keys(NAF_SECTIONS)).toHaveLength(21)
    const bySection: Record<string, number> = {}
    for (const code of Object.keys(NAF)) {
      const s = nafSection(code)
      expect(s, code).not.toBeNull()
      bySection[s!] = (bySection[s!] ?? 0) + 1
    }
    expect(Object.keys(bySection).sort()).toEqual(Object.keys(NAF_SECTIONS).sort())
    expect(nafSection('88.10A')).toBe('Q')
    expect(nafSection('43.99C')).toBe('F')
  })
  it('reads a code typed without its dot, and tells a code from a look-alike', () => {
    expect(normaliseNaf('8810a')).toBe('88.10A')
    expect(normaliseNaf(' 47.11 F')).toBe('47.11F')
    expect(isNafCode('88.10A')).toBe(true)
    expect(isNafCode('88.10Z')).toBe(false)
    expect(isNafCode('toString')).toBe(false)
    expect(nafTitle('88.10A')).toBe('88.10A — Aide à domicile')
  })
})
