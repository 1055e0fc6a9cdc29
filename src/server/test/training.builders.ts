import type { Db } from '../db/database.ts'
import type {
  PrescriptionStatus,
  ProfPlanStatus,
  TrainingFunder,
  TrainingSessionStatus,
} from '../modules/training/training.tables.ts'
import type { Fixture } from './builders.ts'

// Training test data written straight to the database (the API is what the tests exercise): a body (optionally with
// a partner account bound to it), an action, a session, a prescription in a given state, a professionalisation plan.
let seq = 0

export async function buildTrainingBody(db: Db, fx: Fixture, spec: { name?: string; partnerUserId?: string } = {}) {
  const n = ++seq
  const { id, version } = await db.kysely
    .insertInto('training_body')
    .values({
      structure_id: fx.structureId,
      name: spec.name ?? `Organisme ${n}`,
      siret: String(10_000_000_000_000 + n).padStart(14, '0'),
      address: null,
      commune_code: '59183',
      contact_name: 'Contact',
      contact_email: `of${n}@example.org`,
      contact_phone: null,
      lheo_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  if (spec.partnerUserId)
    await db.kysely
      .insertInto('training_body_user')
      .values({ structure_id: fx.structureId, body_id: id, user_id: spec.partnerUserId })
      .execute()
  return { id, version }
}

export interface ActionSpec {
  title?: string
  funder?: TrainingFunder
  nsfCode?: string | null
  places?: number | null
  active?: boolean
}

export async function buildTrainingAction(db: Db, fx: Fixture, bodyId: string, spec: ActionSpec = {}) {
  const n = ++seq
  return db.kysely
    .insertInto('training_action')
    .values({
      structure_id: fx.structureId,
      body_id: bodyId,
      code: `A${n}`,
      title: spec.title ?? `Action ${n}`,
      funder: spec.funder ?? 'regional_programme',
      nsf_code: spec.nsfCode === undefined ? '311' : spec.nsfCode,
      formacode: null,
      level_2019: 3,
      public: null,
      prerequisites: null,
      objective: null,
      duration_hours: 400,
      places: spec.places ?? 12,
      active: spec.active ?? true,
      lheo_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export interface SessionSpec {
  startsOn?: string
  endsOn?: string | null
  places?: number
  communeCode?: string | null
  infoSessionAt?: Date | null
  status?: TrainingSessionStatus
}

export async function buildTrainingSession(db: Db, fx: Fixture, actionId: string, spec: SessionSpec = {}) {
  return db.kysely
    .insertInto('training_session')
    .values({
      structure_id: fx.structureId,
      action_id: actionId,
      starts_on: spec.startsOn ?? '2026-09-01',
      ends_on: spec.endsOn === undefined ? '2027-01-31' : spec.endsOn,
      place: 'Centre de formation',
      commune_code: spec.communeCode === undefined ? '59183' : spec.communeCode,
      places: spec.places ?? 12,
      info_session_at: spec.infoSessionAt === undefined ? new Date('2026-08-20T07:00:00Z') : spec.infoSessionAt,
      info_session_place: 'Salle 1',
      applications_close_on: null,
      status: spec.status ?? 'open',
      lheo_id: null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

/** A body, an action and a session in one call (the common case). */
export async function buildTrainingOffer(
  db: Db,
  fx: Fixture,
  spec: { action?: ActionSpec; session?: SessionSpec; partnerUserId?: string } = {},
) {
  const body = await buildTrainingBody(db, fx, { partnerUserId: spec.partnerUserId })
  const action = await buildTrainingAction(db, fx, body.id, spec.action)
  const session = await buildTrainingSession(db, fx, action.id, spec.session)
  return { bodyId: body.id, actionId: action.id, sessionId: session.id }
}

export interface PrescriptionSpec {
  status?: PrescriptionStatus
  prescriberId?: string | null
  siteId?: string
  filedAt?: Date
  entryDate?: string | null
  exitDate?: string | null
  situationId?: string | null
}

export async function buildPrescription(
  db: Db,
  fx: Fixture,
  personId: string,
  sessionId: string,
  spec: PrescriptionSpec = {},
) {
  const status = spec.status ?? 'submitted'
  const entered = status === 'entered' || status === 'exited'
  return db.kysely
    .insertInto('training_prescription')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      session_id: sessionId,
      prescriber_id: spec.prescriberId ?? null,
      site_id: spec.siteId ?? fx.sites.a,
      argument: 'Projet validé en entretien, prérequis acquis.',
      status,
      filed_at: spec.filedAt ?? new Date('2026-06-01T08:00:00Z'),
      answer_due_on: null,
      entry_date: spec.entryDate ?? (entered ? '2026-09-01' : null),
      exit_date: spec.exitDate ?? (status === 'exited' ? '2027-01-31' : null),
      exit_kind: status === 'exited' ? 'completed' : null,
      situation_id: spec.situationId ?? null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
}

export interface PlanSpec {
  status?: ProfPlanStatus
  committeeDate?: string | null
  hours?: number
  totalCostCents?: number
  fundCents?: number
  employerName?: string
  cofunding?: { cofunder: string; kind: 'opco' | 'ccas' | 'afpa' | 'employer' | 'other'; amountCents: number }[]
}

export async function buildProfPlan(db: Db, fx: Fixture, personId: string, spec: PlanSpec = {}) {
  const status = spec.status ?? 'submitted'
  const plan = await db.kysely
    .insertInto('prof_plan')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      employer_name: spec.employerName ?? 'Atelier chantier d’insertion',
      employer_siret: null,
      contract_kind: 'cui_cae',
      contract_start: '2026-01-05',
      contract_end: '2026-12-31',
      training_title: 'CACES R489',
      body_id: null,
      body_name: 'Organisme extérieur',
      hours: spec.hours ?? 70,
      total_cost_cents: spec.totalCostCents ?? 1_200_00,
      fund_cents: spec.fundCents ?? 800_00,
      status,
      committee_date: spec.committeeDate ?? (status === 'submitted' ? null : '2026-03-10'),
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  if (spec.cofunding?.length)
    await db.kysely
      .insertInto('prof_plan_cofunding')
      .values(
        spec.cofunding.map((c, position) => ({
          structure_id: fx.structureId,
          plan_id: plan.id,
          position,
          cofunder: c.cofunder,
          kind: c.kind,
          amount_cents: c.amountCents,
        })),
      )
      .execute()
  return plan
}
