import { adminModule } from './features/admin/admin.web.ts'
import { agendaModule } from './features/agenda/agenda.web.ts'
import { aidsModule } from './features/aids/aids.web.ts'
import { authModule } from './features/auth/auth.web.ts'
import { caseloadModule } from './features/caseload/caseload.web.ts'
import { employmentModule } from './features/employment/employment.web.ts'
import { homeModule } from './features/home/home.web.ts'
import { personsModule } from './features/persons/persons.web.ts'
import { plieModule } from './features/plie/plie.web.ts'
import { qualityModule } from './features/quality/quality.web.ts'
import { sessionsModule } from './features/sessions/sessions.web.ts'
import { statisticsModule } from './features/statistics/statistics.web.ts'
import { trainingModule } from './features/training/training.web.ts'

/**
 * The modules of the web app, one line each (docs/MODULES.md). Their order is the order of the navigation (and of its
 * sections, by first appearance) and of the person file's tabs: the account's pages ("Mon compte") stay last.
 */
export const webModules = [
  homeModule,
  personsModule,
  caseloadModule,
  statisticsModule,
  qualityModule,
  adminModule,
  agendaModule,
  sessionsModule,
  plieModule,
  aidsModule,
  trainingModule,
  employmentModule,
  authModule,
] as const
