import { capabilities } from '../../../shared/auth/roles.ts'

/** Who may call the aids' routes (docs/aids.md, « Access »): role lists from roles.ts only. */
export const aidsPolicy = {
  /** a person's requests, decisions and payments, on the files the reader sees (the aid officer: the structure's) */
  read: capabilities.aidRequests,
  /** the counsellor's request form */
  ask: capabilities.aidAsk,
  /** check, decide, pay, cancel, run the allowance's payments; commissions; projects */
  manage: capabilities.aidManage,
  /** every site's requests and envelopes */
  wholeStructure: capabilities.aidWholeStructure,
  /** funds and envelopes */
  setup: capabilities.aidSetup,
} as const
