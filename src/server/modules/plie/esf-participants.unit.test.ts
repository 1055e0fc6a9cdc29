import { describe, expect, it } from 'vitest'
import { ageOn, commonIndicators, participantRows } from './esf-participants.ts'

// The ESF+ rows and their common indicators (Regulation (EU) 2021/1057, Annex I), pure.

const row = (id: string, sex: 'F' | 'M', birth: string, entry: string, exit: string | null = null) => ({
  enrolment_id: id,
  external_id: null,
  entry_date: entry,
  exit_date: exit,
  exit_reason: exit ? 'cdi' : null,
  last_name: id,
  first_name: id,
  sex,
  birth_date: birth,
})
const answer = (id: string, moment: 'entry' | 'exit' | 'six_months', question: string, value: string, on: string) => ({
  enrolment_id: id,
  moment,
  question,
  answer: value,
  answered_on: on,
})

describe('ESF+ participants', () => {
  it('ages in whole years on the entry day (a birthday not yet reached counts one less)', () => {
    expect(ageOn('1995-03-15', '2025-03-14')).toBe(29)
    expect(ageOn('1995-03-15', '2025-03-15')).toBe(30)
    expect(ageOn('1970-12-31', '2025-12-30')).toBe(54)
  })

  it('keeps « declined » as an answer, counted in no category; results count only the leavers of the period', () => {
    const rows = participantRows(
      [
        row('a', 'F', '1990-01-01', '2025-01-10', '2025-06-30'),
        row('b', 'M', '1968-01-01', '2024-01-10', '2026-02-01'),
      ],
      [
        answer('a', 'entry', 'disability', 'declined', '2025-01-10'),
        answer('a', 'exit', 'employed_at_exit', 'yes', '2025-07-10'),
        answer('a', 'exit', 'in_education', 'no', '2025-07-12'),
        answer('b', 'entry', 'disability', 'yes', '2024-01-10'),
        answer('b', 'exit', 'employed_at_exit', 'yes', '2026-02-10'),
      ],
    )
    expect(rows[0]!.answers.disability).toBe('declined')
    expect(rows[0]!.answeredOn).toEqual({ entry: '2025-01-10', exit: '2025-07-12' })
    const byName = Object.fromEntries(commonIndicators(rows, '2025-01-01', '2025-12-31').map((i) => [i.name, i]))
    expect(byName['participants with disabilities']).toMatchObject({ total: 1, women: 0, men: 1 })
    // b left after the period: not among its results
    expect(byName['participants in employment, including self-employment, upon leaving']).toMatchObject({
      total: 1,
      women: 1,
      men: 0,
    })
    expect(byName['above 54 years of age']).toMatchObject({ total: 1, men: 1 })
  })
})
