import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Deps } from '../../deps.ts'
import { findActiveSession, sessionCache, sessionExpired, toActor, tokenId, touchIfDue } from './session.repository.ts'

export const SESSION_COOKIE = 'jalon_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** signed in with a password, second factor not yet given */
    pendingTotp?: { userId: string; sessionId: string }
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Step one of the pipeline: who is calling. Never refuses by itself; each route's access rule decides.
 * The session and its user are kept a few seconds (session.cache.ts); the lifetimes are checked at every request.
 */
export function registerSessionHook(app: FastifyInstance, deps: Deps) {
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return
    const token = req.cookies[SESSION_COOKIE]
    if (!token) return
    const now = deps.clock.now()
    const id = tokenId(token)
    const cached = sessionCache.get(id)
    if (cached && !sessionExpired(cached, now, deps.config.session)) {
      await touchIfDue(deps.db.kysely, cached, now)
      req.actor = toActor(cached, req.ip)
      return
    }
    if (cached) sessionCache.forget(id)
    const row = await findActiveSession(deps.db.kysely, token, now, deps.config.session)
    if (!row) return
    if (row.pending_totp) {
      req.pendingTotp = { userId: row.user_id, sessionId: row.session_id }
      return
    }
    sessionCache.keep(row)
    req.actor = toActor(row, req.ip)
  })
  // A change of the organisation (a user's role, sites or programmes, the structure's time zone; by hand or by an
  // import) has committed before its answer is sent: this process then forgets every session it kept, so the next
  // request reads the change. A change to one's own account (password, second factor, signing out) forgets that
  // user's sessions.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!STATE_CHANGING.has(req.method) || reply.statusCode >= 400) return payload
    if (req.url.startsWith('/api/admin/') || req.url.startsWith('/api/exchange/')) sessionCache.clear()
    else if (req.url.startsWith('/api/auth/')) {
      const userId = req.actor?.userId ?? req.pendingTotp?.userId
      if (userId) sessionCache.forgetUser(userId)
    }
    return payload
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
