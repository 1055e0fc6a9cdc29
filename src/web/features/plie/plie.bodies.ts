import type { z } from 'zod'
import type { exitReasonSchema } from '../../../shared/accompaniment/situations.schema.ts'
import type { SituationKind } from '../../../shared/nomenclatures/accompaniment.ts'
import type { CommitteeInput, DecisionInput, MembersInput } from '../../../shared/plie/committees.schema.ts'
import type { Eligibility } from '../../../shared/plie/eligibility.ts'
import type { exitInputSchema, referentChangeSchema, stepInputSchema } from '../../../shared/plie/pathways.schema.ts'
import { type TargetPublic, targetPublics } from '../../../shared/plie/plie.nomenclature.ts'
import type { ProposalInput } from '../../../shared/plie/proposals.schema.ts'

// The PLIE forms' values → the bodies the API reads (its own zod schemas validate them, docs/MODULES.md "Forms"). Pure,
// so the unit test reads them without a browser.

const blank = (s: string) => (s.trim() === '' ? null : s.trim())

export interface ProposalValues {
  siteId: string | null
  motivation: string
  override: boolean
}
export const proposalBody = (v: ProposalValues): ProposalInput => ({
  siteId: v.siteId ?? '',
  motivation: blank(v.motivation),
  override: v.override,
})

export interface CommitteeValues {
  siteId: string | null
  date: string | null
}
export const committeeBody = (v: CommitteeValues): CommitteeInput => ({
  siteId: v.siteId ?? '',
  date: v.date ?? '',
  note: null,
})

export interface DecisionValues {
  decision: string | null
  referentId: string | null
  refusalReason: string
  minute: string
}
/**
 * A referent goes only with an accepted entry (a review's pathway changes referent on the pathway), a refusal reason
 * only with a refusal.
 */
export const decisionBody = (v: DecisionValues, version: number, entry = true): DecisionInput => ({
  decision: (v.decision ?? '') as DecisionInput['decision'],
  referentId: entry && v.decision === 'accepted' ? v.referentId : null,
  refusalReason: v.decision === 'refused' ? blank(v.refusalReason) : null,
  minute: v.minute.trim(),
  version,
})

export interface ReferentValues {
  referentId: string | null
  fromDate: string | null
}
export const referentBody = (v: ReferentValues, version: number): z.input<typeof referentChangeSchema> => ({
  referentId: v.referentId ?? '',
  fromDate: v.fromDate ?? '',
  version,
})

export interface StepValues {
  kind: string | null
  startDate: string | null
  plannedEndDate: string | null
  endDate: string | null
  hoursPerWeek: number | string
  organisationId: string | null
  stepReferent: string
}
export const stepBody = (v: StepValues): z.input<typeof stepInputSchema> => ({
  kind: (v.kind ?? '') as SituationKind,
  startDate: v.startDate ?? '',
  plannedEndDate: v.plannedEndDate,
  endDate: v.endDate,
  hoursPerWeek: v.hoursPerWeek === '' ? null : Number(v.hoursPerWeek),
  organisationId: v.organisationId,
  stepReferent: blank(v.stepReferent),
  note: null,
})

export interface ExitValues {
  exitDate: string | null
  exitReason: string | null
  exitSituationId: string | null
  partnerId: string | null
}
export const exitBody = (v: ExitValues, version: number): z.input<typeof exitInputSchema> => ({
  exitDate: v.exitDate ?? '',
  exitReason: (v.exitReason ?? '') as z.infer<typeof exitReasonSchema>,
  exitSituationId: v.exitSituationId,
  partnerId: v.partnerId,
  version,
})

/** The eligibility's rules in French: each with whether it holds (the member commune, then each target public). */
export function eligibilityLines(e: Eligibility): { label: string; holds: boolean }[] {
  return [
    { label: 'Réside dans une commune membre du PLIE', holds: e.commune.ok },
    // RSA and RQTH are absent for a reader who may not see them: no line rather than a « no »
    ...targetPublics.codes
      .filter((code: TargetPublic) => e.publics[code] !== undefined)
      .map((code: TargetPublic) => ({ label: targetPublics.labels[code], holds: e.publics[code] === true })),
  ]
}

export interface MemberRow {
  userId: string | null
  name: string
  organisation: string | null
  present: boolean
}
/** every member again: a user by id (the server knows the name), a person from outside by name and structure */
export const membersBody = (members: readonly MemberRow[], version: number): MembersInput => ({
  members: members.map((m) =>
    m.userId
      ? { userId: m.userId, name: null, organisation: null, present: m.present }
      : { userId: null, name: m.name, organisation: m.organisation, present: m.present },
  ),
  version,
})
