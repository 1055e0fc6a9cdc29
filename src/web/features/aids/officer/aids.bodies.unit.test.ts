import { describe, expect, it } from 'vitest'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { ApiError } from '../../../api.ts'
import {
  decisionBody,
  emptyDecision,
  emptyRequest,
  eurosForInput,
  hoursLeftLabel,
  hoursLeftOf,
  leftToPay,
  paymentBody,
  requestBody,
  serverFieldErrors,
  withFund,
} from './aids.bodies.ts'

const site = '0b8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b10'
const fundId = '1c8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b11'
const other = '2d8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b12'
const fund = {
  id: fundId,
  tracks: ['emergency', 'ordinary'],
  purposes: ['meals'],
  documents: ['Pièce d’identité', 'Justificatif de ressources'],
  fixedAmountCents: null,
} as unknown as Fund

describe('the aids forms → the API bodies', () => {
  it('request: euros typed the French way are sent as cents, the fund’s only purpose taken', () => {
    const v = withFund({ ...emptyRequest(site), documents: ['Autre pièce'] }, fund)
    expect(v).toMatchObject({ purpose: 'meals', track: null, documents: [] })
    const { body, errors } = requestBody({
      ...v,
      track: 'emergency',
      amount: '1 234,5',
      argument: '  ',
      documents: ['Pièce d’identité'],
    })
    expect(errors).toEqual({})
    expect(body).toEqual({
      fundId,
      track: 'emergency',
      purpose: 'meals',
      amountAskedCents: 123_450,
      argument: null,
      documents: ['Pièce d’identité'],
      siteId: site,
      month: null,
      projectId: null,
    })
  })

  it('request: each missing or wrong field named on the form’s field', () => {
    expect(Object.keys(requestBody(emptyRequest(null)).errors).sort()).toEqual(
      ['amount', 'fundId', 'purpose', 'siteId', 'track'].sort(),
    )
    expect(requestBody({ ...withFund(emptyRequest(site), fund), track: 'ordinary', amount: '12,345' }).errors).toEqual({
      amount: 'Montant en euros attendu, par exemple 1 234,50.',
    })
    expect(withFund(emptyRequest(site), { ...fund, fixedAmountCents: 18_000 }).amount).toBe(eurosForInput(18_000))
  })

  it('decision: the amount only when granted, the criterion only when refused, the fund only when redirected', () => {
    const v = { ...emptyDecision, amount: '150', refusalCriterion: 'hors critères', redirectedFundId: other }
    expect(decisionBody({ ...v, decision: 'granted' }, 3).body).toEqual({
      decision: 'granted',
      amountGrantedCents: 15_000,
      refusalCriterion: null,
      redirectedFundId: null,
      reason: null,
      version: 3,
    })
    expect(decisionBody({ ...v, decision: 'granted', amount: '' }, 3)).toMatchObject({
      body: { amountGrantedCents: null },
      errors: {},
    })
    expect(decisionBody({ ...v, decision: 'refused' }, 3).body).toMatchObject({
      amountGrantedCents: null,
      refusalCriterion: 'hors critères',
      redirectedFundId: null,
    })
    expect(decisionBody({ ...emptyDecision, decision: 'partly_granted' }, 1).errors).toEqual({
      amount: 'Indiquez le montant accordé.',
    })
    expect(decisionBody({ ...emptyDecision, decision: 'refused' }, 1).errors).toEqual({
      refusalCriterion: 'Indiquez le critère du refus.',
    })
    expect(decisionBody(emptyDecision, 1).errors).toEqual({ decision: 'Choisissez la décision.' })
  })

  it('payment: a third party is named, the payee dropped for another mode', () => {
    const v = { amount: '80,00', mode: 'third_party', payee: '', paidOn: '2026-12-07' }
    expect(paymentBody(v).errors).toEqual({ payee: 'Indiquez le tiers payé.' })
    expect(paymentBody({ ...v, mode: 'transfer', payee: 'Auto-école' }).body).toEqual({
      amountCents: 8_000,
      mode: 'transfer',
      payee: null,
      paidOn: '2026-12-07',
    })
    expect(Object.keys(paymentBody({ amount: '', mode: null, payee: '', paidOn: null }).errors).sort()).toEqual([
      'amount',
      'mode',
      'paidOn',
    ])
  })

  it('the server’s message on an amount in cents lands on the euros field', () => {
    const error = new ApiError(409, 'conflict', 'Conflit', 'Il reste…', [
      { field: 'amountGrantedCents', message: 'Il reste 12,00 € sur l’enveloppe 2026 du FIPJ.' },
    ])
    expect(serverFieldErrors(error)).toEqual({ amount: 'Il reste 12,00 € sur l’enveloppe 2026 du FIPJ.' })
  })

  it('an emergency’s time left, and what is left to pay', () => {
    const now = new Date('2026-12-07T10:00:00Z')
    expect(hoursLeftOf('2026-12-08T09:30:00Z', now)).toBe(23)
    expect(hoursLeftOf('2026-12-07T07:00:00Z', now)).toBe(-3)
    expect(hoursLeftLabel(23)).toBe('23 h restantes')
    expect(hoursLeftLabel(-3)).toBe('en retard de 3 h')
    expect(leftToPay({ amountGrantedCents: 10_000, paidCents: 4_000, scheduledCents: 1_000 })).toBe(5_000)
    expect(leftToPay({ amountGrantedCents: null, paidCents: 0, scheduledCents: 0 })).toBe(0)
  })
})
