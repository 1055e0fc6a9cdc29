import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The procurement social clauses (docs/employment/clauses.md): the facilitator's dashboard (required vs done hours by
// operation and by company, chart and table), an operation with its lots, participants, contracts and statements,
// the import of a company's statement and the authority's PDF; the facilitator's home block (this year's hours, last
// month's statements missing). Every page is loaded on demand.

const clauseOperationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/clauses/$id',
  component: guarded(
    'clausesRead',
    lazyPage(() => import('./clauses/operation.page.tsx'), 'ClauseOperationPage'),
  ),
})

export const clausesRoutes = [
  appPage(
    '/emploi/clauses',
    lazyPage(() => import('./clauses/dashboard.page.tsx'), 'ClausesDashboardPage'),
    'clausesRead',
  ),
  clauseOperationRoute,
] as const
export const clausesNav: NavEntry[] = [
  { to: '/emploi/clauses', label: 'Clauses sociales', section: 'Emploi', capability: 'clausesRead' },
]
export const clausesLinks: HomeLink[] = []
export const clausesCards: HomeCard[] = [
  {
    key: 'employment-clauses',
    order: 51,
    width: 'half',
    capability: 'clausesManage',
    component: lazyPage(() => import('./clauses/home.cards.tsx'), 'ClausesHomeCard'),
  },
]
export const clausesFileTabs: FileTab[] = []
