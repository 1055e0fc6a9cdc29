import { describe, expect, it } from 'vitest'
import { aidDecisionInput, aidRequestInput } from './requests.schema.ts'

// The decision's and the request's bodies: what each decision needs, told by field.
const fieldsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => i.path.join('.'))

describe('aid decision input', () => {
  it('partly granted needs an amount; refused a criterion; redirected a fund; nothing else carries them', () => {
    expect(aidDecisionInput.safeParse({ decision: 'granted', version: 1 }).success).toBe(true)
    expect(fieldsOf(aidDecisionInput.safeParse({ decision: 'partly_granted', version: 1 }))).toEqual([
      'amountGrantedCents',
    ])
    expect(fieldsOf(aidDecisionInput.safeParse({ decision: 'refused', version: 1 }))).toEqual(['refusalCriterion'])
    expect(fieldsOf(aidDecisionInput.safeParse({ decision: 'redirected', version: 1 }))).toEqual(['redirectedFundId'])
    expect(
      fieldsOf(
        aidDecisionInput.safeParse({ decision: 'refused', refusalCriterion: 'x', amountGrantedCents: 5, version: 1 }),
      ),
    ).toEqual(['amountGrantedCents'])
    expect(fieldsOf(aidDecisionInput.safeParse({ decision: 'granted', refusalCriterion: 'x', version: 1 }))).toEqual([
      'refusalCriterion',
    ])
    expect(fieldsOf(aidDecisionInput.safeParse({ decision: 'granted', version: 0 }))).toEqual(['version'])
  })
})

describe('aid request input', () => {
  const base = {
    fundId: '6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23',
    purpose: 'meals',
    amountAskedCents: 100,
    siteId: '6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f24',
  }
  it('defaults: ordinary track, no document, no month; a month is its first day; documents once each', () => {
    expect(aidRequestInput.parse(base)).toMatchObject({ track: 'ordinary', documents: [], month: null, argument: null })
    expect(fieldsOf(aidRequestInput.safeParse({ ...base, month: '2026-03-15' }))).toEqual(['month'])
    expect(fieldsOf(aidRequestInput.safeParse({ ...base, documents: ['RIB', 'RIB'] }))).toEqual(['documents'])
    expect(fieldsOf(aidRequestInput.safeParse({ ...base, amountAskedCents: 0 }))).toEqual(['amountAskedCents'])
    expect(fieldsOf(aidRequestInput.safeParse({ ...base, track: 'fast' }))).toEqual(['track'])
  })
})
