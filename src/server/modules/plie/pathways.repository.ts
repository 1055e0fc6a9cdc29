import { sql } from 'kysely'
import { enrolmentExitReasons } from '../../../shared/accompaniment/situations.schema.ts'
import { type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import type { Pathway, PathwayStep } from '../../../shared/plie/pathways.schema.ts'
import { stepKindOf } from '../../../shared/plie/pathways.schema.ts'
import type { ExitSituation } from '../../../shared/plie/positive-exit.ts'
import { isPositiveReason } from '../../../shared/plie/positive-exit.ts'
import type { Tx } from '../../deps.ts'

type ExitReason = keyof typeof enrolmentExitReasons.labels

// The PLIE pathway's SQL (docs/plie.md « The pathway »): the enrolment in the PLIE programme is read here, written
// only through the accompaniment's index.ts; plie_pathway, plie_referent and plie_step are the PLIE's own.

/** A PLIE pathway of the structure by its enrolment id, with what its writes need; undefined when there is none. */
export function findPathway(tx: Tx, structureId: string, enrolmentId: string) {
  return tx
    .selectFrom('plie_pathway as pp')
    .innerJoin('enrolment as e', (j) =>
      j.onRef('e.id', '=', 'pp.enrolment_id').onRef('e.structure_id', '=', 'pp.structure_id'),
    )
    .where('pp.structure_id', '=', structureId)
    .where('pp.enrolment_id', '=', enrolmentId)
    .select([
      'pp.enrolment_id',
      'pp.person_id',
      'e.programme_id',
      'e.entry_date',
      'e.exit_date',
      'e.exit_reason',
      'e.referent_id',
      'e.version',
    ])
    .executeTakeFirst()
}
export type PathwayRow = NonNullable<Awaited<ReturnType<typeof findPathway>>>

export async function recordExitProof(
  tx: Tx,
  structureId: string,
  enrolmentId: string,
  v: { exit_situation_id: string | null; partner_id: string | null },
) {
  await tx
    .updateTable('plie_pathway')
    .set({ ...v, version: sql`version + 1` })
    .where('structure_id', '=', structureId)
    .where('enrolment_id', '=', enrolmentId)
    .execute()
}

/** A dated referent change; a second change the same day replaces the first. */
export async function recordReferent(
  tx: Tx,
  v: { structure_id: string; enrolment_id: string; from_date: string; referent_id: string; recorded_by: string },
) {
  await tx
    .insertInto('plie_referent')
    .values(v)
    .onConflict((oc) =>
      oc
        .columns(['enrolment_id', 'structure_id', 'from_date'])
        .doUpdateSet({ referent_id: v.referent_id, recorded_by: v.recorded_by }),
    )
    .execute()
}

export async function lastReferentDate(tx: Tx, structureId: string, enrolmentId: string) {
  const row = await tx
    .selectFrom('plie_referent')
    .where('structure_id', '=', structureId)
    .where('enrolment_id', '=', enrolmentId)
    .select((eb) => eb.fn.max('from_date').as('last'))
    .executeTakeFirst()
  return (row?.last as string | null | undefined) ?? null
}

/** An active user of the structure (a referent). */
export async function staffExists(tx: Tx, structureId: string, userId: string) {
  return !!(await tx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('structure_id', '=', structureId)
    .where('active', '=', true)
    .executeTakeFirst())
}

/** What the positive-exit check reads of the person's situations. */
export async function exitSituations(tx: Tx, personId: string): Promise<ExitSituation[]> {
  const rows = await tx
    .selectFrom('situation')
    .where('person_id', '=', personId)
    .select(['id', 'kind', 'start_date', 'planned_end_date', 'end_date', 'hours_per_week'])
    .orderBy('start_date', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    startDate: r.start_date,
    plannedEndDate: r.planned_end_date,
    endDate: r.end_date,
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
  }))
}

const stepQuery = (tx: Tx, structureId: string) =>
  tx
    .selectFrom('plie_step as ps')
    .innerJoin('situation as s', (j) =>
      j.onRef('s.id', '=', 'ps.situation_id').onRef('s.structure_id', '=', 'ps.structure_id'),
    )
    .leftJoin('plie_organisation as o', (j) =>
      j.onRef('o.id', '=', 'ps.organisation_id').onRef('o.structure_id', '=', 'ps.structure_id'),
    )
    .where('ps.structure_id', '=', structureId)
    .select([
      'ps.enrolment_id',
      'ps.situation_id',
      's.kind',
      's.start_date',
      's.planned_end_date',
      's.end_date',
      's.hours_per_week',
      's.note',
      's.version',
      'ps.organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'ps.step_referent',
    ])

