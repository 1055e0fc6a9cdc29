import { describe, expect, it } from 'vitest'
import { isSiret, luhnValid, normaliseSiret, sirenError, siretError, withLuhnKey } from './siret.ts'

describe('SIRET and SIREN keys', () => {
  it('accepts a SIRET whose Luhn sum is a multiple of 10 and refuses a changed digit', () => {
    expect(siretError('77985300700127')).toBeNull()
    expect(siretError('77985300700128')).toMatch(/clé de contrôle/)
    expect(siretError('7798530070012')).toBe('Le SIRET compte 14 chiffres.')
    expect(siretError('7798530070012A')).toBe('Le SIRET compte 14 chiffres.')
  })
  it('applies La Poste’s rule (sum of the digits a multiple of 5) to SIRETs starting 356000000', () => {
    // 3+5+6 + 1+1+4 = 20, a multiple of 5, though its Luhn sum is not a multiple of 10; 3+5+6 + 1+1+5 = 21 is refused
    expect(siretError('35600000010140')).toBeNull()
    expect(luhnValid('35600000010140')).toBe(false)
    expect(siretError('35600000010150')).toMatch(/clé de contrôle/)
    // the head office keeps the Luhn rule
    expect(siretError('35600000000048')).toBeNull()
  })
  it('checks a SIREN and completes 13 digits with their key', () => {
    expect(sirenError('120027016')).toBeNull()
    expect(sirenError('120027017')).toMatch(/clé/)
    expect(sirenError('12002701')).toBe('Le SIREN compte 9 chiffres.')
    for (const base of ['4000000000001', '8123456700001', '0000000000000']) {
      const s = withLuhnKey(base)
      expect(s.slice(0, 13)).toBe(base)
      expect(isSiret(s)).toBe(true)
    }
  })
  it('reads a SIRET typed with spaces or dots', () => {
    expect(normaliseSiret('779 853 007 00127')).toBe('77985300700127')
    expect(normaliseSiret('779.853.007-00127')).toBe('77985300700127')
  })
})
