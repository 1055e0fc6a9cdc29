import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'

// Collective sessions (docs/agenda.md, « Séances collectives »): the list, a session with its attendance, the person
// file's « Séances » tab. Loaded when opened.
const listRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/seances',
  validateSearch: (search: Record<string, unknown>): { periode?: 'passees' } =>
    search.periode === 'passees' ? { periode: 'passees' } : {},
  component: guarded(
    'agenda',
    lazyPage(() => import('./sessions.page.tsx'), 'SessionsPage'),
  ),
})
const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/seances/$id',
  component: guarded(
    'agenda',
    lazyPage(() => import('./session.page.tsx'), 'SessionPage'),
  ),
})

export const sessionsModule = defineWebModule({
  name: 'sessions',
  routes: [listRoute, sessionRoute],
  nav: [{ to: '/seances', label: 'Séances collectives', section: 'Accompagnement', capability: 'agenda' }],
  fileTabs: [
    {
      key: 'seances',
      label: 'Séances',
      visible: (person) => person.can.readFile,
      component: lazyPage(() => import('./sessions.tab.tsx'), 'SessionsTab'),
    },
  ],
})
