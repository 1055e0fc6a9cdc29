import { sql } from 'kysely'
import type { CommitteeCase } from '../../../shared/plie/committees.schema.ts'
import type { CommitteeDecision } from '../../../shared/plie/plie.nomenclature.ts'
import type { Tx } from '../../deps.ts'
import { declareConstraintConflict } from '../../errors.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'

// The SQL of a PLIE committee's agenda (docs/plie.md, « Entry »): its cases and their decisions, and the pathway rows
// an accepted entry opens beside the enrolment.

// two officers adding a case at once take the same next position: the second is told to retry
declareConstraintConflict(
  'plie_committee_case_position_key',
  'L’ordre du jour vient d’être modifié par quelqu’un d’autre : rechargez-le et ajoutez le dossier à nouveau.',
)

// Cases -----------------------------------------------------------------------------------------------------------

function caseQuery(tx: Tx, structureId: string) {
  return tx
    .selectFrom('plie_committee_case as k')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.structure_id', '=', 'k.structure_id').onRef('pe.id', '=', 'k.person_id'),
    )
    .leftJoin('plie_proposal as pr', (j) =>
      j.onRef('pr.structure_id', '=', 'k.structure_id').onRef('pr.id', '=', 'k.proposal_id'),
    )
    .leftJoin('enrolment as e', (j) =>
      j.onRef('e.structure_id', '=', 'k.structure_id').onRef('e.id', '=', 'k.enrolment_id'),
    )
    .leftJoin('app_user as r', 'r.id', 'k.referent_id')
    .select([
      'k.id',
      'k.committee_id',
      'k.position',
      'k.person_id',
      'pe.last_name',
      'pe.first_name',
      'k.kind',
      'k.proposal_id',
      'k.enrolment_id',
      'pr.motivation',
      'pr.status as proposal_status',
      'e.entry_date',
      'k.decision',
      'k.refusal_reason',
      'k.minute',
      'k.referent_id',
      'r.display_name as referent_name',
      'k.version',
    ])
    .where('k.structure_id', '=', structureId)
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>
const presentCase = (r: CaseRow): CommitteeCase & { proposalStatus: string | null } => ({
  id: r.id,
  position: r.position,
  personId: r.person_id,
  personName: `${r.last_name.toLocaleUpperCase('fr-FR')} ${r.first_name}`,
  kind: r.kind,
  proposalId: r.proposal_id,
  enrolmentId: r.enrolment_id,
  motivation: r.motivation,
  pathwayEntryDate: r.kind === 'review' ? r.entry_date : null,
  decision: r.decision,
  refusalReason: r.refusal_reason,
  minute: r.minute,
  referentId: r.referent_id,
  referentName: r.referent_name,
  version: r.version,
  proposalStatus: r.proposal_status,
})

export async function listCases(tx: Tx, structureId: string, committeeId: string) {
  const rows = await caseQuery(tx, structureId)
    .where('k.committee_id', '=', committeeId)
    .orderBy('k.position')
    .execute()
  return rows.map(presentCase)
}

export async function getCase(tx: Tx, structureId: string, committeeId: string, id: string) {
  const row = await caseQuery(tx, structureId)
    .where('k.committee_id', '=', committeeId)
    .where('k.id', '=', id)
    .executeTakeFirst()
  return row && presentCase(row)
}

/** An undecided case of this proposal on any agenda, or of this pathway on this committee's. */
export function undecidedCase(
  tx: Tx,
  structureId: string,
  target: { proposalId: string } | { enrolmentId: string; committeeId: string },
) {
  let q = tx
    .selectFrom('plie_committee_case')
    .select(['id', 'committee_id'])
    .where('structure_id', '=', structureId)
    .where('decision', 'is', null)
  q =
    'proposalId' in target
      ? q.where('proposal_id', '=', target.proposalId)
      : q.where('enrolment_id', '=', target.enrolmentId).where('committee_id', '=', target.committeeId)
  return q.executeTakeFirst()
}

