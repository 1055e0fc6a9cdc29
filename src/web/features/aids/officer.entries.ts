import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The aids' screens of the daily work (docs/aids.md « Screens: the daily work »): the aid officer's worklist, a request
// with its decision and payments, the fund dashboards, the director's overview, the person file's « Aides » tab with
// the counsellor's request form, and the home blocks. Every page is loaded on demand.

const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aides/demandes/$id',
  component: guarded(
    'aidManage',
    lazyPage(() => import('./officer/request.page.tsx'), 'RequestPage'),
  ),
})
const fundDashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aides/fonds/$id',
  component: guarded(
    'aidWholeStructure',
    lazyPage(() => import('./officer/fund-dashboard.page.tsx'), 'FundDashboardPage'),
  ),
})

export const officerRoutes = [
  appPage(
    '/aides',
    lazyPage(() => import('./officer/worklist.page.tsx'), 'WorklistPage'),
    'aidManage',
  ),
  requestRoute,
  fundDashboardRoute,
  appPage(
    '/aides/synthese',
    lazyPage(() => import('./officer/overview.page.tsx'), 'OverviewPage'),
    'aidWholeStructure',
  ),
] as const

export const officerNav: NavEntry[] = [
  { to: '/aides', label: 'Aides à traiter', section: 'Aides financières', capability: 'aidManage' },
  { to: '/aides/synthese', label: 'Synthèse des fonds', section: 'Aides financières', capability: 'aidWholeStructure' },
]

export const officerLinks: HomeLink[] = [
  {
    order: 50,
    to: '/aides',
    label: 'Aides à traiter',
    after: ' : les urgences, les demandes à compléter, à décider, à payer et les justificatifs attendus',
    capability: 'aidManage',
  },
]

export const officerCards: HomeCard[] = [
  {
    key: 'aid-work',
    order: 20,
    width: 'half',
    capability: 'aidManage',
    component: lazyPage(() => import('./officer/home.cards.tsx'), 'AidWorkCard'),
  },
  {
    key: 'aid-funds',
    order: 46,
    width: 'half',
    capability: 'aidWholeStructure',
    component: lazyPage(() => import('./officer/home.cards.tsx'), 'FundsConsumptionCard'),
  },
]

export const officerFileTabs: FileTab[] = [
  {
    key: 'aides',
    label: 'Aides',
    capability: 'aidRequests',
    visible: (person) => person.can.readFile,
    component: lazyPage(() => import('./officer/aids.tab.tsx'), 'AidsTab'),
  },
]
