import { describe, expect, it } from 'vitest'
import { decisionBody, envelopeBody, planBody, planValues } from './fund.bodies.ts'

// The fund's forms are checked by the API's own schemas, and their messages land on the form's fields.
const plan = {
  ...planValues(),
  personId: '0190a5d2-7c4e-7b1a-9a0e-3f6f4a2b1c0d',
  employerName: 'Association',
  contractKind: 'cae',
  trainingTitle: 'CACES',
  bodyName: 'AFPA',
  hours: '150',
  totalCost: '2 500,00',
  fund: '1 789,50',
}

describe('fund forms', () => {
  it('euros typed the French way are sent in cents; a whole plan has no error', () => {
    const { body, errors } = planBody({ ...plan, cofunding: [{ cofunder: 'AGEFOS', kind: 'opco', amount: '500' }] })
    expect(errors).toEqual({})
    expect(body).toMatchObject({ hours: 150, totalCostCents: 250_000, fundCents: 178_950 })
    expect(body.cofunding).toEqual([{ cofunder: 'AGEFOS', kind: 'opco', amountCents: 50_000 }])
  })
  it('messages land on the form’s fields, amounts not understood say how to write them', () => {
    const { errors } = planBody({
      ...plan,
      personId: '',
      cofunding: [{ cofunder: '', kind: null, amount: 'douze' }],
    })
    expect(errors.personId).toBeTruthy()
    expect(errors['cofunding.0.cofunder']).toBeTruthy()
    expect(errors['cofunding.0.kind']).toBeTruthy()
    expect(errors['cofunding.0.amount']).toContain('1 234,50')
    // the shares against the total cost: checked once the fields themselves are right
    expect(planBody({ ...plan, fund: '3 000' }).errors.fund).toContain('coût total')
    expect(envelopeBody({ year: 2009, funder: 'CUD', allocated: '' }).errors.allocated).toBeTruthy()
    expect(envelopeBody({ year: 2009, funder: 'CUD', allocated: '120 000' }).body.allocatedCents).toBe(12_000_000)
    expect(decisionBody({ decision: 'refused', committeeDate: '2009-03-10', note: ' ' }, 1).errors.note).toBeTruthy()
  })
})
