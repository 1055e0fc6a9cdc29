import type { Role } from '../../../shared/auth/roles.ts'

// Moving a structure's whole history in or out is the administrator's act (and it is audited).
export const exchangePolicy = {
  import: ['admin'],
  export: ['admin'],
} as const satisfies Record<string, readonly Role[]>
