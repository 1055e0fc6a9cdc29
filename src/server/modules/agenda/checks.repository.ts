import { capabilities } from '../../../shared/auth/roles.ts'
import type { Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'

// What a booking names must exist in the structure: the site, the room (of that site, in use), the counsellor.

const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }])

export async function ensureSiteOfStructure(tx: Tx, structureId: string, siteId: string) {
  const row = await tx
    .selectFrom('site')
    .select('id')
    .where('id', '=', siteId)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()
  if (!row) throw invalid('siteId', 'Ce site n’existe pas dans la structure.')
}

/** The counsellor of an appointment: an active user of the structure who can follow persons. */
export async function ensureStaff(tx: Tx, structureId: string, userId: string, field: string) {
  const row = await tx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', userId)
    .where('structure_id', '=', structureId)
    .where('active', '=', true)
    .where('role', 'in', capabilities.referent)
    .executeTakeFirst()
  if (!row) throw invalid(field, 'Ce conseiller n’existe pas dans la structure ou est désactivé.')
}

export async function ensureRoom(tx: Tx, structureId: string, roomId: string, siteId: string) {
  const row = await tx
    .selectFrom('agenda_room')
    .select(['site_id', 'active'])
    .where('structure_id', '=', structureId)
    .where('id', '=', roomId)
    .executeTakeFirst()
  if (!row) throw invalid('roomId', 'Cette salle n’existe pas.')
  if (row.site_id !== siteId) throw invalid('roomId', 'Cette salle n’est pas sur ce site.')
  if (!row.active) throw invalid('roomId', 'Cette salle n’est plus utilisée.')
}

/** The first interview's counsellor: an active counsellor of the structure who works at the file's site. */
export async function ensureStaffOfSite(tx: Tx, structureId: string, userId: string, siteId: string) {
  await ensureStaff(tx, structureId, userId, 'referentId')
  const onSite = await tx
    .selectFrom('user_site')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('site_id', '=', siteId)
    .executeTakeFirst()
  if (!onSite)
    throw invalid(
      'referentId',
      'Ce référent ne travaille pas sur le site du dossier : le premier entretien se réserve dans l’agenda d’un conseiller du site.',
    )
}
