import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  changePasswordSchema,
  meSchema,
  passwordResetCompleteSchema,
  signInResultSchema,
  signInSchema,
  totpCodeSchema,
  totpEnrolmentSchema,
} from '../../../shared/auth/auth.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { changePassword, loadMe, signIn } from './auth.service.ts'
import { completeReset } from './password-reset.ts'
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session.hook.ts'
import { endSession, tokenId } from './session.repository.ts'
import { confirmTotp, startTotpEnrolment, verifySecondFactor } from './totp.service.ts'

const tags = ['Authentification']
const meta = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  previousSessionId: req.cookies[SESSION_COOKIE] ? tokenId(req.cookies[SESSION_COOKIE]) : undefined,
})

export function authRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/csrf',
    summary: 'Jeton anti-CSRF à renvoyer dans l’en-tête x-csrf-token de toute requête qui modifie',
    tags,
    access: 'public',
    response: z.object({ token: z.string() }),
    handler: async ({ reply }) => ({ token: reply.generateCsrf() }),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/sign-in',
    summary: 'Connexion par e-mail et mot de passe',
    tags,
    access: 'public',
    body: signInSchema,
    response: signInResultSchema,
    rateLimit: { max: deps.config.signin.perAddressPerMinute, timeWindow: '1 minute' },
    handler: async ({ tx, now, body, req, reply }) => {
      const { token, result } = await signIn(deps, tx, now, body, meta(req))
      setSessionCookie(reply, deps, token)
      return result
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/totp/verify',
    summary: 'Second facteur : code à 6 chiffres de l’application d’authentification',
    tags,
    access: 'second-factor',
    body: totpCodeSchema,
    response: signInResultSchema,
    rateLimit: { max: deps.config.signin.perAddressPerMinute, timeWindow: '1 minute' },
    handler: async ({ tx, now, body, req, reply }) => {
      const pending = req.pendingTotp ?? { userId: req.actor!.userId, sessionId: req.actor!.sessionId }
      const { token, result } = await verifySecondFactor(deps, tx, now, pending, body.code, meta(req))
      setSessionCookie(reply, deps, token)
      return result
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/totp/enrol',
    summary: 'Commence l’activation de la double authentification (secret et URI otpauth)',
    tags,
    access: 'second-factor',
    response: totpEnrolmentSchema,
    handler: async ({ tx, req, audit }) => {
      const userId = req.actor?.userId ?? req.pendingTotp!.userId
      const enrolment = await startTotpEnrolment(deps, tx, userId)
      if (req.actor) await audit({ action: 'totp.enrolment_started', entity: 'app_user', entityId: userId })
      return enrolment
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/totp/confirm',
    summary: 'Active la double authentification d’un utilisateur connecté',
    tags,
    access: 'authenticated',
    body: totpCodeSchema,
    status: 204,
    handler: async ({ tx, now, actor, body, audit }) => {
      await confirmTotp(deps, tx, now, actor.userId, body.code)
      await audit({ action: 'totp.enabled', entity: 'app_user', entityId: actor.userId })
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/sign-out',
    summary: 'Déconnexion',
    tags,
    access: 'second-factor',
    status: 204,
    handler: async ({ tx, req, reply, audit }) => {
      const sessionId = req.actor?.sessionId ?? req.pendingTotp!.sessionId
      await endSession(tx, sessionId)
      if (req.actor) await audit({ action: 'signout', entity: 'app_user', entityId: req.actor.userId })
      clearSessionCookie(reply, deps)
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/auth/me',
    summary: 'L’utilisateur connecté, son rôle, ses sites et programmes',
    tags,
    access: 'authenticated',
    response: meSchema,
    handler: async ({ tx, actor }) => loadMe(deps, tx, actor.userId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/password',
    summary: 'Changer son mot de passe (les autres sessions de l’utilisateur sont fermées)',
    tags,
    access: 'authenticated',
    body: changePasswordSchema,
    status: 204,
    handler: async ({ tx, now, actor, body, audit }) => {
      const { otherSessionsEnded } = await changePassword(tx, now, actor, body.currentPassword, body.newPassword)
      await audit({
        action: 'password.changed',
        entity: 'app_user',
        entityId: actor.userId,
        detail: { otherSessionsEnded },
      })
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/auth/password-reset',
    summary:
      'Choisir un nouveau mot de passe avec le lien à usage unique reçu par courriel (ferme toutes les sessions)',
    tags,
    access: 'public',
    body: passwordResetCompleteSchema,
    status: 204,
    rateLimit: { max: deps.config.signin.perAddressPerMinute, timeWindow: '1 minute' },
    handler: async ({ tx, now, body, req, reply }) => {
      await completeReset(tx, now, body, req.ip)
      clearSessionCookie(reply, deps)
    },
  })
}
