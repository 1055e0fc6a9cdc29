import { randomBytes } from 'node:crypto'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { checkPasswordStrength, hashPassword } from './password.ts'
import { endUserSessions, newToken, tokenId } from './session.repository.ts'
import { forgetEmail } from './signin-throttle.ts'

/**
 * An administrator's password reset sends the user a one-time link by mail; the administrator never sees a password
 * nor the link. The table keeps only the link token's SHA-256; a link serves once, for an hour.
 */
export const RESET_LINK_MINUTES = 60
export const resetPagePath = '/mot-de-passe/nouveau'

const INVALID =
  'Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau à votre administrateur.'

export async function sendResetLink(
  deps: Deps,
  tx: Tx,
  now: Date,
  user: { id: string; email: string; displayName: string },
  requestedBy: string,
) {
  const token = newToken()
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000)
  // One live link per user: a new reset voids the previous links.
  await tx.deleteFrom('password_reset').where('user_id', '=', user.id).where('used_at', 'is', null).execute()
  await tx
    .insertInto('password_reset')
    .values({ id: tokenId(token), user_id: user.id, created_by: requestedBy, created_at: now, expires_at: expiresAt })
    .execute()
  // The old password stops working (replaced by the hash of a random value nobody keeps) and the sessions end: a reset
  // is also what an administrator does when an account may be in someone else's hands.
  await tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(randomBytes(32).toString('base64url')), password_changed_at: now })
    .where('id', '=', user.id)
    .execute()
  await endUserSessions(tx, user.id)
  await forgetEmail(tx, user.email)
  // The token travels in the fragment (#): browsers send it neither to the server's access log nor as a Referer.
  const link = `${deps.config.publicUrl}${resetPagePath}#${token}`
  await deps.mailer.send({
    to: user.email,
    subject: 'Jalon : choisissez un nouveau mot de passe',
    text:
      `Bonjour ${user.displayName},\n\n` +
      'Un administrateur a réinitialisé votre mot de passe Jalon. Votre ancien mot de passe ne fonctionne plus.\n' +
      `Choisissez-en un nouveau en suivant ce lien, valable ${RESET_LINK_MINUTES} minutes et utilisable une seule fois :\n\n` +
      `${link}\n\n` +
      'Si vous n’attendiez pas ce message, prévenez votre administrateur.',
  })
  return { expiresAt }
}

/** The user sets a new password with the link's token; all their sessions end. */
export async function completeReset(
  tx: Tx,
  now: Date,
  input: { token: string; newPassword: string },
  ip: string | null,
) {
  // Claimed in one statement: of two concurrent uses of one link, the second finds it used.
  const link = await tx
    .updateTable('password_reset')
    .set({ used_at: now })
    .where('id', '=', tokenId(input.token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst()
  const user = link
    ? await tx
        .selectFrom('app_user')
        .select(['id', 'email', 'active', 'structure_id', 'display_name'])
        .where('id', '=', link.user_id)
        .forNoKeyUpdate()
        .executeTakeFirst()
    : undefined
  if (!user?.active) throw new AppError('validation', INVALID, [{ field: 'token', message: INVALID }])
  // A refused password rolls the transaction back: the link stays usable for a better one.
  checkPasswordStrength(input.newPassword, 'newPassword', user.email)
  await tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(input.newPassword), password_changed_at: now })
    .where('id', '=', user.id)
    .execute()
  await tx.deleteFrom('password_reset').where('user_id', '=', user.id).where('used_at', 'is', null).execute()
  await endUserSessions(tx, user.id)
  await forgetEmail(tx, user.email)
  await writeAudit(
    tx,
    now,
    { userId: user.id, structureId: user.structure_id, displayName: user.display_name, ip },
    { action: 'password.reset_completed', entity: 'app_user', entityId: user.id },
  )
}
