import { z } from 'zod'
import { type TargetPublic, targetPublics } from './plie.nomenclature.ts'

// The PLIE's eligibility on a day (docs/plie.md, « Entry »): the person lives in one of the PLIE's member communes and
// at least one target public holds (plie.nomenclature.ts targetPublics). A pure function of the person's dated data on
// that day, so the proposal keeps what was found and the form shows which rules hold and which are missing.
// RSA and RQTH are sensitive: the result names them; the proposal keeps it; its reads are audited by the server.

/** What the person's file says on the day, as the server reads it (eligibility.repository.ts). */
export interface EligibilityFacts {
  on: string
  /** the INSEE code of the commune the person lives in (the person file) */
  communeCode: string | null
  /** the PLIE's member communes (plie_commune); empty: not configured */
  memberCommunes: readonly string[]
  /** status periods active on the day (rsa, rqth, long_term_unemployed, justice) */
  statuses: readonly string[]
  /** types of the programmes of the enrolments open on the day ('civis', 'cej', …) */
  openProgrammeTypes: readonly string[]
  /** the person file's priority area (QPV, or ZUS before 2015) */
  priorityArea: string | null
}

/** Each target public on the day; RSA and RQTH are absent for a reader who may not see them (hideSensitivePublics). */
export const publicsSchema = z.object({
  rsa: z.boolean().optional(),
  civis_youth: z.boolean(),
  long_term_unemployed: z.boolean(),
  disabled_worker: z.boolean().optional(),
  priority_area: z.boolean(),
})

export const eligibilitySchema = z.object({
  on: z.string(),
  /** false: the PLIE has no member commune yet, nobody can be found eligible */
  configured: z.boolean(),
  commune: z.object({ ok: z.boolean(), code: z.string().nullable() }),
  publics: publicsSchema,
  eligible: z.boolean(),
  /** in French, what is missing (empty when eligible) */
  reasons: z.array(z.string()),
})
export type Eligibility = z.infer<typeof eligibilitySchema>

/** Publics whose value tells a sensitive status (RSA, RQTH): their read is audited like the statuses'. */
export const sensitivePublics: readonly TargetPublic[] = ['rsa', 'disabled_worker']

/** The eligibility without RSA and RQTH among its publics: not even « false » is shown to who may not see them. */
export function hideSensitivePublics<E extends { publics: z.infer<typeof publicsSchema> }>(e: E): E {
  const { rsa: _rsa, disabled_worker: _rqth, ...publics } = e.publics
  return { ...e, publics }
}

export function checkEligibility(f: EligibilityFacts): Eligibility {
  const configured = f.memberCommunes.length > 0
  const communeOk = configured && f.communeCode !== null && f.memberCommunes.includes(f.communeCode)
  const publics = {
    rsa: f.statuses.includes('rsa'),
    civis_youth: f.openProgrammeTypes.includes('civis') || f.openProgrammeTypes.includes('cej'),
    long_term_unemployed: f.statuses.includes('long_term_unemployed'),
    disabled_worker: f.statuses.includes('rqth'),
    priority_area: f.priorityArea !== null,
  }
  const anyPublic = Object.values(publics).some(Boolean)
  const reasons: string[] = []
  if (!configured)
    reasons.push('Les communes membres du PLIE ne sont pas configurées : aucune éligibilité ne peut être établie.')
  else if (f.communeCode === null) reasons.push('La commune de résidence n’est pas renseignée.')
  else if (!communeOk) reasons.push('La personne ne réside pas dans une commune membre du PLIE.')
  if (!anyPublic)
    reasons.push(
      `Aucun public cible à cette date (${targetPublics.codes.map((c) => targetPublics.labels[c]).join(', ')}).`,
    )
  return {
    on: f.on,
    configured,
    commune: { ok: communeOk, code: f.communeCode },
    publics,
    eligible: communeOk && anyPublic,
    reasons,
  }
}
