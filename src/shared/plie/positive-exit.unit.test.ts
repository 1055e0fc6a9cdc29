import { describe, expect, it } from 'vitest'
import { checkPositiveExit, type ExitSituation, interimHours } from './positive-exit.ts'

let n = 0
const s = (kind: string, startDate: string, o: Partial<ExitSituation> = {}): ExitSituation => ({
  id: `s${++n}`,
  kind,
  startDate,
  plannedEndDate: null,
  endDate: null,
  hoursPerWeek: null,
  ...o,
})
const reasonOf = (r: ReturnType<typeof checkPositiveExit>) => (r.holds ? null : r.reason)

describe('positive exit', () => {
  it('a reason that is not positive always holds, with no proof', () => {
    expect(checkPositiveExit('moved_away', '2026-03-01', [])).toEqual({
      holds: true,
      positive: false,
      situationId: null,
    })
  })

  it('cdi: a CDI starting on or before the exit, or up to 4 weeks after', () => {
    const cdi = s('cdi', '2026-03-20')
    expect(checkPositiveExit('cdi', '2026-03-01', [cdi])).toMatchObject({ holds: true, situationId: cdi.id })
    const late = s('cdi', '2026-04-15')
    expect(reasonOf(checkPositiveExit('cdi', '2026-03-01', [late]))).toContain('plus de 4 semaines')
    expect(reasonOf(checkPositiveExit('cdi', '2026-03-01', [s('cdd', '2026-01-01')]))).toContain('Aucune situation')
    const ended = s('cdi', '2025-01-01', { endDate: '2025-06-30' })
    expect(reasonOf(checkPositiveExit('cdi', '2026-03-01', [ended]))).toContain('terminée avant la sortie')
  })

  it('cdd_over_6_months: a 4-month CDD cannot be a CDD over 6 months; planned or actual length counts', () => {
    const short = s('cdd', '2026-01-05', { plannedEndDate: '2026-05-04' })
    const r = checkPositiveExit('cdd_over_6_months', '2026-02-01', [short])
    expect(reasonOf(r)).toMatch(/CDD de moins de 6 mois.*du 05\/01\/2026 au 04\/05\/2026 \(3 mois\)/)
    const planned = s('cdd', '2026-01-05', { plannedEndDate: '2026-07-04' })
    expect(checkPositiveExit('cdd_over_6_months', '2026-02-01', [planned])).toMatchObject({ holds: true })
    const actual = s('cdd', '2025-06-01', { plannedEndDate: '2025-09-30', endDate: '2026-02-28' })
    expect(checkPositiveExit('cdd_over_6_months', '2026-02-01', [actual])).toMatchObject({ holds: true })
    const open = s('cdd', '2026-01-05')
    expect(reasonOf(checkPositiveExit('cdd_over_6_months', '2026-02-01', [open]))).toContain('sans date de fin')
  })

  it('work_study, business_creation, cirma: the situation of that kind', () => {
    expect(checkPositiveExit('work_study', '2026-03-01', [s('professionalisation', '2026-02-01')]).holds).toBe(true)
    expect(checkPositiveExit('work_study', '2026-03-01', [s('cdi', '2026-02-01')]).holds).toBe(false)
    expect(checkPositiveExit('business_creation', '2026-03-01', [s('business_creation', '2026-03-01')]).holds).toBe(
      true,
    )
    expect(checkPositiveExit('cirma', '2026-03-01', [s('subsidised_contract', '2026-01-01')]).holds).toBe(true)
    expect(checkPositiveExit('cirma', '2026-03-01', [s('insertion_contract', '2026-01-01')]).holds).toBe(false)
  })

  it('qualifying_training: at least 6 months', () => {
    const long = s('qualifying_training', '2026-02-02', { plannedEndDate: '2026-09-30' })
    expect(checkPositiveExit('qualifying_training', '2026-03-01', [long]).holds).toBe(true)
    const short = s('qualifying_training', '2026-02-02', { plannedEndDate: '2026-04-30' })
    expect(reasonOf(checkPositiveExit('qualifying_training', '2026-03-01', [short]))).toContain('moins de 6 mois')
  })

  it('interim_1215h: hours per week × weeks over the 12 months before the exit reach 1 215 h', () => {
    // 35 h × 52 weeks = 1 820 h, but only the last 12 months count
    const a = s('interim', '2025-03-02', { endDate: '2025-09-30', hoursPerWeek: 35 })
    const b = s('interim', '2025-11-01', { endDate: '2026-02-28', hoursPerWeek: 35 })
    const exit = '2026-03-01'
    expect(interimHours([a, b], exit)).toBeGreaterThan(1215)
    expect(checkPositiveExit('interim_1215h', exit, [a, b])).toMatchObject({ holds: true, situationId: b.id })
    const r = checkPositiveExit('interim_1215h', exit, [b])
    expect(reasonOf(r)).toMatch(/totalisent 600 h ; il en faut au moins 1\s215/)
    // older missions are out of the window
    const old = s('interim', '2024-01-01', { endDate: '2025-01-31', hoursPerWeek: 35 })
    expect(checkPositiveExit('interim_1215h', exit, [old, b]).holds).toBe(false)
  })

  it('the exit may name its proving situation, which must be of the right kind', () => {
    const short = s('cdd', '2026-01-05', { plannedEndDate: '2026-03-04' })
    const long = s('cdd', '2026-01-05', { plannedEndDate: '2026-12-31' })
    expect(checkPositiveExit('cdd_over_6_months', '2026-02-01', [short, long])).toMatchObject({ situationId: long.id })
    expect(checkPositiveExit('cdd_over_6_months', '2026-02-01', [short, long], short.id).holds).toBe(false)
    expect(reasonOf(checkPositiveExit('cdi', '2026-02-01', [short], short.id))).toContain('n’est pas un CDI')
    expect(reasonOf(checkPositiveExit('cdi', '2026-02-01', [short], 'nope'))).toContain('n’est pas une situation')
  })
})
