import { capabilities } from '../../../shared/auth/roles.ts'

/** Who may call the employment routes (docs/employment/README.md « Access »): role lists from roles.ts only. */
export const employmentPolicy = {
  /** employers, offers, a person's employment tab, immersions, pools, operations (read) */
  read: capabilities.employmentRead,
  /** position a person on an offer, job projects, prepare an immersion */
  position: capabilities.employmentPosition,
  /** companies, offers, candidates' answers, hires, follow-ups, operations, pools */
  manage: capabilities.employmentManage,
  wholeStructure: capabilities.employmentWholeStructure,
  clausesRead: capabilities.clausesRead,
  clausesManage: capabilities.clausesManage,
} as const
