import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The SQL the PLIE's bundle files need beyond the exchange's generic upsert (plie.exchange.ts): tables whose rows are
// known by several columns (a committee's member by its position, an ESF+ answer by pathway, moment and question) or
// by another table's row (a pathway by its enrolment, a step by its situation), and the partner accounts of an
// organisation. Table and column names come from the declarations, values are bound parameters.

/**
 * Inserts the rows or updates the one with the same `conflict` columns, as the exchange's upsert does: a row whose
 * values are unchanged is not touched (no version bump), so the same bundle twice leaves the database as it was.
 * Returns how many were inserted and updated.
 */
export async function upsertBy(
  tx: Tx,
  table: string,
  conflict: readonly string[],
  rows: Record<string, unknown>[],
  versioned: boolean,
) {
  if (!rows.length) return { inserted: 0, updated: 0 }
  const t = sql.id(table)
  const cols = Object.keys(rows[0]!)
  const names = sql.join(cols.map((n) => sql.id(n)))
  const updatable = cols.filter((c) => c !== 'structure_id' && !conflict.includes(c))
  const sets = updatable.map((c) => sql`${sql.id(c)} = EXCLUDED.${sql.id(c)}`)
  if (versioned) sets.push(sql`version = ${t}.version + 1`)
  const current = sql.join(updatable.map((c) => sql`${t}.${sql.id(c)}`))
  const incoming = sql.join(updatable.map((c) => sql`EXCLUDED.${sql.id(c)}`))
  const action = updatable.length
    ? sql`DO UPDATE SET ${sql.join(sets)} WHERE (${current}) IS DISTINCT FROM (${incoming})`
    : sql`DO NOTHING`
  const { rows: out } = await sql<{ inserted: boolean }>`
    INSERT INTO ${t} (${names})
    SELECT ${names} FROM json_populate_recordset(NULL::${t}, CAST(${JSON.stringify(rows)} AS json))
    ON CONFLICT (${sql.join(conflict.map((c) => sql.id(c)))}) ${action}
    RETURNING (xmax = 0) AS inserted`.execute(tx)
  const inserted = out.filter((r) => r.inserted).length
  return { inserted, updated: out.length - inserted }
}

/** The person of each enrolment named, and whether it is in a PLIE programme. */
export async function enrolmentsOf(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { personId: string; plie: boolean }>()
  const rows = await tx
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .select(['e.id', 'e.person_id', 'p.type'])
    .where('e.structure_id', '=', structureId)
    .where('e.id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, { personId: r.person_id, plie: r.type === 'plie' }]))
}

/** The person of each situation named. */
export async function situationPersons(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await tx
    .selectFrom('situation')
    .select(['id', 'person_id'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.person_id]))
}

/** The person of each proposal named. */
export async function proposalPersons(tx: Tx, structureId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await tx
    .selectFrom('plie_proposal')
    .select(['id', 'person_id'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.person_id]))
}

/** The committee cases of these committees, by `committee id/position`. */
export async function casesOf(tx: Tx, structureId: string, committeeIds: string[]) {
  if (!committeeIds.length) return new Map<string, { id: string; personId: string }>()
  const rows = await tx
    .selectFrom('plie_committee_case')
    .select(['id', 'committee_id', 'position', 'person_id'])
    .where('structure_id', '=', structureId)
    .where('committee_id', 'in', [...new Set(committeeIds)])
    .execute()
  return new Map(rows.map((r) => [`${r.committee_id}/${r.position}`, { id: r.id, personId: r.person_id }]))
}

/**
 * Sets the partner accounts of the organisations of these external ids to the users given (the bundle's list
 * replaces the stored one); returns the external ids whose list changed.
 */
export async function replacePartnerAccounts(tx: Tx, structureId: string, wanted: Map<string, string[]>) {
  const changed = new Set<string>()
  const keys = [...wanted.keys()]
  if (!keys.length) return changed
  const organisations = await tx
    .selectFrom('plie_organisation')
    .select(['id', 'external_id'])
    .where('structure_id', '=', structureId)
    .where('external_id', 'in', keys)
    .execute()
  if (!organisations.length) return changed
  const current = await tx
    .selectFrom('plie_organisation_user')
    .select(['organisation_id', 'user_id'])
    .where('structure_id', '=', structureId)
    .where(
      'organisation_id',
      'in',
      organisations.map((o) => o.id),
    )
    .execute()
  for (const o of organisations) {
    const now = current
      .filter((c) => c.organisation_id === o.id)
      .map((c) => c.user_id)
      .sort()
    const next = [...new Set(wanted.get(o.external_id!) ?? [])].sort()
    if (now.join('|') === next.join('|')) continue
    await tx
      .deleteFrom('plie_organisation_user')
      .where('structure_id', '=', structureId)
      .where('organisation_id', '=', o.id)
      .execute()
    if (next.length)
      await tx
        .insertInto('plie_organisation_user')
        .values(next.map((user_id) => ({ structure_id: structureId, organisation_id: o.id, user_id })))
        .execute()
    changed.add(o.external_id!)
  }
  return changed
}