type StepRow = Awaited<ReturnType<ReturnType<typeof stepQuery>['execute']>>[number]
const presentStep =
  (today: string) =>
  (r: StepRow): PathwayStep => {
    const kind = r.kind as SituationKind
    return {
      situationId: r.situation_id,
      kind,
      kindLabel: situationKinds[kind]?.label ?? r.kind,
      group: situationKinds[kind]?.group ?? 'other',
      stepKind: situationKinds[kind] ? stepKindOf(kind) : 'other',
      startDate: r.start_date,
      plannedEndDate: r.planned_end_date,
      endDate: r.end_date,
      hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      organisationKind: r.organisation_kind,
      stepReferent: r.step_referent,
      note: r.note,
      open: r.end_date === null || r.end_date >= today,
      version: r.version,
    }
  }

export async function findStep(tx: Tx, structureId: string, enrolmentId: string, situationId: string, today: string) {
  const row = await stepQuery(tx, structureId)
    .where('ps.enrolment_id', '=', enrolmentId)
    .where('ps.situation_id', '=', situationId)
    .executeTakeFirst()
  return row && presentStep(today)(row)
}

export async function insertStep(
  tx: Tx,
  v: {
    structure_id: string
    situation_id: string
    enrolment_id: string
    person_id: string
    organisation_id: string | null
    step_referent: string | null
  },
) {
  await tx.insertInto('plie_step').values(v).execute()
}

export async function updateStep(
  tx: Tx,
  structureId: string,
  situationId: string,
  v: { organisation_id: string | null; step_referent: string | null },
) {
  await tx
    .updateTable('plie_step')
    .set({ ...v, version: sql`version + 1` })
    .where('structure_id', '=', structureId)
    .where('situation_id', '=', situationId)
    .execute()
}

/** The person's PLIE pathways, latest entry first, with referents over time, steps and exit. */
export async function listPathways(tx: Tx, structureId: string, personId: string, today: string): Promise<Pathway[]> {
  const rows = await tx
    .selectFrom('plie_pathway as pp')
    .innerJoin('enrolment as e', (j) =>
      j.onRef('e.id', '=', 'pp.enrolment_id').onRef('e.structure_id', '=', 'pp.structure_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'e.referent_id')
    .leftJoin('plie_organisation as o', (j) =>
      j.onRef('o.id', '=', 'pp.partner_id').onRef('o.structure_id', '=', 'pp.structure_id'),
    )
    .where('pp.structure_id', '=', structureId)
    .where('pp.person_id', '=', personId)
    .select([
      'pp.enrolment_id',
      'pp.committee_case_id',
      'pp.exit_situation_id',
      'pp.partner_id',
      'o.name as partner_name',
      'e.entry_date',
      'e.exit_date',
      'e.exit_reason',
      'e.referent_id',
      'u.display_name as referent_name',
      'e.version',
    ])
    .orderBy('e.entry_date', 'desc')
    .orderBy('pp.enrolment_id')
    .execute()
  if (!rows.length) return []
  const ids = rows.map((r) => r.enrolment_id)
  const referents = await tx
    .selectFrom('plie_referent as r')
    .leftJoin('app_user as u', 'u.id', 'r.referent_id')
    .where('r.structure_id', '=', structureId)
    .where('r.enrolment_id', 'in', ids)
    .select(['r.enrolment_id', 'r.from_date', 'r.referent_id', 'u.display_name'])
    .orderBy('r.from_date')
    .execute()
  const steps = await stepQuery(tx, structureId)
    .where('ps.enrolment_id', 'in', ids)
    .orderBy('s.start_date')
    .orderBy('ps.situation_id')
    .execute()
  return rows.map((r) => ({
    enrolmentId: r.enrolment_id,
    personId,
    entryDate: r.entry_date,
    open: r.exit_date === null || r.exit_date >= today,
    committeeCaseId: r.committee_case_id,
    referentId: r.referent_id,
    referentName: r.referent_name,
    referents: referents
      .filter((x) => x.enrolment_id === r.enrolment_id)
      .map((x) => ({ fromDate: x.from_date, referentId: x.referent_id, referentName: x.display_name })),
    steps: steps.filter((s) => s.enrolment_id === r.enrolment_id).map(presentStep(today)),
    exit:
      r.exit_date && r.exit_reason
        ? {
            date: r.exit_date,
            reason: r.exit_reason as ExitReason,
            reasonLabel: enrolmentExitReasons.labels[r.exit_reason as ExitReason] ?? r.exit_reason,
            positive: isPositiveReason(r.exit_reason),
            situationId: r.exit_situation_id,
            partnerId: r.partner_id,
            partnerName: r.partner_name,
          }
        : null,
    version: r.version,
  }))
}
