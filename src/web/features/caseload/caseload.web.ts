import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { CaseloadPage, caseloadSearchSchema } from './caseload.page.tsx'

const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portefeuille',
  validateSearch: (search) => caseloadSearchSchema.partial().parse(search),
  component: guarded('caseload', CaseloadPage),
})

export const caseloadModule = defineWebModule({
  name: 'caseload',
  routes: [caseloadRoute],
  nav: [{ to: '/portefeuille', label: 'Mon portefeuille', section: 'Accompagnement', capability: 'caseload' }],
  home: {
    links: [
      {
        order: 10,
        to: '/portefeuille',
        label: 'Mon portefeuille',
        after: ' : les personnes que vous suivez et les alertes de contact',
        capability: 'caseload',
      },
    ],
  },
})
