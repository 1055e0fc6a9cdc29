import type { Db } from '../db/database.ts'
import type { EventTable } from '../modules/accompaniment/accompaniment.tables.ts'
import type { PersonTable } from '../modules/persons/persons.tables.ts'
import type { Fixture } from './builders.ts'
import { buildPerson } from './person.builders.ts'

// Builders of the accompaniment tests: a person (through the person module's builder) and their history written
// directly, to set up the caseload.

/** A person row; `first_reception_date` null unless given (the caseload counts from it when nobody met the person). */
export async function buildPersonRow(
  db: Db,
  fx: Fixture,
  opts: Partial<
    Pick<PersonTable, 'last_name' | 'first_name' | 'birth_date' | 'site_id' | 'referent_id' | 'first_reception_date'>
  > = {},
) {
  const person = await buildPerson(db, fx, {
    lastName: opts.last_name,
    firstName: opts.first_name,
    birthDate: opts.birth_date,
    siteId: opts.site_id,
    referentId: opts.referent_id ?? null,
    firstReceptionDate: opts.first_reception_date ?? null,
  })
  return { id: person.id, site_id: opts.site_id ?? fx.sites.a, referent_id: opts.referent_id ?? null }
}

export async function buildEventRow(
  db: Db,
  fx: Fixture,
  personId: string,
  opts: { date: string; kind?: string; attendance?: EventTable['attendance'] },
) {
  return db.kysely
    .insertInto('event')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      external_id: null,
      kind: opts.kind ?? 'individual_interview',
      date: opts.date,
      site_id: null,
      counsellor_id: null,
      duration_minutes: null,
      attendance: opts.attendance === undefined ? 'present' : opts.attendance,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function buildSituationRow(
  db: Db,
  fx: Fixture,
  personId: string,
  opts: { kind?: string; start_date: string; end_date?: string | null },
) {
  return db.kysely
    .insertInto('situation')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      external_id: null,
      kind: opts.kind ?? 'cdd',
      start_date: opts.start_date,
      planned_end_date: null,
      end_date: opts.end_date ?? null,
      organisation_name: null,
      hours_per_week: null,
      counsellor_id: null,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function buildEnrolmentRow(
  db: Db,
  fx: Fixture,
  personId: string,
  opts: { programme_id: string; entry_date: string; exit_date?: string | null; referent_id?: string | null },
) {
  return db.kysely
    .insertInto('enrolment')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      programme_id: opts.programme_id,
      external_id: null,
      entry_date: opts.entry_date,
      exit_date: opts.exit_date ?? null,
      exit_reason: null,
      referent_id: opts.referent_id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Sets a programme's contact rule (days without contact; during a step). */
export async function setContactRule(db: Db, programmeId: string, days: number | null, duringStep: number | null) {
  await db.kysely
    .updateTable('programme')
    .set({ contact_days: days, contact_days_during_step: duringStep })
    .where('id', '=', programmeId)
    .execute()
}

/** A programme of kind 'scheme' (CIVIS, CEJ…). */
export async function buildSchemeProgramme(db: Db, fx: Fixture, code: string) {
  const { id } = await db.kysely
    .insertInto('programme')
    .values({ structure_id: fx.structureId, code, name: code, kind: 'scheme' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
