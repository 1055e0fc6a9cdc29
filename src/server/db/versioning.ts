import { notFound, versionConflict } from '../errors.ts'

/**
 * Optimistic locking: an update names the version it was read at and bumps it. When no row matched, tell apart
 * "gone" from "changed by someone else" so the user gets the right message; never overwrite silently.
 */
export async function ensureUpdated<T>(
  updated: T | undefined,
  exists: () => Promise<boolean>,
  what?: string,
): Promise<T> {
  if (updated) return updated
  if (await exists()) throw versionConflict()
  throw notFound(what)
}
