import { describe, expect, it } from 'vitest'
import { checkEligibility, type EligibilityFacts } from './eligibility.ts'

const base: EligibilityFacts = {
  on: '2026-03-02',
  communeCode: '69123',
  memberCommunes: ['69123', '69266'],
  statuses: [],
  openProgrammeTypes: [],
  priorityArea: null,
}
const check = (f: Partial<EligibilityFacts>) => checkEligibility({ ...base, ...f })

describe('PLIE eligibility', () => {
  it('a member commune and one public: eligible, the public named', () => {
    const r = check({ statuses: ['rsa'] })
    expect(r).toMatchObject({ eligible: true, configured: true, commune: { ok: true, code: '69123' }, reasons: [] })
    expect(r.publics).toEqual({
      rsa: true,
      civis_youth: false,
      long_term_unemployed: false,
      disabled_worker: false,
      priority_area: false,
    })
  })

  it('reads each public from its source: RQTH, long-term job-seeker, CIVIS or CEJ, priority area', () => {
    expect(check({ statuses: ['rqth'] }).publics.disabled_worker).toBe(true)
    expect(check({ statuses: ['long_term_unemployed'] }).publics.long_term_unemployed).toBe(true)
    expect(check({ openProgrammeTypes: ['cej'] }).publics.civis_youth).toBe(true)
    expect(check({ openProgrammeTypes: ['civis', 'mission_locale'] }).publics.civis_youth).toBe(true)
    expect(check({ openProgrammeTypes: ['mission_locale'] }).publics.civis_youth).toBe(false)
    expect(check({ priorityArea: 'qpv' }).publics.priority_area).toBe(true)
    expect(check({ priorityArea: 'zus' }).eligible).toBe(true)
    // justice is no target public
    expect(check({ statuses: ['justice'] }).eligible).toBe(false)
  })

  it('no public: not eligible, the reason says which rule is missing', () => {
    const r = check({})
    expect(r.eligible).toBe(false)
    expect(r.commune.ok).toBe(true)
    expect(r.reasons).toHaveLength(1)
    expect(r.reasons[0]).toContain('Aucun public cible')
  })

  it('out of the member communes, or no commune recorded: not eligible, whatever the publics', () => {
    const out = check({ communeCode: '75056', statuses: ['rsa'] })
    expect(out).toMatchObject({ eligible: false, commune: { ok: false, code: '75056' } })
    expect(out.reasons[0]).toContain('commune membre')
    const none = check({ communeCode: null, statuses: ['rsa'] })
    expect(none).toMatchObject({ eligible: false, commune: { ok: false, code: null } })
    expect(none.reasons[0]).toContain('pas renseignée')
  })

  it('no member commune configured: says so, nobody is eligible', () => {
    const r = check({ memberCommunes: [], statuses: ['rsa', 'rqth'], priorityArea: 'qpv' })
    expect(r).toMatchObject({ eligible: false, configured: false, commune: { ok: false } })
    expect(r.reasons[0]).toContain('ne sont pas configurées')
    expect(r.publics.rsa).toBe(true)
  })

  it('both rules missing: two reasons', () => {
    expect(check({ communeCode: '75056' }).reasons).toHaveLength(2)
  })
})
