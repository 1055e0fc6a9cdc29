import { capabilities, type Role } from '../../../shared/auth/roles.ts'

/**
 * Who sees what on the home pages (docs/home.md). Declared here, nowhere else; the role lists are capabilities of
 * src/shared/auth/roles.ts.
 *
 * - arrivals: reception says a person of today's appointment on one of its sites has arrived (another site's, or
 *   another day's, is a 404 like the agenda's own reads); the appointment's counsellor is notified.
 * - changes: a counsellor reads what others changed on the files they follow (their caseload), since they last
 *   marked them seen; the lines come from the audit trail, never a record's content.
 * - key figures: the year to date by site against the sites' objectives, for those who read the whole structure's
 *   figures; the objectives are read by them and the admin, set by the director and the admin.
 * - team alerts: the people in alert by site and by who follows them, for those who may open another's caseload.
 * - summary: the person file's first tab, for the file's readers, on a person they may see (else 404).
 */
export const homePolicy = {
  arrivals: capabilities.arrivals,
  changes: capabilities.recentChanges,
  keyFigures: capabilities.keyFigures,
  teamAlerts: capabilities.caseloadOfOthers,
  objectivesRead: capabilities.siteObjectivesRead,
  objectivesManage: capabilities.siteObjectivesManage,
  summary: capabilities.personFile,
} as const satisfies Record<string, readonly Role[]>
