import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { agendaSearchSchema } from './agenda.search.ts'

// The agenda's pages and its tab are loaded when opened: the calendar (FullCalendar) stays out of the first load.
const agendaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/agenda',
  validateSearch: (search) => agendaSearchSchema.partial().parse(search),
  component: guarded(
    'agenda',
    lazyPage(() => import('./agenda.page.tsx'), 'AgendaPage'),
  ),
})

export const agendaModule = defineWebModule({
  name: 'agenda',
  routes: [
    agendaRoute,
    appPage(
      '/admin/salles',
      lazyPage(() => import('./rooms.page.tsx'), 'RoomsPage'),
      'administration',
    ),
    appPage(
      '/admin/modeles-messages',
      lazyPage(() => import('./templates.page.tsx'), 'TemplatesPage'),
      'administration',
    ),
  ],
  nav: [
    { to: '/agenda', label: 'Agenda', section: 'Accompagnement', capability: 'agenda' },
    { to: '/admin/salles', label: 'Salles', section: 'Administration', capability: 'administration' },
    {
      to: '/admin/modeles-messages',
      label: 'Modèles de messages',
      section: 'Administration',
      capability: 'administration',
    },
  ],
  home: {
    links: [
      {
        order: 15,
        to: '/agenda',
        label: 'Agenda',
        after: ' : vos rendez-vous de la semaine, les présences, les convocations',
        capability: 'agenda',
      },
    ],
  },
  fileTabs: [
    {
      key: 'rendez-vous',
      label: 'Rendez-vous',
      visible: (person) => person.can.readFile,
      component: lazyPage(() => import('./appointments.tab.tsx'), 'AppointmentsTab'),
    },
  ],
})
