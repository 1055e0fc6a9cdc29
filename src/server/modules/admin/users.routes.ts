import type { FastifyInstance } from 'fastify'
import {
  idParams,
  pageOf,
  passwordResetResultSchema,
  userCreatedSchema,
  userCreateSchema,
  userListQuery,
  userSchema,
  userUpdateSchema,
} from '../../../shared/admin/admin.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Deps } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { sendInvitation, sendResetLink, unusablePasswordHash } from '../auth/password-reset.ts'
import { endUserSessions } from '../auth/session.repository.ts'
import { adminPolicy } from './admin.policy.ts'
import { checkScopes, getUser, listUsers, setScopes } from './users.repository.ts'

const tags = ['Administration : utilisateurs']
const access = adminPolicy.manageUsers

export function userRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/admin/users',
    summary: 'Utilisateurs, paginés, triables et filtrables',
    tags,
    access,
    query: userListQuery,
    response: pageOf(userSchema),
    handler: async ({ tx, actor, query }) => listUsers(tx, actor.structureId, query),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/admin/users',
    summary:
      'Créer un utilisateur, sans mot de passe : il reçoit par courriel un lien à usage unique (valable 7 jours) pour choisir le sien',
    tags,
    access,
    body: userCreateSchema,
    response: userCreatedSchema,
    status: 201,
    handler: async ({ tx, now, actor, body, audit }) => {
      await checkScopes(tx, actor.structureId, body.siteIds, body.programmeIds)
      if (await tx.selectFrom('app_user').select('id').where('email', '=', body.email).executeTakeFirst())
        throw new AppError('conflict', 'Cette adresse e-mail est déjà utilisée.', [
          { field: 'email', message: 'Adresse déjà utilisée.' },
        ])
      // The administrator chooses no password: the account has none that works until its user sets one from the link.
      const { id } = await tx
        .insertInto('app_user')
        .values({
          structure_id: actor.structureId,
          email: body.email,
          display_name: body.displayName,
          role: body.role,
          password_hash: await unusablePasswordHash(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await setScopes(tx, id, body.siteIds, body.programmeIds)
      const user = { id, email: body.email, displayName: body.displayName }
      const { expiresAt } = await sendInvitation(deps, tx, now, user, actor.userId)
      await audit({
        action: 'create',
        entity: 'app_user',
        entityId: id,
        detail: { ...body, invitationExpiresAt: expiresAt.toISOString() },
      })
      const invitation = { sentTo: body.email, expiresAt: expiresAt.toISOString(), mailed: !!deps.config.smtpUrl }
      return { ...(await getUser(tx, actor.structureId, id))!, invitation }
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/admin/users/:id',
    summary: 'Modifier un utilisateur : rôle, sites, programmes, désactivation (qui ferme ses sessions)',
    tags,
    access,
    params: idParams,
    body: userUpdateSchema,
    response: userSchema,
    handler: async ({ tx, actor, params, body, audit }) => {
      if (params.id === actor.userId && (!body.active || body.role !== actor.role))
        throw new AppError('validation', 'Vous ne pouvez pas retirer vos propres droits.', [
          { field: body.active ? 'role' : 'active', message: 'Demandez à un autre administrateur.' },
        ])
      await checkScopes(tx, actor.structureId, body.siteIds, body.programmeIds)
      await ensureUpdated(
        await tx
          .updateTable('app_user')
          .set({ display_name: body.displayName, role: body.role, active: body.active, version: body.version + 1 })
          .where('id', '=', params.id)
          .where('structure_id', '=', actor.structureId)
          .where('version', '=', body.version)
          .returning('id')
          .executeTakeFirst(),
        async () => !!(await getUser(tx, actor.structureId, params.id)),
        'Cet utilisateur',
      )
      await setScopes(tx, params.id, body.siteIds, body.programmeIds)
      if (!body.active) await endUserSessions(tx, params.id)
      await audit({
        action: body.active ? 'update' : 'deactivate',
        entity: 'app_user',
        entityId: params.id,
        detail: body,
      })
      return (await getUser(tx, actor.structureId, params.id))!
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/admin/users/:id/reset-password',
    summary:
      'Réinitialiser le mot de passe : l’ancien ne fonctionne plus, les sessions sont fermées et l’utilisateur reçoit par courriel un lien à usage unique pour en choisir un nouveau (à un compte qui n’a jamais choisi le sien, l’invitation est renvoyée)',
    tags,
    access,
    params: idParams,
    response: passwordResetResultSchema,
    handler: async ({ tx, now, actor, params, audit }) => {
      const user = await getUser(tx, actor.structureId, params.id)
      if (!user) throw notFound('Cet utilisateur')
      const { expiresAt, invitation } = await sendResetLink(deps, tx, now, user, actor.userId)
      await audit({
        action: invitation ? 'invitation.resent' : 'password.reset',
        entity: 'app_user',
        entityId: params.id,
        detail: { expiresAt: expiresAt.toISOString() },
      })
      return { sentTo: user.email, expiresAt: expiresAt.toISOString(), mailed: !!deps.config.smtpUrl }
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/admin/users/:id/end-sessions',
    summary: 'Fermer toutes les sessions d’un utilisateur',
    tags,
    access,
    params: idParams,
    status: 204,
    handler: async ({ tx, actor, params, audit }) => {
      if (!(await getUser(tx, actor.structureId, params.id))) throw notFound('Cet utilisateur')
      const result = await endUserSessions(tx, params.id)
      await audit({
        action: 'sessions.ended',
        entity: 'app_user',
        entityId: params.id,
        detail: { count: Number(result.numDeletedRows) },
      })
    },
  })
}
