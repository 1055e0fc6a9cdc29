import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule, type FileTab, type HomeCard, type HomeLink, type NavEntry } from '../../web-module.ts'

// The PLIE's screens (docs/plie.md, "Screens"): the committees, the proposals waiting for one, the person file's « PLIE »
// tab. Every page is loaded on demand (not in the first load).
//
// The entries are plain lists that other PLIE screens (plie-setup/, partner/) append to: add your routes to `routes`,
// your navigation entries to `nav`, and so on, below the counsellor's and the committee's.
const committeeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plie/comites/$id',
  component: guarded(
    'plieCommittees',
    lazyPage(() => import('./committee.page.tsx'), 'CommitteePage'),
  ),
})

const routes = [
  appPage(
    '/plie/comites',
    lazyPage(() => import('./committees.page.tsx'), 'CommitteesPage'),
    'plieCommittees',
  ),
  committeeRoute,
  appPage(
    '/plie/propositions',
    lazyPage(() => import('./proposals.page.tsx'), 'ProposalsPage'),
    'plieCommittees',
  ),
] as const

const nav: NavEntry[] = [
  { to: '/plie/comites', label: 'Comités', section: 'PLIE', capability: 'plieCommittees' },
  { to: '/plie/propositions', label: 'Propositions', section: 'PLIE', capability: 'plieCommittees' },
]

const links: HomeLink[] = []
const cards: HomeCard[] = []

const fileTabs: FileTab[] = [
  {
    key: 'plie',
    label: 'PLIE',
    capability: 'pliePathways',
    visible: (person) => person.can.readFile,
    component: lazyPage(() => import('./plie.tab.tsx'), 'PlieTab'),
  },
]

export const plieModule = defineWebModule({
  name: 'plie',
  routes,
  nav,
  home: { links, cards },
  fileTabs,
})
