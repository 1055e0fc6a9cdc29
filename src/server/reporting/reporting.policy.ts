import { can, capabilities, type Role } from '../../shared/auth/roles.ts'
import type { Scope } from '../../shared/reporting/reporting.schema.ts'
import type { Actor } from '../deps.ts'
import { forbidden } from '../errors.ts'

/**
 * Who sees indicators, reports and objectives. Declared here, nowhere else.
 *
 * - Directors and statisticians: every indicator and report of the whole structure, internal or published.
 * - Counsellors: the same, restricted to the persons of their own sites (a site outside them is refused); they
 *   know these persons, so internal figures (small counts shown) are not a disclosure.
 * - Admins: the catalogue (to set objectives) and the objectives, which they manage; no figures.
 * - Reception, officers, partners: nothing here (published documents reach partners as files).
 */
export const reportingPolicy = {
  /** the same list opens the statistics page (capabilities.statistics) */
  readIndicators: capabilities.statistics,
  readReport: capabilities.statistics,
  readCatalogue: capabilities.indicatorCatalogue,
  readObjectives: capabilities.objectivesRead,
  manageObjectives: capabilities.objectivesManage,
  /** the persons behind a cell of a cross (within the files the reader may see): not the statistician */
  readPersons: capabilities.indicatorPersons,
  /** those persons as a file: who may open them and export lists */
  exportPersons: capabilities.indicatorPersons.filter((r) => (capabilities.listExport as readonly Role[]).includes(r)),
} as const satisfies Record<string, readonly Role[]>

/** The sites an actor's figures are restricted to: undefined = the whole structure. */
export function siteScope(actor: Actor, siteId: string | undefined): string[] | undefined {
  if (can(actor.role, 'statisticsWholeStructure')) return siteId ? [siteId] : undefined
  if (siteId) {
    if (!actor.siteIds.includes(siteId)) throw forbidden('Vous ne pouvez consulter que les chiffres de vos sites.')
    return [siteId]
  }
  return actor.siteIds
}

/** The scope of an indicator request, once the actor's limits are applied. */
export function scopeFor(
  actor: Actor,
  q: { siteId?: string; programmeId?: string; communeCode?: string; counsellorId?: string },
): Scope {
  const siteIds = siteScope(actor, q.siteId)
  return {
    ...(siteIds ? { siteIds } : {}),
    ...(q.programmeId ? { programmeId: q.programmeId } : {}),
    ...(q.communeCode ? { communeCode: q.communeCode } : {}),
    ...(q.counsellorId ? { counsellorId: q.counsellorId } : {}),
  }
}
