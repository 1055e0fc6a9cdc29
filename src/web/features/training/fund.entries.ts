import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The professionalisation fund's screens (docs/training/fund.md): the year with its envelope, key figures and plans,
// a plan with the committee's decision, its reimbursement and cancellation, and the training officer's home block.
// Every page is loaded on demand.

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/formation/fonds/plans/$id',
  component: guarded(
    'profFundRead',
    lazyPage(() => import('./fund/plan.page.tsx'), 'PlanPage'),
  ),
})

export const fundRoutes = [
  appPage(
    '/formation/fonds',
    lazyPage(() => import('./fund/fund.page.tsx'), 'FundPage'),
    'profFundRead',
  ),
  planRoute,
] as const

export const fundNav: NavEntry[] = [
  { to: '/formation/fonds', label: 'Fonds de professionnalisation', section: 'Formation', capability: 'profFundRead' },
]
export const fundLinks: HomeLink[] = []
export const fundCards: HomeCard[] = [
  {
    key: 'training-fund',
    order: 47,
    width: 'third',
    capability: 'profFundManage',
    component: lazyPage(() => import('./fund/home.cards.tsx'), 'FundConsumptionCard'),
  },
]
export const fundFileTabs: FileTab[] = []
