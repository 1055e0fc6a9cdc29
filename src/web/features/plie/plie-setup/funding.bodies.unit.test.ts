import { describe, expect, it } from 'vitest'
import { eurosForInput, type FundingValues, fundingBody } from './funding.bodies.ts'

const values: FundingValues = {
  year: 2026,
  funder: 'esf',
  operation: 'Accompagnement renforcé',
  programmed: '12 500,50',
  realised: '',
}

describe('fundingBody', () => {
  it('sends the amounts typed the French way as cents; an empty realised amount as null', () => {
    expect(fundingBody(values)).toEqual({
      body: {
        year: 2026,
        funder: 'esf',
        operation: 'Accompagnement renforcé',
        programmedCents: 1_250_050,
        realisedCents: null,
      },
      errors: {},
    })
    expect(fundingBody({ ...values, realised: '1 234,5 €' }).body.realisedCents).toBe(123_450)
  })

  it('names the field of an amount not understood, a missing funder or operation', () => {
    const { errors } = fundingBody({ ...values, funder: null, operation: '', programmed: '12,345', realised: '-3' })
    expect(Object.keys(errors).sort()).toEqual(['funder', 'operation', 'programmed', 'realised'])
    expect(errors.programmed).toContain('1 234,56')
    expect(fundingBody({ ...values, programmed: ' ' }).errors).toEqual({ programmed: 'Montant programmé requis.' })
  })

  it('shows cents back as euros to type over', () => {
    expect(eurosForInput(null)).toBe('')
    expect(fundingBody({ ...values, programmed: eurosForInput(123_456) }).body.programmedCents).toBe(123_456)
  })
})
