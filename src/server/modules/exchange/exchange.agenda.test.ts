import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Bundle,
  emptyDatabase,
  exportFrom,
  importInto,
  readBundle,
  tableCounts,
  withCell,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { formatIssue, ImportFailed } from './exchange.errors.ts'

// The agenda's files of the bundle (issue 10): rooms, templates, permanences, appointments and collective sessions,
// their persons with attendance, the messages sent. The whole-bundle round trips (the example, the demo) are in
// exchange.export.test.ts and exchange.commands.test.ts; here, what the agenda's rows become and its errors.

let db: TestDb
let example: Bundle
beforeAll(async () => {
  db = await createTestDb()
  example = await readBundle()
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

describe('the agenda in a bundle', () => {
  it('maps appointments, sessions, attendance, permanences and messages onto the agenda’s tables', async () => {
    // a late appointment: its day is the structure's (Paris, UTC+2 in April), not UTC's
    const bundle = withRow(example, 'appointments.csv', {
      external_id: 'RDV-LATE',
      kind: 'phone',
      starts_at: '2009-04-19T22:30:00Z',
      ends_at: '2009-04-19T22:45:00Z',
      place: 'phone',
      site_code: 'A-GS',
      counsellor_email: 'paul.durand@ml-littoral.fr',
    })
    await importInto(db, bundle)
    const { rows } = await sql<Record<string, unknown>>`
      SELECT a.external_id, a.day::text AS day, a.kind, a.capacity, r.name AS room, s.external_id AS series,
             a.cancelled_at IS NOT NULL AS cancelled,
             (SELECT string_agg(p.external_id || ':' || coalesce(ap.attendance, '-') || ':' || coalesce(e.external_id, '-'),
                                ' ' ORDER BY p.external_id)
              FROM appointment_person ap JOIN person p ON p.id = ap.person_id
              LEFT JOIN event e ON e.id = ap.event_id WHERE ap.appointment_id = a.id) AS persons
      FROM appointment a LEFT JOIN agenda_room r ON r.id = a.room_id LEFT JOIN agenda_series s ON s.id = a.series_id
      ORDER BY a.starts_at`.execute(db.kysely)
    expect(rows).toEqual([
      {
        external_id: 'RDV-1',
        day: '2009-02-12',
        kind: 'individual_interview',
        capacity: 1,
        room: null,
        series: null,
        cancelled: false,
        persons: 'P3-000101:present:E-1002',
      },
      {
        external_id: 'AT-1',
        day: '2009-03-05',
        kind: 'workshop',
        capacity: 8,
        room: 'Salle Jean Bart',
        series: null,
        cancelled: false,
        persons: 'P3-000101:excused:E-1003 P3-000102:-:- P3-000103:-:-',
      },
      expect.objectContaining({ external_id: 'PERM-1-2', series: 'PERM-1', persons: 'P3-000103:present:E-1005' }),
      expect.objectContaining({ external_id: 'RDV-LATE', day: '2009-04-20', persons: null }),
      expect.objectContaining({ external_id: 'RDV-2', day: '2009-04-20', persons: 'ABC-77:present:E-1006' }),
      expect.objectContaining({ external_id: 'RDV-3', cancelled: true }),
    ])
    const leaders = await db.kysely
      .selectFrom('appointment_leader as al')
      .innerJoin('appointment as a', 'a.id', 'al.appointment_id')
      .innerJoin('app_user as u', 'u.id', 'al.user_id')
      .select(['a.external_id', 'u.email'])
      .execute()
    expect(leaders).toEqual([{ external_id: 'AT-1', email: 'paul.durand@ml-littoral.fr' }])
    const series = await db.kysely.selectFrom('agenda_series').selectAll().executeTakeFirstOrThrow()
    expect(series).toMatchObject({ start_time: '09:00:00', end_time: '12:00:00', first_day: '2009-03-03', capacity: 4 })
    const sms = await db.kysely
      .selectFrom('agenda_message')
      .select(['delivery_status', 'delivery_at', 'provider_ref', 'sent_by'])
      .where('external_id', '=', 'M-1')
      .executeTakeFirstOrThrow()
    expect(sms).toEqual({
      delivery_status: 'delivered',
      delivery_at: new Date('2009-02-11T09:00:41Z'),
      provider_ref: '1511882900176220',
      sent_by: null,
    })
    const template = await db.kysely.selectFrom('agenda_template').selectAll().executeTakeFirstOrThrow()
    expect(template).toMatchObject({ key: 'reminder_sms', subject: null, version: 1 })

    // the export writes the instants in UTC and the times as stored; imported again, nothing changes
    const out = await exportFrom(db)
    expect(out['appointments.csv']).toContain(
      'RDV-1,individual_interview,2009-02-12T08:30:00Z,2009-02-12T09:15:00Z,site,A-DK-CTR,,,claire.martin@ml-littoral.fr,,',
    )
    expect(out['agenda_series.csv']).toContain(',09:00:00,12:00:00,2009-03-03,2009-03-31,')
    const again = await importInto(db, out)
    for (const f of again.files) expect(f, f.file).toMatchObject({ inserted: 0, updated: 0 })
    // a session's co-leaders: the file's list replaces the stored one
    const none = await importInto(db, withCell(out, 'appointments.csv', 2, 'leader_emails', ''))
    expect(none.files.find((f) => f.file === 'appointments.csv')).toMatchObject({ inserted: 0, updated: 1 })
    expect(await db.kysely.selectFrom('appointment_leader').selectAll().execute()).toEqual([])
  })

  it('names the file, line and column of each error, and imports nothing', async () => {
    let bundle = withCell(example, 'appointments.csv', 1, 'ends_at', '2009-02-12T09:00:00+01:00')
    bundle = withCell(bundle, 'appointments.csv', 2, 'room_external_id', 'S-9')
    bundle = withCell(bundle, 'appointments.csv', 4, 'video_url', 'https://visio.example.org/x')
    bundle = withCell(bundle, 'agenda_series.csv', 1, 'end_time', '9h')
    bundle = withRow(bundle, 'appointments.csv', {
      external_id: 'AT-2',
      kind: 'info_session',
      starts_at: '2009-05-04T09:00:00+02:00',
      ends_at: '2009-05-04T10:00:00+02:00',
      site_code: 'A-GS',
      counsellor_email: 'paul.durand@ml-littoral.fr',
      leader_emails: 'claire.martin@ml-littoral.fr|paul.durand@ml-littoral.fr',
    })
    bundle = withCell(bundle, 'message_templates.csv', 1, 'body', 'Bonjour {prénom}')
    bundle = withCell(bundle, 'agenda_messages.csv', 1, 'delivery_status', 'lost')
    // the same person twice in one appointment
    bundle = withRow(bundle, 'appointment_persons.csv', {
      external_id: 'AP-8',
      appointment_external_id: 'RDV-3',
      person_external_id: 'P3-000102',
    })
    const before = await tableCounts(db)
    const error = await importInto(db, bundle).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ImportFailed)
    expect((error as ImportFailed).issues.map(formatIssue)).toEqual([
      'message_templates.csv, ligne 2, colonne body : champ inconnu {prénom} (voir la description du fichier)',
      'agenda_series.csv, ligne 2, colonne end_time : heure invalide « 9h » (attendu HH:MM)',
      'appointments.csv, ligne 2, colonne ends_at : fin avant le début',
      'appointments.csv, ligne 5, colonne video_url : un lien de visioconférence demande place = video',
      'appointments.csv, ligne 3, colonne room_external_id : salle introuvable « S-9 » (ni dans agenda_rooms.csv, ni dans la base)',
      'appointments.csv, ligne 7, colonne leader_emails : le conseiller du rendez-vous en est déjà l’animateur',
      'appointment_persons.csv, ligne 9, colonne person_external_id : la personne est déjà de ce rendez-vous (sur une autre ligne)',
      'agenda_messages.csv, ligne 2, colonne delivery_status : code inconnu « lost » (codes admis : sent, accepted, delivered, soft_bounce, hard_bounce, rejected, blacklisted, skipped)',
    ])
    expect(await tableCounts(db)).toEqual(before)
  })
})
