import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DATE_RANGE_MESSAGE, NO_SUCH_DAY_MESSAGE } from '../primitives.ts'
import { requiredChoice, requiredDate, whenValid } from './fields.ts'

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message)

describe('requiredDate', () => {
  const date = requiredDate('Date au format AAAA-MM-JJ.', 'Date requise.')
  it('names a missing date apart from a malformed or impossible one', () => {
    for (const missing of [undefined, null, '']) expect(messages(date, missing)).toEqual(['Date requise.'])
    expect(messages(date, '14/05/2006')).toEqual(['Date au format AAAA-MM-JJ.'])
    expect(messages(date, 20060514)).toEqual(['Date au format AAAA-MM-JJ.'])
    expect(messages(date, '2026-02-30')).toEqual([NO_SUCH_DAY_MESSAGE])
    expect(messages(date, '0000-01-01')).toEqual([DATE_RANGE_MESSAGE])
    expect(date.parse('2024-02-29')).toBe('2024-02-29')
  })
})

describe('requiredChoice', () => {
  const sex = requiredChoice(['F', 'M'], 'Indiquez le sexe.', 'Sexe : F ou M.')
  it('names a missing choice apart from a code off the list', () => {
    for (const missing of [undefined, null, '']) expect(messages(sex, missing)).toEqual(['Indiquez le sexe.'])
    expect(messages(sex, 'X')).toEqual(['Sexe : F ou M.'])
    expect(sex.parse('F')).toBe('F')
  })
})

describe('whenValid', () => {
  const dates = z.object({ start: z.string().min(1, 'Début ?'), end: z.string().nullable() })
  const order = (v: { start: string; end: string | null }, ctx: z.RefinementCtx) => {
    if (v.end && v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Fin avant début.' })
  }
  const fields = { kind: z.enum(['a'], 'Type ?'), ...dates.shape }
  it('checks a rule between fields while another field is still wrong', () => {
    const body = { kind: null, start: '2026-02-01', end: '2026-01-01' }
    expect(messages(z.object(fields).superRefine(order), body)).toEqual(['Type ?'])
    expect(messages(z.object(fields).superRefine(order, whenValid(dates)), body)).toEqual([
      'Type ?',
      'Fin avant début.',
    ])
  })
})
