import type { EsfAnswers, EsfAnswersInput } from '../../../shared/plie/esf.schema.ts'
import {
  type EsfMoment,
  type EsfQuestion,
  esfMoments,
  esfQuestionCodes,
  esfQuestions,
} from '../../../shared/plie/plie.nomenclature.ts'

// « Données FSE+ » of a pathway (docs/plie.md « The ESF+ answers »): which moments are asked, their questions as
// radio groups, the form's values → the body of POST /api/plie/pathways/:id/esf. Pure, for the unit test.

export interface EsfValues {
  answeredOn: string | null
  /** by question: the chosen answer, null when not answered */
  answers: Record<string, string | null>
}

export interface EsfQuestionView {
  code: EsfQuestion
  label: string
  options: { value: string; label: string }[]
}

/** The questions of a moment with their French labels (« Ne souhaite pas répondre » only where the rules allow it). */
export function esfQuestionsOf(moment: EsfMoment): EsfQuestionView[] {
  return esfQuestionCodes
    .filter((q) => esfQuestions[q].moment === moment)
    .map((q) => ({
      code: q,
      label: esfQuestions[q].label,
      options: Object.entries(esfQuestions[q].answers as Record<string, string>).map(([value, label]) => ({
        value,
        label,
      })),
    }))
}

/** The day six months after a day ('yyyy-mm-dd'), the last of the month when it has no such day. */
export function sixMonthsAfter(d: string): string {
  const [y, m, day] = d.split('-').map(Number)
  const month = m + 6 > 12 ? m - 6 : m + 6
  const year = m + 6 > 12 ? y + 1 : y
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`
}

/** The moments asked of a pathway on `today`: entry; exit once exited; six months once they have passed. */
export function esfMomentsDue(exitDate: string | null, today: string): EsfMoment[] {
  const due: EsfMoment[] = ['entry']
  if (exitDate && exitDate <= today) due.push('exit')
  if (exitDate && sixMonthsAfter(exitDate) <= today) due.push('six_months')
  return due
}

/** The recorded answers of a moment, and the latest day they were given (null: none recorded). */
export function recordedOf(recorded: EsfAnswers['answers'], moment: EsfMoment) {
  const rows = recorded.filter((a) => a.moment === moment)
  const answeredOn = rows.reduce<string | null>((d, a) => (d === null || a.answeredOn > d ? a.answeredOn : d), null)
  return { answers: Object.fromEntries(rows.map((a) => [a.question, a.answer])), answeredOn }
}

/** The form's starting values: the recorded answers, on the day they were given, else today. */
export function esfInitialValues(moment: EsfMoment, recorded: EsfAnswers['answers'], today: string): EsfValues {
  const r = recordedOf(recorded, moment)
  return {
    answeredOn: r.answeredOn ?? today,
    answers: Object.fromEntries(esfQuestionsOf(moment).map((q) => [q.code, r.answers[q.code] ?? null])),
  }
}

/** The body: the questions answered (those left blank are not sent), the day. */
export const esfBody = (moment: EsfMoment, v: EsfValues): EsfAnswersInput => ({
  moment,
  answeredOn: v.answeredOn ?? '',
  answers: Object.fromEntries(Object.entries(v.answers).filter((e): e is [string, string] => e[1] !== null)),
})

export const esfMomentLabel = (moment: EsfMoment) => esfMoments.labels[moment]
