import { z } from 'zod'
import type { Event } from '../../../../shared/accompaniment/accompaniment.schema.ts'
import type { InterviewInput } from '../../../../shared/accompaniment/interview.schema.ts'
import type { Situation } from '../../../../shared/accompaniment/situations.schema.ts'
import { numberOrNull, textOrNull } from '../use-record-mutation.ts'

/** The screen's URL state: the appointment of the agenda it records, if any. */
export const interviewSearchSchema = z.object({ rdv: z.uuid().optional().catch(undefined) })

// The interview screen's form values and the body it sends (POST /api/persons/:id/interviews).

export interface PropositionRow {
  /** a stable key for React while rows are added and removed */
  key: string
  domain: string | null
  theme: string | null
  outcome: string
  text: string
}

export interface InterviewValues {
  kind: string | null
  date: string | null
  siteId: string | null
  durationMinutes: number | string
  note: string
  propositions: PropositionRow[]
  situationChanges: boolean
  situation: {
    kind: string | null
    startDate: string | null
    plannedEndDate: string | null
    organisationName: string
    hoursPerWeek: number | string
  }
}

let rows = 0
export const newProposition = (): PropositionRow => ({
  key: `p${++rows}`,
  domain: null,
  theme: null,
  outcome: 'pending',
  text: '',
})

export const initialValues = (today: string, siteId: string | null): InterviewValues => ({
  kind: 'individual_interview',
  date: today,
  siteId,
  durationMinutes: '',
  note: '',
  propositions: [],
  situationChanges: false,
  situation: { kind: null, startDate: today, plannedEndDate: null, organisationName: '', hoursPerWeek: '' },
})

/** The body; `existing`: the event the agenda recorded for the appointment, completed rather than duplicated. */
export function toInterviewInput(v: InterviewValues, existing?: { id: string; version: number }): InterviewInput {
  return {
    event: {
      ...(existing ? { id: existing.id, version: existing.version } : {}),
      kind: v.kind as Event['kind'],
      date: v.date ?? '',
      siteId: v.siteId,
      durationMinutes: numberOrNull(v.durationMinutes),
      attendance: 'present',
      note: textOrNull(v.note),
    },
    propositions: v.propositions.map((p) => ({
      domain: p.domain as 'professional',
      theme: p.theme ?? '',
      outcome: p.outcome as 'pending',
      text: textOrNull(p.text),
      durationMinutes: null,
    })),
    situation: v.situationChanges
      ? {
          kind: v.situation.kind as Situation['kind'],
          startDate: v.situation.startDate ?? '',
          plannedEndDate: v.situation.plannedEndDate,
          endDate: null,
          organisationName: textOrNull(v.situation.organisationName),
          hoursPerWeek: numberOrNull(v.situation.hoursPerWeek),
          note: null,
        }
      : null,
  }
}

/** The body's paths → the form's fields: the event's are at the form's top (`event.date` → `date`), the others as they are. */
export const fieldOf = (path: string) => (path.startsWith('event.') ? path.slice('event.'.length) : path)
