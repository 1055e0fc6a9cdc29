import { describe, expect, it } from 'vitest'
import { decisionInput, membersInput } from '../../../shared/plie/committees.schema.ts'
import { checkEligibility } from '../../../shared/plie/eligibility.ts'
import { exitInputSchema, stepInputSchema } from '../../../shared/plie/pathways.schema.ts'
import { proposalInput } from '../../../shared/plie/proposals.schema.ts'
import { bodyErrors } from '../../components/body-errors.ts'
import {
  committeeBody,
  decisionBody,
  eligibilityLines,
  exitBody,
  membersBody,
  proposalBody,
  referentBody,
  stepBody,
} from './plie.bodies.ts'
import { exitReasonOptions } from './plie.labels.ts'

const site = '0b8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b10'
const user = '1c8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b11'
const org = '2d8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b12'

describe('the PLIE forms → the API bodies', () => {
  it('proposal: an empty motivation is none; an override without one is refused on the motivation', () => {
    expect(proposalBody({ siteId: site, motivation: '  ', override: false })).toEqual({
      siteId: site,
      motivation: null,
      override: false,
    })
    expect(bodyErrors(proposalInput, proposalBody({ siteId: site, motivation: '', override: true }))).toEqual({
      motivation: 'Motivez la proposition d’une personne qui ne remplit pas les règles d’éligibilité.',
    })
    expect(
      Object.keys(bodyErrors(proposalInput, proposalBody({ siteId: null, motivation: '', override: false }))),
    ).toEqual(['siteId'])
  })

  it('committee: site and date as typed, a missing date named', () => {
    expect(committeeBody({ siteId: site, date: '2026-03-02' })).toEqual({
      siteId: site,
      date: '2026-03-02',
      note: null,
    })
    expect(
      Object.keys(
        bodyErrors(decisionInput, decisionBody({ decision: null, referentId: null, refusalReason: '', minute: '' }, 1)),
      ),
    ).toEqual(expect.arrayContaining(['decision', 'minute']))
  })

  it('decision: the referent only with an accepted entry, the reason only with a refusal', () => {
    const v = { decision: 'accepted', referentId: user, refusalReason: 'hors sujet', minute: ' Entrée validée. ' }
    expect(decisionBody(v, 3)).toEqual({
      decision: 'accepted',
      referentId: user,
      refusalReason: null,
      minute: 'Entrée validée.',
      version: 3,
    })
    expect(decisionBody(v, 3, false).referentId).toBeNull()
    expect(decisionBody({ ...v, decision: 'refused' }, 3)).toMatchObject({
      referentId: null,
      refusalReason: 'hors sujet',
    })
    expect(bodyErrors(decisionInput, decisionBody({ ...v, decision: 'refused', refusalReason: '' }, 3))).toEqual({
      refusalReason: 'Indiquez le motif du refus.',
    })
  })

  it('members: a user by id, an outsider by name', () => {
    const body = membersBody(
      [
        { userId: user, name: 'Claire Martin', organisation: null, present: true },
        { userId: null, name: 'M. Dupont', organisation: 'Département', present: false },
      ],
      2,
    )
    expect(body).toEqual({
      members: [
        { userId: user, name: null, organisation: null, present: true },
        { userId: null, name: 'M. Dupont', organisation: 'Département', present: false },
      ],
      version: 2,
    })
    expect(membersInput.safeParse(body).success).toBe(true)
  })

  it('step: hours as a number or none, the dates checked by the API schema', () => {
    const v = {
      kind: 'insertion_contract',
      startDate: '2026-03-02',
      plannedEndDate: '2026-08-31',
      endDate: null,
      hoursPerWeek: '26',
      organisationId: org,
      stepReferent: ' Mme Roux ',
    }
    expect(stepBody(v)).toEqual({
      kind: 'insertion_contract',
      startDate: '2026-03-02',
      plannedEndDate: '2026-08-31',
      endDate: null,
      hoursPerWeek: 26,
      organisationId: org,
      stepReferent: 'Mme Roux',
      note: null,
    })
    expect(stepBody({ ...v, hoursPerWeek: '' }).hoursPerWeek).toBeNull()
    expect(bodyErrors(stepInputSchema, stepBody({ ...v, endDate: '2026-01-01' }))).toEqual({
      endDate: 'La date de fin précède la date de début.',
    })
  })

  it('exit and referent: the version read goes with the body', () => {
    const body = exitBody({ exitDate: '2026-03-02', exitReason: 'cdi', exitSituationId: null, partnerId: org }, 4)
    expect(body).toEqual({
      exitDate: '2026-03-02',
      exitReason: 'cdi',
      exitSituationId: null,
      partnerId: org,
      version: 4,
    })
    expect(exitInputSchema.safeParse(body).success).toBe(true)
    expect(
      Object.keys(
        bodyErrors(
          exitInputSchema,
          exitBody({ exitDate: null, exitReason: null, exitSituationId: null, partnerId: null }, 4),
        ),
      ),
    ).toEqual(expect.arrayContaining(['exitDate', 'exitReason']))
    expect(referentBody({ referentId: user, fromDate: '2026-03-02' }, 5)).toEqual({
      referentId: user,
      fromDate: '2026-03-02',
      version: 5,
    })
  })

  it('marks the positive exit reasons and lists the eligibility rules in French', () => {
    expect(exitReasonOptions[0].items.map((o) => o.label)).toContain('CDI (sortie positive)')
    expect(exitReasonOptions[1].items.every((o) => !o.label.includes('positive'))).toBe(true)
    const e = checkEligibility({
      on: '2026-03-02',
      communeCode: '69123',
      memberCommunes: ['69123'],
      statuses: ['rsa'],
      openProgrammeTypes: [],
      priorityArea: null,
    })
    expect(
      eligibilityLines(e)
        .filter((l) => l.holds)
        .map((l) => l.label),
    ).toEqual(['Réside dans une commune membre du PLIE', 'Allocataire du RSA'])
  })
})
