import { describe, expect, it } from 'vitest'
import { esfAnswersInputSchema } from '../../../shared/plie/esf.schema.ts'
import { bodyErrors } from '../../components/body-errors.ts'
import { esfBody, esfInitialValues, esfMomentsDue, esfQuestionsOf, sixMonthsAfter } from './esf.bodies.ts'

describe('« Données FSE+ »: the form → the API body', () => {
  it('asks the entry questions in French, « Ne souhaite pas répondre » only where allowed', () => {
    const entry = esfQuestionsOf('entry')
    expect(entry.map((q) => q.code)).toEqual([
      'labour_status',
      'education_isced',
      'disability',
      'third_country_national',
      'foreign_background',
      'minority',
      'homeless',
      'rural_area',
    ])
    const declines = (code: string) =>
      entry.find((q) => q.code === code)!.options.some((o) => o.label === 'Ne souhaite pas répondre')
    expect(declines('disability')).toBe(true)
    expect(declines('labour_status')).toBe(false)
    expect(declines('rural_area')).toBe(false)
    expect(esfQuestionsOf('six_months').map((q) => q.label)).toEqual([
      'En emploi six mois après la sortie',
      'Situation améliorée sur le marché du travail six mois après la sortie',
    ])
  })

  it('asks exit once exited and six months once they have passed', () => {
    expect(esfMomentsDue(null, '2026-03-02')).toEqual(['entry'])
    expect(esfMomentsDue('2025-10-01', '2026-03-02')).toEqual(['entry', 'exit'])
    expect(esfMomentsDue('2025-09-02', '2026-03-02')).toEqual(['entry', 'exit', 'six_months'])
    expect(sixMonthsAfter('2025-08-31')).toBe('2026-02-28')
    expect(sixMonthsAfter('2025-03-15')).toBe('2025-09-15')
  })

  it('starts from the recorded answers and their day, sends only the questions answered, valid for the API', () => {
    const recorded = [
      { moment: 'entry' as const, question: 'disability', answer: 'declined', answeredOn: '2025-09-02' },
      { moment: 'exit' as const, question: 'employed_at_exit', answer: 'yes', answeredOn: '2025-12-01' },
    ]
    const v = esfInitialValues('entry', recorded, '2026-03-02')
    expect(v.answeredOn).toBe('2025-09-02')
    expect(v.answers.disability).toBe('declined')
    expect(v.answers.labour_status).toBeNull()
    const body = esfBody('entry', { ...v, answers: { ...v.answers, labour_status: 'long_term_unemployed' } })
    expect(body).toEqual({
      moment: 'entry',
      answeredOn: '2025-09-02',
      answers: { disability: 'declined', labour_status: 'long_term_unemployed' },
    })
    expect(bodyErrors(esfAnswersInputSchema, body)).toEqual({})
    expect(esfInitialValues('six_months', recorded, '2026-03-02').answeredOn).toBe('2026-03-02')
    // no day: refused on the day; nothing answered: refused on the answers
    const noDay = esfBody('exit', { answeredOn: null, answers: { employed_at_exit: 'yes' } })
    expect(Object.keys(bodyErrors(esfAnswersInputSchema, noDay))).toEqual(['answeredOn'])
    const none = esfBody('exit', { answeredOn: '2025-12-01', answers: { employed_at_exit: null } })
    expect(Object.keys(bodyErrors(esfAnswersInputSchema, none))).toEqual(['answers'])
  })
})
