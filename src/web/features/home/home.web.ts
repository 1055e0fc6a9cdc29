import { createRoute, redirect } from '@tanstack/react-router'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { ProfileCard } from './home.cards.tsx'
import { HomePage } from './home.page.tsx'

// The home page per role (docs/home.md). Its page and the profile card are in the first load; the role's blocks are
// chunks of their own (each brings its queries), so a first visit shows the page at once and the blocks as they come.

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/accueil' })
  },
})

const counsellor = () => import('./counsellor.cards.tsx')
const reception = () => import('./reception.cards.tsx')
const director = () => import('./director.cards.tsx')

export const homeModule = defineWebModule({
  name: 'home',
  routes: [
    indexRoute,
    appPage('/accueil', HomePage),
    appPage(
      '/objectifs-sites',
      lazyPage(() => import('./site-objectives.page.tsx'), 'SiteObjectivesPage'),
      'siteObjectivesRead',
    ),
  ],
  nav: [{ to: '/accueil', label: 'Accueil' }],
  home: {
    links: [
      {
        order: 70,
        to: '/objectifs-sites',
        label: 'Objectifs des sites',
        after: ' : la cible de l’année de chaque site sur les chiffres clés',
        capability: 'siteObjectivesManage',
      },
    ],
    cards: [
      // reception ('arrivals' is reception's capability): who is this person, who is expected today
      { key: 'search', order: 10, width: 'full', capability: 'arrivals', component: lazyPage(reception, 'SearchCard') },
      {
        key: 'arrivals',
        order: 20,
        width: 'full',
        capability: 'arrivals',
        component: lazyPage(reception, 'ArrivalsCard'),
      },
      // counsellor
      {
        key: 'appointments',
        order: 10,
        width: 'half',
        capability: 'agendaBook',
        component: lazyPage(counsellor, 'AppointmentsCard'),
      },
      {
        key: 'alerts',
        order: 20,
        width: 'half',
        capability: 'referent',
        component: lazyPage(counsellor, 'AlertsCard'),
      },
      {
        key: 'reminders',
        order: 30,
        width: 'half',
        capability: 'referent',
        component: lazyPage(() => import('./reminders.card.tsx'), 'RemindersCard'),
      },
      {
        key: 'changes',
        order: 40,
        width: 'half',
        capability: 'recentChanges',
        component: lazyPage(() => import('./changes.card.tsx'), 'ChangesCard'),
      },
      // director (and the statistician's figures)
      {
        key: 'key-figures',
        order: 30,
        width: 'full',
        capability: 'keyFigures',
        component: lazyPage(director, 'KeyFiguresCard'),
      },
      {
        key: 'team-alerts',
        order: 40,
        width: 'full',
        capability: 'caseloadOfOthers',
        component: lazyPage(director, 'TeamAlertsCard'),
      },
      // everyone
      { key: 'profile', order: 900, component: ProfileCard },
    ],
  },
  // The file opens on its summary, for those who follow the person (the others open on the identity).
  fileTabs: [
    {
      key: 'synthese',
      label: 'Synthèse',
      visible: (person) => person.can.readFile,
      component: lazyPage(() => import('./summary.tab.tsx'), 'SummaryTab'),
    },
  ],
})
