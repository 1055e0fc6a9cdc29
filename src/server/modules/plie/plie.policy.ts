import { capabilities } from '../../../shared/auth/roles.ts'

/** Who may call the PLIE's routes (docs/plie.md, « Access »): role lists from roles.ts only. */
export const pliePolicy = {
  read: capabilities.pliePathways,
  write: capabilities.plieWrite,
  committees: capabilities.plieCommittees,
  setup: capabilities.plieSetup,
  partner: capabilities.pliePartner,
  esfExport: capabilities.esfExport,
} as const
