import { capabilities } from '../../../shared/auth/roles.ts'
import type { Actor, Tx } from '../../deps.ts'
import { notFound } from '../../errors.ts'
import { visiblePersons } from './person.policy.ts'

/**
 * The person with the names of its site and referent, if the actor may see it (else 404). `inStructure` skips the
 * scope, for the answer to a change the actor was allowed to make (a transfer to another site).
 */
export async function loadPersonView(
  tx: Tx,
  actor: Actor,
  id: string,
  today: string,
  opts: { inStructure?: boolean } = {},
) {
  const row = await tx
    .selectFrom('person')
    .where('person.id', '=', id)
    .where(opts.inStructure ? (eb) => eb('person.structure_id', '=', actor.structureId) : visiblePersons(actor, today))
    .innerJoin('site', 'site.id', 'person.site_id')
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .selectAll('person')
    .select(['site.name as site_name', 'r.display_name as referent_name'])
    .executeTakeFirst()
  if (!row) throw notFound('Cette personne')
  return row
}
export type PersonViewRow = Awaited<ReturnType<typeof loadPersonView>>

/**
 * Holds the person's row until the transaction ends, so that checks across its rows (an overlapping status period)
 * and the write that follows run for one request at a time. NO KEY UPDATE: inserts that only reference the person
 * (events, attributes) are not held up.
 */
export async function lockPerson(tx: Tx, structureId: string, id: string) {
  // the structure too: on Citus a row lock must name the shard (docs/operations.md)
  await tx
    .selectFrom('person')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .forNoKeyUpdate()
    .execute()
}

/** A site of the actor's structure, if there is one with that id. */
export async function findSite(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('site')
    .select(['id', 'name', 'active'])
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()
}

/** An active counsellor of the structure, who can be a person's referent. */
export async function findActiveCounsellor(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .where('role', 'in', capabilities.referent)
    .where('active', '=', true)
    .executeTakeFirst()
}

export async function listCounsellors(tx: Tx, structureId: string) {
  const users = await tx
    .selectFrom('app_user as u')
    .select((eb) => [
      'u.id',
      'u.display_name',
      eb
        .fn<string[]>('array', [
          eb.selectFrom('user_programme').select('programme_id').whereRef('user_programme.user_id', '=', 'u.id'),
        ])
        .as('programme_ids'),
    ])
    .where('u.structure_id', '=', structureId)
    .where('u.role', 'in', capabilities.referent)
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .execute()
  const sites = users.length
    ? await tx
        .selectFrom('user_site')
        .innerJoin('site', 'site.id', 'user_site.site_id')
        .select(['user_site.user_id', 'site.id', 'site.code', 'site.name'])
        .where(
          'user_site.user_id',
          'in',
          users.map((u) => u.id),
        )
        .orderBy('site.name')
        .execute()
    : []
  return users.map((u) => ({
    id: u.id,
    displayName: u.display_name,
    sites: sites.filter((s) => s.user_id === u.id).map(({ id, code, name }) => ({ id, code, name })),
    programmeIds: u.programme_ids,
  }))
}
