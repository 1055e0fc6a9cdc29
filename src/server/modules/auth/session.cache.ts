/**
 * The signed-in sessions this process has just looked up, with the user's role, structure, time zone, sites and
 * programmes: every API request needs them before its route runs, and a counsellor's page makes several requests
 * (issue 9: at national scale the person file spent more on who is calling than on the file).
 *
 * How long a right outlives its withdrawal: an entry is kept SESSION_CACHE_TTL_MS (5 s), measured on the process's
 * own monotonic clock (never the injected clock, which tests fix). Within this process it is dropped at once when
 * a session ends (sign-out, a password change, an admin's "end sessions", a deactivation: session.repository.ts)
 * and after any change made through the admin API (a role, sites, programmes, the structure's time zone:
 * session.hook.ts). What is left for the TTL: another process serving the same database (a second server, `jalon`
 * commands), a change written straight to the database, and a request that read the session while the change was
 * being committed. A revoked right therefore lasts at most 5 s. The lifetimes (idle, absolute) are checked at every
 * request against the cached session, with the injected clock, as without the cache.
 */
export const SESSION_CACHE_TTL_MS = 5_000
/** Bounds the memory: about 1 kB an entry; past it the oldest go first. */
const MAX_ENTRIES = 10_000

interface Keyed {
  session_id: string
  user_id: string
}

/** One per process (session.repository.ts), keyed by session id (the token's hash). */
export class SessionCache<T extends Keyed> {
  readonly #entries = new Map<string, { session: T; until: number }>()

  /** The session of this id, if looked up less than the TTL ago. */
  get(sessionId: string): T | undefined {
    const entry = this.#entries.get(sessionId)
    if (!entry) return undefined
    if (entry.until > performance.now()) return entry.session
    this.#entries.delete(sessionId)
    return undefined
  }

  keep(session: T) {
    this.#entries.delete(session.session_id)
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
    this.#entries.set(session.session_id, { session, until: performance.now() + SESSION_CACHE_TTL_MS })
  }

  forget(sessionId: string) {
    this.#entries.delete(sessionId)
  }

  forgetUser(userId: string) {
    for (const [id, entry] of this.#entries) if (entry.session.user_id === userId) this.#entries.delete(id)
  }

  clear() {
    this.#entries.clear()
  }
}
