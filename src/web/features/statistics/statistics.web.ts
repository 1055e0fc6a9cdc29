import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { StatisticsPage, statisticsSearchSchema } from './statistics.page.tsx'

const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistiques',
  validateSearch: (search) => statisticsSearchSchema.partial().parse(search),
  component: guarded('statistics', StatisticsPage),
})

export const statisticsModule = defineWebModule({
  name: 'statistics',
  routes: [statisticsRoute],
  nav: [{ to: '/statistiques', label: 'Statistiques', section: 'Pilotage', capability: 'statistics' }],
})
