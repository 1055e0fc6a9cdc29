import type { Db } from '../db/database.ts'
import type { PlieFunder, PlieOrganisationKind } from '../modules/plie/plie.tables.ts'
import type { Fixture } from './builders.ts'
import { insertPersonRow } from './reporting.builders.ts'

// Builders of the PLIE report's tests: a participant with their pathways (entry, exit and its reason, the partner
// credited, the steps as situations), their statuses and CIVIS enrolment in one call, so that each test reads as the
// situation it checks ("an entry on 31/12", "a CDD of exactly one month").

let seq = 0

export interface StepSpec {
  kind: string
  start: string
  end?: string | null
  plannedEnd?: string | null
}

export interface PathwaySpec {
  entry: string
  exit?: string | null
  reason?: string | null
  partnerId?: string | null
  steps?: StepSpec[]
}

export interface ParticipantSpec {
  sex?: 'F' | 'M'
  birth?: string
  siteId?: string
  priorityArea?: 'qpv' | 'zus' | null
  statuses?: { status: 'rsa' | 'rqth' | 'long_term_unemployed'; start: string; end?: string | null }[]
  /** other enrolments (a CIVIS programme: buildScheme of reporting.builders.ts) */
  enrolments?: { programmeId: string; entry: string; exit?: string | null }[]
  pathways?: PathwaySpec[]
  /** situations outside any pathway */
  situations?: StepSpec[]
}

async function insertSituation(db: Db, fx: Fixture, personId: string, s: StepSpec) {
  const { id } = await db.kysely
    .insertInto('situation')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      external_id: null,
      kind: s.kind,
      start_date: s.start,
      planned_end_date: s.plannedEnd ?? null,
      end_date: s.end ?? null,
      organisation_name: null,
      hours_per_week: null,
      counsellor_id: null,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A person with their PLIE pathways; returns the person's id and the pathways' enrolment ids. */
export async function buildParticipant(db: Db, fx: Fixture, spec: ParticipantSpec = {}) {
  const k = db.kysely
  const n = ++seq
  const base = { structure_id: fx.structureId }
  const id = await insertPersonRow(db, fx, {
    lastName: `Participant${n}`,
    firstName: 'Dominique',
    sex: spec.sex ?? 'F',
    birth: spec.birth ?? '1970-06-15',
    priorityArea: spec.priorityArea,
    siteId: spec.siteId,
  })
  for (const s of spec.statuses ?? [])
    await k
      .insertInto('status_period')
      .values({
        ...base,
        person_id: id,
        status: s.status,
        detail: null,
        start_date: s.start,
        end_date: s.end ?? null,
        recorded_by: null,
      })
      .execute()
  const enrol = async (programmeId: string, e: { entry: string; exit?: string | null; reason?: string | null }) =>
    (
      await k
        .insertInto('enrolment')
        .values({
          ...base,
          person_id: id,
          programme_id: programmeId,
          external_id: null,
          entry_date: e.entry,
          exit_date: e.exit ?? null,
          exit_reason: e.reason ?? null,
          referent_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  for (const e of spec.enrolments ?? []) await enrol(e.programmeId, e)
  const pathways: string[] = []
  for (const p of spec.pathways ?? []) {
    const enrolmentId = await enrol(fx.programmes.plie, p)
    pathways.push(enrolmentId)
    await k
      .insertInto('plie_pathway')
      .values({
        ...base,
        enrolment_id: enrolmentId,
        person_id: id,
        committee_case_id: null,
        exit_situation_id: null,
        partner_id: p.partnerId ?? null,
      })
      .execute()
    for (const s of p.steps ?? []) {
      const situationId = await insertSituation(db, fx, id, s)
      await k
        .insertInto('plie_step')
        .values({
          ...base,
          situation_id: situationId,
          enrolment_id: enrolmentId,
          person_id: id,
          organisation_id: null,
          step_referent: null,
        })
        .execute()
    }
  }
  for (const s of spec.situations ?? []) await insertSituation(db, fx, id, s)
  return { personId: id, pathways }
}

export async function buildPlieOrganisation(
  db: Db,
  fx: Fixture,
  o: { name: string; kind?: PlieOrganisationKind; active?: boolean },
): Promise<string> {
  const { id } = await db.kysely
    .insertInto('plie_organisation')
    .values({
      structure_id: fx.structureId,
      kind: o.kind ?? 'employer_relations',
      name: o.name,
      agreement: null,
      places: null,
      active: o.active ?? true,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A funded operation; amounts in cents. */
export async function buildFunding(
  db: Db,
  fx: Fixture,
  f: { year: number; funder: PlieFunder; operation: string; programmed: number; realised?: number | null },
) {
  await db.kysely
    .insertInto('plie_funding')
    .values({
      structure_id: fx.structureId,
      year: f.year,
      funder: f.funder,
      operation: f.operation,
      programmed_cents: f.programmed,
      realised_cents: f.realised ?? null,
    })
    .execute()
}
