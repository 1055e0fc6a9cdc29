import { reportingModule } from '../reporting/reporting.module.ts'
import { accompanimentModule } from './accompaniment/accompaniment.module.ts'
import { adminModule } from './admin/admin.module.ts'
import { agendaModule } from './agenda/agenda.module.ts'
import { aidsModule } from './aids/aids.module.ts'
import { auditModule } from './audit/audit.module.ts'
import { authModule } from './auth/auth.module.ts'
import { employmentModule } from './employment/employment.module.ts'
import { exchangeModule } from './exchange/exchange.module.ts'
import { healthModule } from './health/health.module.ts'
import { homeModule } from './home/home.module.ts'
import { missionLocaleModule } from './mission-locale/mission-locale.module.ts'
import type { ServerModule } from './module.ts'
import { notificationsModule } from './notifications/notifications.module.ts'
import { personsModule } from './persons/persons.module.ts'
import { plieModule } from './plie/plie.module.ts'
import { qualityModule } from './quality/quality.module.ts'
import { referenceModule } from './reference/reference.module.ts'
import { installModules } from './registry.ts'
import { sessionsModule } from './sessions/sessions.module.ts'
import { trainingModule } from './training/training.module.ts'

/**
 * The server's modules, in the one list the app reads: routes are registered in this order, and each module's
 * migrations, commands, demo data, exchange files, indicators and report chapter come from its manifest. A new
 * department adds its manifest here, and nothing else central (docs/MODULES.md).
 */
export const serverModules: readonly ServerModule[] = [
  healthModule,
  authModule,
  referenceModule,
  adminModule,
  auditModule,
  personsModule,
  accompanimentModule,
  agendaModule,
  sessionsModule,
  notificationsModule,
  homeModule,
  missionLocaleModule,
  plieModule,
  aidsModule,
  trainingModule,
  employmentModule,
  qualityModule,
  reportingModule,
  exchangeModule,
]

installModules(serverModules)
