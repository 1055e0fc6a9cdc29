import { describe, expect, it } from 'vitest'
import { appointmentInputSchema, seriesInputSchema } from '../../../shared/agenda/agenda.schema.ts'
import { templateInputSchema } from '../../../shared/agenda/messages.schema.ts'
import { reminderDueAt } from './reminders.job.ts'
import { occurrences } from './series.service.ts'
import { internationalNumber } from './sms/sms-provider.ts'
import { defaultTemplates, render } from './templates.ts'
import { wallOf, zonedInstant } from './wall-time.ts'

describe('wall time', () => {
  it('gives the instant of a Paris wall time on both sides of the change of time, and back', () => {
    expect(zonedInstant('2026-03-28', '10:00', 'Europe/Paris').toISOString()).toBe('2026-03-28T09:00:00.000Z')
    expect(zonedInstant('2026-03-30', '10:00', 'Europe/Paris').toISOString()).toBe('2026-03-30T08:00:00.000Z')
    // 02:30 on 29/03 does not exist in Paris: the instant after the gap
    expect(wallOf(zonedInstant('2026-03-29', '02:30', 'Europe/Paris'), 'Europe/Paris').time).toBe('03:30')
    expect(zonedInstant('2026-03-02', '09:00', 'America/Cayenne').toISOString()).toBe('2026-03-02T12:00:00.000Z')
    expect(wallOf(new Date('2026-10-25T00:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-10-25', time: '02:30' })
  })

  it('dues a reminder the day before at 10:00, none when that has passed', () => {
    const now = new Date('2026-03-02T09:00:00Z')
    expect(reminderDueAt('2026-03-05', 'Europe/Paris', now)?.toISOString()).toBe('2026-03-04T09:00:00.000Z')
    expect(reminderDueAt('2026-03-03', 'Europe/Paris', now)).toBeNull()
  })
})

describe('permanences', () => {
  it('expands a weekly rule on wall days, every other week too', () => {
    const base = seriesInputSchema.parse({
      siteId: '6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23',
      start: '09:00',
      end: '12:00',
      firstDay: '2026-03-23',
      lastDay: '2026-04-10',
      days: ['TU', 'TH'],
    })
    expect(occurrences(base).days).toEqual([
      '2026-03-24',
      '2026-03-26',
      '2026-03-31',
      '2026-04-02',
      '2026-04-07',
      '2026-04-09',
    ])
    expect(occurrences({ ...base, interval: 2 }).days).toEqual(['2026-03-24', '2026-03-26', '2026-04-07', '2026-04-09'])
    expect(occurrences(base).rule).toMatch(/RRULE:FREQ=WEEKLY;.*BYDAY=TU,TH/)
  })
})

describe('contracts', () => {
  it('says what is wrong in French, naming the field', () => {
    const r = appointmentInputSchema.safeParse({
      kind: '',
      date: '2026-03-02',
      start: '10:00',
      end: '09:00',
      siteId: '6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23',
    })
    expect(r.success).toBe(false)
    const issues = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(issues).toMatchObject({ kind: 'Choisissez le type.', end: 'La fin doit suivre le début.' })
    expect(
      templateInputSchema.safeParse({ body: 'Bonjour {prenom} {age}', version: 0 }).error?.issues[0]?.message,
    ).toBe('Champ inconnu : {age}.')
  })
})

describe('messages', () => {
  it('fills the French templates and turns French numbers into Brevo’s form', () => {
    const values = {
      prenom: 'Léa',
      nom: 'Martin',
      date: '05/03/2026',
      heure: '14h00',
      lieu: 'Antenne Dunkerque Centre',
      conseiller: 'Claire Conseillère',
      structure: 'Mission Locale',
    }
    expect(render(defaultTemplates.convocation_sms.body, values)).toBe(
      'Mission Locale : bonjour Léa, rendez-vous le 05/03/2026 à 14h00 avec Claire Conseillère, Antenne Dunkerque Centre.',
    )
    expect(internationalNumber('06 12 34 56 78')).toBe('33612345678')
    expect(internationalNumber('+33 6 12 34 56 78')).toBe('33612345678')
    expect(internationalNumber('0033612345678')).toBe('33612345678')
    expect(internationalNumber('12 34')).toBeNull()
  })
})
