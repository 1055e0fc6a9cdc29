import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { isRomeCode, ROME, ROME_DOMAINS, romeDomain, romeTitle } from './rome.ts'

const read = (name: string) =>
  parse(readFileSync(new URL(`./reference/${name}`, import.meta.url)), { columns: true }) as Record<string, string>[]

describe('ROME', () => {
  it('holds every fiche and domain of the reference files, with their labels', () => {
    const fiches = read('rome.csv')
    const domains = read('rome-domains.csv')
    expect(Object.keys(ROME)).toHaveLength(fiches.length)
    expect(fiches).toHaveLength(532)
    for (const f of fiches) expect(ROME[f.code]).toEqual([f.label, f.domain_code])
    expect(Object.keys(ROME_DOMAINS)).toHaveLength(domains.length)
    for (const d of domains) expect(ROME_DOMAINS[d.code]).toBe(d.label)
    for (const [code, [, domain]] of Object.entries(ROME)) {
      expect(romeDomain(code)).toBe(domain)
      expect(ROME_DOMAINS[domain]).toBeDefined()
    }
  })
  it('counts the fiches of each grand domaine as the source does', () => {
    const byLetter: Record<string, number> = {}
    for (const code of Object.keys(ROME)) byLetter[code[0]] = (byLetter[code[0]] ?? 0) + 1
    expect(byLetter).toEqual({
      A: 30,
      B: 19,
      C: 25,
      D: 39,
      E: 23,
      F: 38,
      G: 30,
      H: 94,
      I: 28,
      J: 32,
      K: 71,
      L: 22,
      M: 44,
      N: 37,
    })
  })
  it('tells a code from a look-alike', () => {
    expect(isRomeCode('K2111')).toBe(true)
    expect(isRomeCode('K9999')).toBe(false)
    expect(isRomeCode('toString')).toBe(false)
    expect(romeTitle('K2111')).toMatch(/^K2111 — /)
  })
})
