import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Deps } from '../../deps.ts'
import { findActiveSession, loadScopes, toActor } from './session.repository.ts'

export const SESSION_COOKIE = 'jalon_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** signed in with a password, second factor not yet given */
    pendingTotp?: { userId: string; sessionId: string }
  }
}

/** Step one of the pipeline: who is calling. Never refuses by itself; each route's access rule decides. */
export function registerSessionHook(app: FastifyInstance, deps: Deps) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return
    const token = req.cookies[SESSION_COOKIE]
    if (!token) return
    const row = await findActiveSession(deps.db.kysely, token, deps.clock.now(), deps.config.session)
    if (!row) return
    if (row.pending_totp) {
      req.pendingTotp = { userId: row.user_id, sessionId: row.session_id }
      return
    }
    req.actor = toActor(row, await loadScopes(deps.db.kysely, row.user_id), req.ip)
  })
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.session.cookieSecure,
    path: '/',
    maxAge: deps.config.session.maxHours * 3600,
  })
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.session.cookieSecure,
  })
}
