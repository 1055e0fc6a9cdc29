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
  // the PLIE's setup (admin, director) and the partner's page (plie-setup/, partner/)
  appPage(
    '/plie/structures',
    lazyPage(() => import('./plie-setup/organisations.page.tsx'), 'OrganisationsPage'),
    'plieSetup',
  ),
  appPage(
    '/plie/communes',
    lazyPage(() => import('./plie-setup/communes.page.tsx'), 'CommunesPage'),
    'plieSetup',
  ),
  appPage(
    '/plie/financements',
    lazyPage(() => import('./plie-setup/funding.page.tsx'), 'FundingPage'),
    'plieSetup',
  ),
  appPage(
    '/plie/partenaire',
    lazyPage(() => import('./partner/partner.page.tsx'), 'PartnerPage'),
    'pliePartner',
  ),
] as const

const nav: NavEntry[] = [
  { to: '/plie/comites', label: 'Comités', section: 'PLIE', capability: 'plieCommittees' },
  { to: '/plie/propositions', label: 'Propositions', section: 'PLIE', capability: 'plieCommittees' },
  { to: '/plie/structures', label: 'Structures et partenaires', section: 'PLIE', capability: 'plieSetup' },
  { to: '/plie/communes', label: 'Communes membres', section: 'PLIE', capability: 'plieSetup' },
  { to: '/plie/financements', label: 'Financements', section: 'PLIE', capability: 'plieSetup' },
  // a partner account sees this page and nothing else of the PLIE
  { to: '/plie/partenaire', label: 'Mes participants', section: 'PLIE', capability: 'pliePartner' },
]

const links: HomeLink[] = [
  {
    order: 10,
    to: '/plie/partenaire',
    label: 'Mes participants',
    after:
      ' : les personnes qui ont une étape dans votre structure, leurs étapes et les sorties qui vous sont créditées',
    capability: 'pliePartner',
  },
]
const cards: HomeCard[] = [
  // the director's PLIE block: the year to date against the protocol's objectives
  {
    key: 'plie-year',
    order: 45,
    width: 'half',
    capability: 'keyFigures',
    component: lazyPage(() => import('./plie-setup/plie-year.card.tsx'), 'PlieYearCard'),
  },
]

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
