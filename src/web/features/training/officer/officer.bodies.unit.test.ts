import { describe, expect, it } from 'vitest'
import {
  dayAndTime,
  decisionBody,
  emptyExit,
  exitBody,
  instantOf,
  sessionBody,
  sessionValues,
} from './officer.bodies.ts'

describe('the training department forms', () => {
  it('a refusal or a request for more needs its note; a validation does not', () => {
    expect(decisionBody({ decision: 'refused', note: '  ' }, 1).errors.note).toMatch(/motif/i)
    expect(decisionBody({ decision: 'more_info', note: '' }, 1).errors.note).toBeDefined()
    expect(decisionBody({ decision: 'validated', note: '' }, 1).errors).toEqual({})
  })

  it('an exit: hours not understood are named, the qualification sent as a boolean', () => {
    const bad = exitBody({ ...emptyExit, exitDate: '2026-06-30', exitKind: 'completed', hoursAttended: 'douze' }, 3)
    expect(bad.errors.hoursAttended).toBeDefined()
    const good = exitBody(
      {
        ...emptyExit,
        exitDate: '2026-06-30',
        exitKind: 'completed',
        hoursAttended: '120',
        qualificationObtained: 'yes',
      },
      3,
    )
    expect(good.errors).toEqual({})
    expect(good.body).toMatchObject({ hoursAttended: 120, qualificationObtained: true, version: 3 })
  })

  it('the information session: a day and a time in the structure’s zone, back and forth across summer time', () => {
    expect(instantOf('2026-03-12', '09:30', 'Europe/Paris')).toBe('2026-03-12T08:30:00.000Z')
    expect(instantOf('2026-07-01', '14h00', 'Europe/Paris')).toBe('2026-07-01T12:00:00.000Z')
    expect(instantOf('2026-07-01', '14:00', 'America/Cayenne')).toBe('2026-07-01T17:00:00.000Z')
    expect(dayAndTime('2026-07-01T12:00:00.000Z', 'Europe/Paris')).toEqual({ day: '2026-07-01', time: '14:00' })
  })

  it('a session: a day without its time is told on the time field, places required', () => {
    const v = { ...sessionValues('Europe/Paris'), actionId: crypto.randomUUID(), startsOn: '2026-09-01' }
    const { errors } = sessionBody({ ...v, infoDay: '2026-08-20' }, 'Europe/Paris')
    expect(errors.infoTime).toBeDefined()
    expect(errors.places).toBe('Nombre de places requis.')
    expect(sessionBody({ ...v, places: '12' }, 'Europe/Paris').errors).toEqual({})
  })
})
