import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { statisticsSearchSchema } from './statistics.search.ts'

const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistiques',
  validateSearch: (search) => statisticsSearchSchema.partial().parse(search),
  // the page and its charts are a chunk of their own, fetched when the page is opened (or a link to it is hovered)
  component: guarded(
    'statistics',
    lazyPage(() => import('./statistics.page.tsx'), 'StatisticsPage'),
  ),
})

export const statisticsModule = defineWebModule({
  name: 'statistics',
  routes: [statisticsRoute],
  nav: [{ to: '/statistiques', label: 'Statistiques', section: 'Pilotage', capability: 'statistics' }],
})
