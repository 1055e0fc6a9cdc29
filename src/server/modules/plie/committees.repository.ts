import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The SQL of the PLIE committees (docs/plie.md, « Entry »): a site's committee, its members, its agenda of cases and
// their decisions (committee-cases.repository.ts).

export const LIST_LIMIT = 300

export async function insertCommittee(
  tx: Tx,
  v: { structureId: string; siteId: string; date: string; note: string | null; createdBy: string },
) {
  const { id } = await tx
    .insertInto('plie_committee')
    .values({
      structure_id: v.structureId,
      site_id: v.siteId,
      date: v.date,
      note: v.note,
      external_id: null,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

function summaryQuery(tx: Tx, structureId: string) {
  return tx
    .selectFrom('plie_committee as c')
    .innerJoin('site as s', 's.id', 'c.site_id')
    .select((eb) => [
      'c.id',
      'c.site_id',
      's.name as site_name',
      'c.date',
      'c.status',
      'c.note',
      'c.version',
      eb
        .selectFrom('plie_committee_case as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.structure_id', '=', 'c.structure_id')
        .whereRef('k.committee_id', '=', 'c.id')
        .as('cases'),
      eb
        .selectFrom('plie_committee_case as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.structure_id', '=', 'c.structure_id')
        .whereRef('k.committee_id', '=', 'c.id')
        .where('k.decision', 'is not', null)
        .as('decided'),
    ])
    .where('c.structure_id', '=', structureId)
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>
const presentSummary = (r: SummaryRow) => ({
  id: r.id,
  siteId: r.site_id,
  siteName: r.site_name,
  date: r.date,
  status: r.status,
  note: r.note,
  cases: Number(r.cases ?? 0),
  decided: Number(r.decided ?? 0),
  version: r.version,
})
export type CommitteeSummary = ReturnType<typeof presentSummary>

export async function getCommittee(tx: Tx, structureId: string, id: string) {
  const row = await summaryQuery(tx, structureId).where('c.id', '=', id).executeTakeFirst()
  return row && presentSummary(row)
}

export async function listCommittees(
  tx: Tx,
  structureId: string,
  f: { from?: string; to?: string; siteId?: string; siteIds: string[] | null },
) {
  let q = summaryQuery(tx, structureId)
  if (f.from) q = q.where('c.date', '>=', f.from)
  if (f.to) q = q.where('c.date', '<=', f.to)
  if (f.siteId) q = q.where('c.site_id', '=', f.siteId)
  if (f.siteIds) q = f.siteIds.length ? q.where('c.site_id', 'in', f.siteIds) : q.where(sql<boolean>`false`)
  const rows = await q
    .orderBy('c.date', 'desc')
    .orderBy('s.name')
    .orderBy('c.id')
    .limit(LIST_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, LIST_LIMIT).map(presentSummary), truncated: rows.length > LIST_LIMIT }
}

/** Bumps the committee's version if it is still the one read; `status` closes it. */
export function bumpCommittee(tx: Tx, structureId: string, id: string, version: number, status?: 'held') {
  return tx
    .updateTable('plie_committee')
    .set((eb) => ({ version: eb('version', '+', 1), ...(status ? { status } : {}) }))
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst()
}

export async function committeeExists(tx: Tx, structureId: string, id: string) {
  return !!(await tx
    .selectFrom('plie_committee')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())
}

// Members ---------------------------------------------------------------------------------------------------------

export function usersOfStructure(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([])
  return tx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', ids)
    .execute()
}

export async function replaceMembers(
  tx: Tx,
  structureId: string,
  committeeId: string,
  members: { userId: string | null; name: string; organisation: string | null; present: boolean }[],
) {
  await tx
    .deleteFrom('plie_committee_member')
    .where('structure_id', '=', structureId)
    .where('committee_id', '=', committeeId)
    .execute()
  if (members.length)
    await tx
      .insertInto('plie_committee_member')
      .values(
        members.map((m, position) => ({
          structure_id: structureId,
          committee_id: committeeId,
          position,
          user_id: m.userId,
          name: m.name,
          organisation: m.organisation,
          present: m.present,
        })),
      )
      .execute()
}

export async function listMembers(tx: Tx, structureId: string, committeeId: string) {
  const rows = await tx
    .selectFrom('plie_committee_member')
    .select(['user_id', 'name', 'organisation', 'present'])
    .where('structure_id', '=', structureId)
    .where('committee_id', '=', committeeId)
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ userId: r.user_id, name: r.name, organisation: r.organisation, present: r.present }))
}

export async function structureName(tx: Tx, structureId: string) {
  const row = await tx.selectFrom('structure').select('name').where('id', '=', structureId).executeTakeFirstOrThrow()
  return row.name
}
