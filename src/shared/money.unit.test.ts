import { describe, expect, it } from 'vitest'
import { formatEuros, parseEuros } from './money.ts'
import { MAX_CENTS } from './primitives.ts'

// Integer cents inside, French euros at the edge: what a screen shows and what a user may type back.
describe('money', () => {
  it('writes cents as French euros, with the spaces Intl writes (narrow no-break between thousands)', () => {
    expect(formatEuros(123456)).toBe('1\u202F234,56\u00A0€')
    expect(formatEuros(0)).toBe('0,00\u00A0€')
    expect(formatEuros(29)).toBe('0,29\u00A0€')
    expect(formatEuros(1200)).toBe('12,00\u00A0€')
    expect(formatEuros(MAX_CENTS)).toBe('9\u202F999\u202F999,99\u00A0€')
  })

  it('reads what a French user types into cents', () => {
    const cases: [string, number][] = [
      ['1 234,56', 123456],
      ['1\u202F234,56', 123456],
      ['1\u00A0234,56 €', 123456],
      ['1234,5', 123450],
      ['1234', 123400],
      ['0,29', 29],
      ['12.30', 1230],
      [' 7 ', 700],
      ['9 999 999,99', MAX_CENTS],
    ]
    for (const [text, amount] of cases) expect(parseEuros(text), text).toBe(amount)
  })

  it('refuses three decimals, letters, signs, badly grouped thousands and amounts beyond the largest', () => {
    for (const bad of [
      '1234,567',
      '12a',
      'abc',
      '',
      ',5',
      '-3',
      '+3',
      '12 34',
      '1 234 5',
      '1,2,3',
      '10 000 000',
      '1e3',
    ])
      expect(parseEuros(bad), bad).toBeNull()
  })

  it('gives back what it wrote, for every amount of a sample', () => {
    for (const amount of [0, 1, 10, 99, 100, 101, 12345, 100000, 123456789, MAX_CENTS])
      expect(parseEuros(formatEuros(amount))).toBe(amount)
  })
})
