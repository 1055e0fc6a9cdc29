import { sql } from 'kysely'
import type { Eligibility } from '../../../shared/plie/eligibility.ts'
import type { ProposalStatus } from '../../../shared/plie/plie.nomenclature.ts'
import type { Proposal } from '../../../shared/plie/proposals.schema.ts'
import type { Tx } from '../../deps.ts'

// The SQL of the PLIE proposals (docs/plie.md, « Entry »).

export const LIST_LIMIT = 500

export function findSite(tx: Tx, structureId: string, siteId: string) {
  return tx
    .selectFrom('site')
    .select(['id', 'name'])
    .where('id', '=', siteId)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()
}

/** One proposal at a time per person, from the checks to the commit: two desks cannot both propose the same person. */
export async function lockPerson(tx: Tx, structureId: string, personId: string) {
  await tx
    .selectFrom('person')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', personId)
    .forUpdate()
    .execute()
}

/** The person's PLIE pathway open on `day` or later (an enrolment in a programme of type 'plie' not exited by then). */
export function openPathway(tx: Tx, structureId: string, personId: string, day: string) {
  return tx
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .select(['e.id', 'e.entry_date'])
    .where('e.structure_id', '=', structureId)
    .where('e.person_id', '=', personId)
    .where('p.type', '=', 'plie')
    .where((eb) => eb.or([eb('e.exit_date', 'is', null), eb('e.exit_date', '>=', day)]))
    .executeTakeFirst()
}

/** The person's proposal awaiting a committee (pending or deferred). */
export function waitingProposal(tx: Tx, structureId: string, personId: string) {
  return tx
    .selectFrom('plie_proposal')
    .select(['id', 'proposed_on', 'status'])
    .where('structure_id', '=', structureId)
    .where('person_id', '=', personId)
    .where('status', 'in', ['pending', 'deferred'])
    .executeTakeFirst()
}

export async function insertProposal(
  tx: Tx,
  v: {
    structureId: string
    personId: string
    proposedOn: string
    proposedBy: string
    siteId: string
    motivation: string | null
    eligibility: Eligibility & { overridden: boolean }
  },
) {
  const { id } = await tx
    .insertInto('plie_proposal')
    .values({
      structure_id: v.structureId,
      person_id: v.personId,
      proposed_on: v.proposedOn,
      proposed_by: v.proposedBy,
      site_id: v.siteId,
      motivation: v.motivation,
      // a JSON text cast in SQL: both drivers (pg, PGlite) then store the same object
      eligibility: sql<Record<string, unknown>>`${JSON.stringify(v.eligibility)}::jsonb`,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

function baseQuery(tx: Tx, structureId: string) {
  return tx
    .selectFrom('plie_proposal as pr')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.structure_id', '=', 'pr.structure_id').onRef('pe.id', '=', 'pr.person_id'),
    )
    .innerJoin('site as s', 's.id', 'pr.site_id')
    .leftJoin('app_user as u', 'u.id', 'pr.proposed_by')
    .select((eb) => [
      'pr.id',
      'pr.person_id',
      'pe.last_name',
      'pe.first_name',
      'pe.site_id as person_site_id',
      'pe.referent_id as person_referent_id',
      'pr.site_id',
      's.name as site_name',
      'pr.proposed_on',
      'pr.proposed_by',
      'u.display_name as proposed_by_name',
      'pr.motivation',
      'pr.status',
      'pr.eligibility',
      'pr.version',
      eb
        .selectFrom('plie_committee_case as c')
        .select('c.committee_id')
        .whereRef('c.structure_id', '=', 'pr.structure_id')
        .whereRef('c.proposal_id', '=', 'pr.id')
        .where('c.decision', 'is', null)
        .limit(1)
        .as('committee_id'),
    ])
    .where('pr.structure_id', '=', structureId)
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Eligibility & { overridden?: boolean }

/** A proposal, and where its person is followed (who may see their RSA and RQTH: person.policy.ts canSeeSensitive). */
export type ProposalRead = Proposal & { person: { site_id: string; referent_id: string | null } }

export function presentProposal(r: Row): ProposalRead {
  const { overridden, ...eligibility } = parse(r.eligibility)
  return {
    person: { site_id: r.person_site_id, referent_id: r.person_referent_id },
    id: r.id,
    personId: r.person_id,
    personName: `${r.last_name.toLocaleUpperCase('fr-FR')} ${r.first_name}`,
    siteId: r.site_id,
    siteName: r.site_name,
    proposedOn: r.proposed_on,
    proposedById: r.proposed_by,
    proposedByName: r.proposed_by_name,
    motivation: r.motivation,
    status: r.status,
    eligibility,
    overridden: !!overridden,
    committeeId: r.committee_id ?? null,
    version: r.version,
  }
}

export async function getProposal(tx: Tx, structureId: string, id: string) {
  const row = await baseQuery(tx, structureId).where('pr.id', '=', id).executeTakeFirst()
  return row && presentProposal(row)
}

/** Proposals of the given sites (null: every site), latest first. */
export async function listProposals(
  tx: Tx,
  structureId: string,
  f: { status?: ProposalStatus; siteId?: string; siteIds: string[] | null; personId?: string },
) {
  let q = baseQuery(tx, structureId)
  if (f.status) q = q.where('pr.status', '=', f.status)
  if (f.siteId) q = q.where('pr.site_id', '=', f.siteId)
  if (f.siteIds) q = f.siteIds.length ? q.where('pr.site_id', 'in', f.siteIds) : q.where(sql<boolean>`false`)
  if (f.personId) q = q.where('pr.person_id', '=', f.personId)
  const rows = await q
    .orderBy('pr.proposed_on', 'desc')
    .orderBy('pr.created_at', 'desc')
    .orderBy('pr.id')
    .limit(LIST_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, LIST_LIMIT).map(presentProposal), truncated: rows.length > LIST_LIMIT }
}

/** Sets the status; with `version`, only if it is still the one read (optimistic locking). */
export function setProposalStatus(tx: Tx, structureId: string, id: string, status: ProposalStatus, version?: number) {
  let q = tx
    .updateTable('plie_proposal')
    .set((eb) => ({ status, version: eb('version', '+', 1) }))
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
  if (version !== undefined) q = q.where('version', '=', version)
  return q.returning(['id', 'version']).executeTakeFirst()
}

export async function proposalExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('plie_proposal')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}
