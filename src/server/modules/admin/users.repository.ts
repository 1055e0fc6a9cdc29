import type { User } from '../../../shared/admin/admin.schema.ts'
import type { Role } from '../../../shared/auth/roles.ts'
import type { Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { isPendingInvitation } from '../auth/password-reset.ts'

export interface UserFilter {
  q?: string
  role?: Role
  active?: 'true' | 'false'
  sort: 'displayName' | 'email' | 'role' | 'createdAt'
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

const sortColumn = { displayName: 'display_name', email: 'email', role: 'role', createdAt: 'created_at' } as const

function baseQuery(tx: Tx, structureId: string) {
  return tx
    .selectFrom('app_user as u')
    .where('u.structure_id', '=', structureId)
    .select((eb) => [
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.active',
      'u.totp_enabled',
      'u.created_at',
      'u.version',
      eb
        .fn<string[]>('array', [
          eb.selectFrom('user_site').select('site_id').whereRef('user_site.user_id', '=', 'u.id'),
        ])
        .as('site_ids'),
      eb
        .fn<string[]>('array', [
          eb.selectFrom('user_programme').select('programme_id').whereRef('user_programme.user_id', '=', 'u.id'),
        ])
        .as('programme_ids'),
      eb
        .selectFrom('password_reset')
        .select('expires_at')
        .whereRef('password_reset.user_id', '=', 'u.id')
        .where(isPendingInvitation)
        .limit(1)
        .as('invitation_expires_at'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>
const present = (r: Row): User => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role as Role,
  active: r.active,
  totpEnabled: r.totp_enabled,
  siteIds: r.site_ids,
  programmeIds: r.programme_ids,
  createdAt: r.created_at.toISOString(),
  version: r.version,
  invitationExpiresAt: r.invitation_expires_at?.toISOString() ?? null,
})

export async function listUsers(tx: Tx, structureId: string, f: UserFilter) {
  let q = tx.selectFrom('app_user as u').where('u.structure_id', '=', structureId)
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, '\\$&')}%`
    q = q.where((eb) => eb.or([eb('u.display_name', 'ilike', like), eb('u.email', 'ilike', like)]))
  }
  if (f.role) q = q.where('u.role', '=', f.role)
  if (f.active) q = q.where('u.active', '=', f.active === 'true')
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const ids = await q
    .select('u.id')
    .orderBy(`u.${sortColumn[f.sort]}`, f.order)
    .orderBy('u.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  const rows = ids.length
    ? await baseQuery(tx, structureId)
        .where(
          'u.id',
          'in',
          ids.map((r) => r.id),
        )
        .execute()
    : []
  const byId = new Map(rows.map((r) => [r.id, present(r)]))
  return { total, page: f.page, pageSize: f.pageSize, items: ids.map((r) => byId.get(r.id)!) }
}

export async function getUser(tx: Tx, structureId: string, id: string) {
  const row = await baseQuery(tx, structureId).where('u.id', '=', id).executeTakeFirst()
  return row ? present(row) : undefined
}

/** Sites and programmes named in a form must be the structure's own. */
export async function checkScopes(tx: Tx, structureId: string, siteIds: string[], programmeIds: string[]) {
  const fields = []
  if (siteIds.length) {
    const found = await tx
      .selectFrom('site')
      .select('id')
      .where('structure_id', '=', structureId)
      .where('id', 'in', siteIds)
      .execute()
    if (found.length !== new Set(siteIds).size) fields.push({ field: 'siteIds', message: 'Site inconnu.' })
  }
  if (programmeIds.length) {
    const found = await tx
      .selectFrom('programme')
      .select('id')
      .where('structure_id', '=', structureId)
      .where('id', 'in', programmeIds)
      .execute()
    if (found.length !== new Set(programmeIds).size)
      fields.push({ field: 'programmeIds', message: 'Programme inconnu.' })
  }
  if (fields.length) throw new AppError('validation', 'Site ou programme inconnu.', fields)
}

export async function setScopes(tx: Tx, userId: string, siteIds: string[], programmeIds: string[]) {
  await tx.deleteFrom('user_site').where('user_id', '=', userId).execute()
  await tx.deleteFrom('user_programme').where('user_id', '=', userId).execute()
  const sites = [...new Set(siteIds)]
  const programmes = [...new Set(programmeIds)]
  if (sites.length)
    await tx
      .insertInto('user_site')
      .values(sites.map((site_id) => ({ user_id: userId, site_id })))
      .execute()
  if (programmes.length)
    await tx
      .insertInto('user_programme')
      .values(programmes.map((programme_id) => ({ user_id: userId, programme_id })))
      .execute()
}