export async function insertCase(
  tx: Tx,
  v: {
    structureId: string
    committeeId: string
    personId: string
    kind: 'entry' | 'review'
    proposalId: string | null
    enrolmentId: string | null
  },
) {
  const { id } = await tx
    .insertInto('plie_committee_case')
    .values((eb) => ({
      structure_id: v.structureId,
      committee_id: v.committeeId,
      position: eb
        .selectFrom('plie_committee_case')
        .select(sql<number>`coalesce(max(position) + 1, 0)`.as('p'))
        .where('structure_id', '=', v.structureId)
        .where('committee_id', '=', v.committeeId),
      person_id: v.personId,
      kind: v.kind,
      proposal_id: v.proposalId,
      enrolment_id: v.enrolmentId,
    }))
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function deleteCase(tx: Tx, structureId: string, id: string) {
  return tx
    .deleteFrom('plie_committee_case')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('decision', 'is', null)
    .returning('id')
    .executeTakeFirst()
}

export function updateCaseDecision(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: {
    decision: CommitteeDecision
    refusalReason: string | null
    minute: string
    referentId: string | null
    decidedBy: string
  },
) {
  return tx
    .updateTable('plie_committee_case')
    .set((eb) => ({
      decision: v.decision,
      refusal_reason: v.refusalReason,
      minute: v.minute,
      referent_id: v.referentId,
      decided_by: v.decidedBy,
      version: eb('version', '+', 1),
    }))
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

export async function caseExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('plie_committee_case')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}

// The pathway an accepted entry opens -------------------------------------------------------------------------------

/** The structure's PLIE programme (type 'plie', active). */
export function plieProgramme(tx: Tx, structureId: string) {
  return tx
    .selectFrom('programme')
    .select(['id', 'name'])
    .where('structure_id', '=', structureId)
    .where('type', '=', 'plie')
    .where('active', '=', true)
    .orderBy('code')
    .executeTakeFirst()
}

/** A user who may be a PLIE referent: an active counsellor of the structure whose programmes include the PLIE. */
export async function isPlieReferent(tx: Tx, structureId: string, userId: string, programmeId: string) {
  return !!(await tx
    .selectFrom('app_user as u')
    .innerJoin('user_programme as up', 'up.user_id', 'u.id')
    .select('u.id')
    .where('u.structure_id', '=', structureId)
    .where('u.id', '=', userId)
    .where('u.active', '=', true)
    .where('u.role', '=', 'counsellor')
    .where('up.programme_id', '=', programmeId)
    .executeTakeFirst())
}

/** A PLIE enrolment of the structure open on `day` (a pathway a committee may review). */
export function openPlieEnrolment(tx: Tx, structureId: string, enrolmentId: string, day: string) {
  return tx
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .select(['e.id', 'e.person_id', 'e.entry_date'])
    .where('e.structure_id', '=', structureId)
    .where('e.id', '=', enrolmentId)
    .where('p.type', '=', 'plie')
    .where(enrolmentOpenOn('e', day))
    .executeTakeFirst()
}

export async function insertPathway(
  tx: Tx,
  v: { structureId: string; enrolmentId: string; personId: string; caseId: string },
) {
  await tx
    .insertInto('plie_pathway')
    .values({
      structure_id: v.structureId,
      enrolment_id: v.enrolmentId,
      person_id: v.personId,
      committee_case_id: v.caseId,
      exit_situation_id: null,
      partner_id: null,
    })
    .execute()
}

export async function insertReferent(
  tx: Tx,
  v: { structureId: string; enrolmentId: string; fromDate: string; referentId: string; recordedBy: string },
) {
  await tx
    .insertInto('plie_referent')
    .values({
      structure_id: v.structureId,
      enrolment_id: v.enrolmentId,
      from_date: v.fromDate,
      referent_id: v.referentId,
      recorded_by: v.recordedBy,
    })
    .execute()
}
