import type { Tx } from '../../deps.ts'

/** The password hash of an imported account: no password matches it, so the account cannot sign in until reset. */
export const IMPORTED_PASSWORD = '!imported'

export async function siteCommunes(tx: Tx, structureId: string, codes: string[]) {
  const rows = await tx
    .selectFrom('site')
    .leftJoin('site_commune', 'site_commune.site_id', 'site.id')
    .select(['site.id', 'site.code', 'site_commune.commune_code'])
    .where('site.structure_id', '=', structureId)
    .where('site.code', 'in', codes)
    .execute()
  const out = new Map<string, { id: string; communes: string[] }>()
  for (const r of rows) {
    const site = out.get(r.code) ?? { id: r.id, communes: [] }
    if (r.commune_code) site.communes.push(r.commune_code)
    out.set(r.code, site)
  }
  for (const s of out.values()) s.communes.sort()
  return out
}

export async function replaceSiteCommunes(tx: Tx, siteId: string, communes: { code: string; name: string }[]) {
  await tx.deleteFrom('site_commune').where('site_id', '=', siteId).execute()
  if (communes.length)
    await tx
      .insertInto('site_commune')
      .values(communes.map((c) => ({ site_id: siteId, commune_code: c.code, commune_name: c.name })))
      .execute()
}

/** By lower-cased e-mail, in every structure (an e-mail is unique across the installation). */
export async function findUsersByEmail(tx: Tx, emails: string[]) {
  const rows = emails.length
    ? await tx
        .selectFrom('app_user')
        .select(['id', 'email', 'structure_id', 'password_hash', 'active'])
        .where('email', 'in', emails)
        .execute()
    : []
  return new Map(rows.map((r) => [r.email.toLowerCase(), r]))
}

export async function userScopes(tx: Tx, userIds: string[]) {
  const out = new Map<string, { siteIds: string[]; programmeIds: string[] }>()
  if (!userIds.length) return out
  const get = (id: string) => {
    const s = out.get(id) ?? { siteIds: [], programmeIds: [] }
    out.set(id, s)
    return s
  }
  for (const r of await tx.selectFrom('user_site').selectAll().where('user_id', 'in', userIds).execute())
    get(r.user_id).siteIds.push(r.site_id)
  for (const r of await tx.selectFrom('user_programme').selectAll().where('user_id', 'in', userIds).execute())
    get(r.user_id).programmeIds.push(r.programme_id)
  for (const s of out.values()) {
    s.siteIds.sort()
    s.programmeIds.sort()
  }
  return out
}

export async function insertImportedUser(tx: Tx, structureId: string, v: Record<string, unknown>) {
  const { id } = await tx
    .insertInto('app_user')
    .values({
      structure_id: structureId,
      email: v.email as string,
      display_name: v.display_name as string,
      role: v.role as string,
      password_hash: IMPORTED_PASSWORD,
      active: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** true when something changed */
export async function updateImportedUser(tx: Tx, id: string, v: Record<string, unknown>) {
  const r = await tx
    .updateTable('app_user')
    .set((eb) => ({
      display_name: v.display_name as string,
      role: v.role as string,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('display_name', '!=', v.display_name as string), eb('role', '!=', v.role as string)]))
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}

export async function replaceUserScopes(tx: Tx, userId: string, siteIds: string[], programmeIds: string[]) {
  await tx.deleteFrom('user_site').where('user_id', '=', userId).execute()
  await tx.deleteFrom('user_programme').where('user_id', '=', userId).execute()
  if (siteIds.length)
    await tx
      .insertInto('user_site')
      .values(siteIds.map((site_id) => ({ user_id: userId, site_id })))
      .execute()
  if (programmeIds.length)
    await tx
      .insertInto('user_programme')
      .values(programmeIds.map((programme_id) => ({ user_id: userId, programme_id })))
      .execute()
}
