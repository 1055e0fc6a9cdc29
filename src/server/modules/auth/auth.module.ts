import { defineServerModule } from '../module.ts'
import { rotateTotpKeyCommand } from './auth.commands.ts'
import { authRoutes } from './auth.routes.ts'
import * as m20261129T1200 from './migrations/20261129T1200_totp_replay.ts'
import * as m20261130T1000 from './migrations/20261130T1000_auth_hardening.ts'
import * as m20261130T1030 from './migrations/20261130T1030_exchange_rights.ts'

/** Signing in (password, second factor, reset links, throttling) and the session. */
export const authModule = defineServerModule({
  name: 'auth',
  tables: ['session', 'password_reset', 'signin_throttle'],
  // found by a token or an e-mail's hash, not by structure, written at every request: on the coordinator
  distribution: { session: 'local', password_reset: 'local', signin_throttle: 'local' },
  migrations: {
    '20261129T1200_totp_replay': m20261129T1200,
    '20261130T1000_auth_hardening': m20261130T1000,
    '20261130T1030_exchange_rights': m20261130T1030,
  },
  routes: authRoutes,
  commands: [rotateTotpKeyCommand],
})
