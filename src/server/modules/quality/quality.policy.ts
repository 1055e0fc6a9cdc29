import { can, capabilities, type Role } from '../../../shared/auth/roles.ts'
import type { Actor } from '../../deps.ts'
import { forbidden } from '../../errors.ts'
import { visiblePersons } from '../persons/person.policy.ts'
import type { QualityScope } from './quality.repository.ts'

/**
 * Who sees data quality. Declared here, nowhere else (the role lists are capabilities of src/shared/auth/roles.ts).
 *
 * - counts: counsellors the files they may see (their sites, the persons they follow: the person policy's rule), the
 *   director and the statistician the whole structure (counts are aggregates).
 * - files: the files to fix, with names: those who read and fix files (director, counsellor), never the statistician.
 * - trend: the counts month by month, for the director and the statistician.
 * - export: the files to fix as CSV or XLSX, audited (the list exporters).
 */
export const qualityPolicy = {
  counts: capabilities.quality,
  files: capabilities.qualityFiles,
  trend: capabilities.qualityTrend,
  export: capabilities.listExport,
} as const satisfies Record<string, readonly Role[]>

const wholeStructure = (actor: Actor) =>
  can(actor.role, 'personsWholeStructure') || can(actor.role, 'statisticsWholeStructure')

/**
 * The files a request looks at: a reader outside the whole structure sees the persons they may see, and may name
 * only one of their own sites (another site answers 403, so its figures do not leak).
 */
export function qualityScope(
  actor: Actor,
  q: { siteId?: string | undefined; counsellorId?: string | undefined },
  today: string,
): QualityScope {
  const whole = wholeStructure(actor)
  if (!whole && q.siteId && !actor.siteIds.includes(q.siteId))
    throw forbidden('Vous ne pouvez consulter que la qualité des dossiers de vos sites.')
  return {
    structureId: actor.structureId,
    ...(whole ? {} : { visible: visiblePersons(actor, today) }),
    ...(q.siteId ? { siteId: q.siteId } : {}),
    ...(q.counsellorId ? { counsellorId: q.counsellorId } : {}),
  }
}
