import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../api.ts'
import {
  BAD_AMOUNT,
  caseDecisionBody,
  contractBody,
  envelopeBody,
  eurosForInput,
  fieldOf,
  fundBody,
  fundValues,
  indirectBody,
  outcomeBody,
  projectBody,
  projectDecisionBody,
  serverErrors,
} from './setup.bodies.ts'

const FUND = '0c7a4f8e-1b2d-4c3e-8f9a-0b1c2d3e4f50'
const PERSON = '1c7a4f8e-1b2d-4c3e-8f9a-0b1c2d3e4f51'

describe('fundBody', () => {
  const values = {
    ...fundValues(),
    code: 'FDAJ',
    name: 'Fonds départemental d’aide aux jeunes',
    kind: 'individual',
    funder: 'Département',
    purposes: ['meals', 'transport'],
    communes: '59183, 59155 ;59350',
    documents: 'Pièce d’identité\n\n RIB ',
    ceilingRequest: '1 500,50',
    minAge: '18',
  }
  it('sends euros as cents, the lists split, empty fields as null', () => {
    const { body, errors } = fundBody(values)
    expect(errors).toEqual({})
    expect(body).toMatchObject({
      ceilingRequestCents: 150_050,
      ceilingMonthCents: null,
      minAge: 18,
      maxAge: null,
      communes: ['59183', '59155', '59350'],
      documents: ['Pièce d’identité', 'RIB'],
      tracks: ['ordinary'],
      paymentModes: ['transfer'],
    })
  })
  it('names the fields of a bad amount, a bad age, a missing kind and purposes', () => {
    const { errors } = fundBody({ ...values, kind: null, purposes: [], ceilingMonth: '12,345', maxAge: 'dix' })
    expect(errors.ceilingMonth).toBe(BAD_AMOUNT)
    expect(errors.maxAge).toBe('Nombre entier attendu.')
    expect(Object.keys(errors).sort()).toEqual(['ceilingMonth', 'kind', 'maxAge', 'purposes'])
  })
  it('shows a fund back as it was typed', () => {
    const again = fundValues({
      ...fundBody(values).body,
      id: FUND,
      kindLabel: '',
      version: 3,
    } as Parameters<typeof fundValues>[0])
    expect(again.ceilingRequest).toBe(eurosForInput(150_050))
    expect(fundBody(again).body.ceilingRequestCents).toBe(150_050)
  })
})

describe('envelopeBody, contractBody, indirectBody', () => {
  it('sends the allocated amount as cents and requires it', () => {
    expect(envelopeBody({ year: 2026, funder: 'Département', allocated: '120 000' })).toEqual({
      body: { year: 2026, funder: 'Département', allocatedCents: 12_000_000 },
      errors: {},
    })
    expect(envelopeBody({ year: 2026, funder: '', allocated: '' }).errors).toEqual({
      funder: 'Financeur requis.',
      allocated: 'Montant alloué requis.',
    })
  })
  it('a contract: months a whole number, the monthly amount in cents', () => {
    const v = { startsOn: '2026-03-01', months: '3', monthly: '100', commitments: 'Suivre la formation' }
    expect(contractBody(v)).toEqual({
      body: { startsOn: '2026-03-01', months: 3, monthlyCents: 10_000, commitments: 'Suivre la formation' },
      errors: {},
    })
    const { errors } = contractBody({ startsOn: null, months: '', monthly: 'cent', commitments: '' })
    expect(Object.keys(errors).sort()).toEqual(['commitments', 'monthly', 'months', 'startsOn'])
    expect(errors.monthly).toBe(BAD_AMOUNT)
  })
  it('an indirect aid: amount and participants', () => {
    const v = { fundId: FUND, spentOn: '2026-05-04', label: 'Atelier', amount: '1 234,5', participants: '12' }
    expect(indirectBody(v).body).toMatchObject({ amountCents: 123_450, participants: 12 })
    expect(Object.keys(indirectBody({ ...v, amount: '', participants: '1,5' }).errors).sort()).toEqual([
      'amount',
      'participants',
    ])
  })
})

describe('decisions', () => {
  const empty = { decision: null, amountGranted: '', refusalCriterion: '', redirectedFundId: null, reason: '' }
  it('a commission grants with its reason, the amount empty: the amount asked', () => {
    expect(caseDecisionBody({ ...empty, decision: 'granted', reason: 'Projet solide' }, 4)).toEqual({
      body: {
        decision: 'granted',
        amountGrantedCents: null,
        refusalCriterion: null,
        redirectedFundId: null,
        reason: 'Projet solide',
        version: 4,
      },
      errors: {},
    })
    const partly = caseDecisionBody({ ...empty, decision: 'partly_granted', amountGranted: '150,00', reason: 'x' }, 1)
    expect(partly.body.amountGrantedCents).toBe(15_000)
  })
  it('names what a decision lacks; a refused one keeps no amount typed before', () => {
    expect(Object.keys(caseDecisionBody(empty, 1).errors).sort()).toEqual(['decision', 'reason'])
    const refused = caseDecisionBody({ ...empty, decision: 'refused', amountGranted: '100', reason: 'x' }, 1)
    expect(refused.body.amountGrantedCents).toBeNull()
    expect(refused.errors).toEqual({ refusalCriterion: 'Indiquez le critère du refus.' })
  })
  it('a project funded with an amount in cents; an outcome with its jobs', () => {
    expect(projectDecisionBody({ decision: 'funded', decidedOn: '2026-06-01', granted: '2 000' }, 2).body).toEqual({
      version: 2,
      decision: 'funded',
      decidedOn: '2026-06-01',
      grantedCents: 200_000,
    })
    expect(projectDecisionBody({ decision: 'funded', decidedOn: '2026-06-01', granted: '' }, 2).errors).toEqual({
      granted: 'Montant accordé requis pour un projet financé.',
    })
    expect(outcomeBody({ outcome: 'completed', followUp: ' ', jobsCreated: '2' }, 5).body).toEqual({
      version: 5,
      outcome: 'completed',
      followUp: null,
      jobsCreated: 2,
    })
  })
  it('a project: an economic one needs its sector, the amounts in cents', () => {
    const v = {
      fundId: FUND,
      title: 'Food truck',
      form: 'individual',
      nature: 'economic',
      sector: null,
      holderIds: [PERSON],
      budget: '5 000',
      asked: '1 500',
    }
    const { body, errors } = projectBody(v)
    expect(body).toMatchObject({ budgetCents: 500_000, askedCents: 150_000 })
    expect(errors).toEqual({ sector: 'Secteur d’activité requis pour un projet économique.' })
    expect(projectBody({ ...v, nature: 'social', sector: 'retail' }).body.sector).toBeNull()
  })
})

describe('field names', () => {
  it('maps the body paths and the server’s fields to the form’s', () => {
    expect(fieldOf('allocatedCents')).toBe('allocated')
    expect(fieldOf('holderIds.0')).toBe('holderIds')
    const error = new ApiError(409, 'conflict', 'Conflit', 'Reste 10 €', [
      { field: 'amountGrantedCents', message: 'Il reste 10,00 € sur l’enveloppe.' },
    ])
    expect(serverErrors(error)).toEqual({ amountGranted: 'Il reste 10,00 € sur l’enveloppe.' })
  })
})
