import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import { checkPasswordStrength, hashPassword } from './password.ts'
import { endUserSessions, newToken, tokenId } from './session.repository.ts'
import { forgetEmail } from './signin-throttle.ts'

/**
 * An administrator's password reset sends the user a one-time link by mail; the administrator never sees a password
 * nor the link. The table keeps only the link token's SHA-256; a link serves once, for an hour.
 * A new account gets the same kind of link, an invitation valid for a week: the administrator never chooses its password.
 */
export const RESET_LINK_MINUTES = 60
export const INVITATION_LINK_DAYS = 7
export const resetPagePath = '/mot-de-passe/nouveau'
/** The same page, titled for a first password. */
export const invitationPagePath = `${resetPagePath}?invitation=1`

const INVALID =
  'Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau à votre administrateur.'

type LinkUser = { id: string; email: string; displayName: string }

/**
 * A link that was never used and outlives a reset link is an invitation: the account has never had a password of
 * its own. (At most one unused link per user: sending one voids the others, using one deletes the others.)
 */
export const isPendingInvitation = sql<boolean>`password_reset.used_at IS NULL AND password_reset.expires_at > password_reset.created_at + ${sql.lit(RESET_LINK_MINUTES)} * interval '1 minute'`

/** The hash of a random value nobody keeps: no password opens the account, yet a sign-in costs the same argon2 time. */
export const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'))

/**
 * Resets the password (or sends the invitation again, for an account that never chose one). Returns the link's end
 * and whether it was an invitation.
 */
export async function sendResetLink(deps: Deps, tx: Tx, now: Date, user: LinkUser, requestedBy: string) {
  const invited = await tx
    .selectFrom('password_reset')
    .select('id')
    .where('user_id', '=', user.id)
    .where(isPendingInvitation)
    .executeTakeFirst()
  if (invited) return { ...(await sendInvitation(deps, tx, now, user, requestedBy)), invitation: true }
  const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000)
  const link = await issueLink(deps, tx, now, user, requestedBy, expiresAt, resetPagePath)
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
  return { expiresAt, invitation: false }
}

/** A new account's invitation: a link to choose its first password, valid INVITATION_LINK_DAYS days, used once. */
export async function sendInvitation(deps: Deps, tx: Tx, now: Date, user: LinkUser, requestedBy: string) {
  const expiresAt = new Date(now.getTime() + INVITATION_LINK_DAYS * 86_400_000)
  const link = await issueLink(deps, tx, now, user, requestedBy, expiresAt, invitationPagePath)
  await deps.mailer.send({
    to: user.email,
    subject: 'Votre compte Jalon',
    text:
      `Bonjour ${user.displayName},\n\n` +
      `Un administrateur de votre structure vous a ouvert un compte Jalon à l’adresse ${user.email}.\n` +
      'Pour l’activer, choisissez vous-même votre mot de passe en suivant ce lien, ' +
      `valable ${INVITATION_LINK_DAYS} jours et utilisable une seule fois :\n\n` +
      `${link}\n\n` +
      `Vous vous connecterez ensuite sur ${deps.config.publicUrl}/connexion avec votre adresse e-mail et ce mot de passe. ` +
      'Personne d’autre ne le connaîtra, pas même l’administrateur.\n' +
      'Si le lien a expiré, demandez-en un nouveau à votre administrateur. ' +
      'Si vous n’attendiez pas ce message, prévenez-le.',
  })
  return { expiresAt }
}

/** Records a new one-time link (only its hash) and makes the current password unusable; returns the link. */
async function issueLink(
  deps: Deps,
  tx: Tx,
  now: Date,
  user: LinkUser,
  requestedBy: string,
  expiresAt: Date,
  pagePath: string,
) {
  const token = newToken()
  // One live link per user: a new one voids the previous links.
  await tx.deleteFrom('password_reset').where('user_id', '=', user.id).where('used_at', 'is', null).execute()
  await tx
    .insertInto('password_reset')
    .values({ id: tokenId(token), user_id: user.id, created_by: requestedBy, created_at: now, expires_at: expiresAt })
    .execute()
  // The old password stops working and the sessions end: a reset is also what an administrator does when an account
  // may be in someone else's hands.
  await tx
    .updateTable('app_user')
    .set({ password_hash: await unusablePasswordHash(), password_changed_at: now })
    .where('id', '=', user.id)
    .execute()
  await endUserSessions(tx, user.id)
  await forgetEmail(tx, user.email)
  // The token travels in the fragment (#): browsers send it neither to the server's access log nor as a Referer.
  return `${deps.config.publicUrl}${pagePath}#${token}`
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
