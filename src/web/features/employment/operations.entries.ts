import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The recruitment operations and the candidate pools (docs/employment/operations.md): the operations with their live
// figures, a new operation, an operation with its funnel chart, sessions and applications; the pools and a pool with its
// members; the officer's home block « Opérations en cours ». Every page is loaded on demand. The operations' entry is
// every reader's (a counsellor positions her people there); the pools' the officer's.

const operationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/operations/$id',
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./operations/operation.page.tsx'), 'OperationPage'),
  ),
})
const poolRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/viviers/$id',
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./operations/pool.page.tsx'), 'PoolPage'),
  ),
})

export const operationsRoutes = [
  appPage(
    '/emploi/operations',
    lazyPage(() => import('./operations/operations.page.tsx'), 'OperationsPage'),
    'employmentRead',
  ),
  appPage(
    '/emploi/operations/nouvelle',
    lazyPage(() => import('./operations/operation-form.tsx'), 'NewOperationPage'),
    'employmentManage',
  ),
  appPage(
    '/emploi/viviers',
    lazyPage(() => import('./operations/pools.page.tsx'), 'PoolsPage'),
    'employmentRead',
  ),
  operationRoute,
  poolRoute,
] as const

export const operationsNav: NavEntry[] = [
  // every reader: the counsellor sees the operations (and her people's applications, to add one) as the director does
  { to: '/emploi/operations', label: 'Opérations de recrutement', section: 'Emploi', capability: 'employmentRead' },
  { to: '/emploi/viviers', label: 'Viviers', section: 'Emploi', capability: 'employmentManage' },
]
export const operationsLinks: HomeLink[] = []
export const operationsCards: HomeCard[] = [
  {
    key: 'employment-operations',
    order: 49,
    width: 'half',
    capability: 'employmentManage',
    component: lazyPage(() => import('./operations/home.cards.tsx'), 'RunningOperationsCard'),
  },
]
export const operationsFileTabs: FileTab[] = []
