import { createRoute } from '@tanstack/react-router'
import { can } from '../../../shared/auth/roles.ts'
import { guarded } from '../../routes/guard.tsx'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { sitesQuery } from '../admin/admin.api.ts'
import { caseloadQuery } from './caseload.api.ts'
import { CaseloadPage, caseloadSearchSchema } from './caseload.page.tsx'

const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portefeuille',
  validateSearch: (search) => caseloadSearchSchema.partial().parse(search),
  // The page's data is asked as soon as the route loads, not after the page has rendered: on a slow line or a busy
  // machine the rows come sooner (bench/web-load.ts). Not awaited: the page shows its loader meanwhile, as before.
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    const params = caseloadSearchSchema.parse(deps)
    if (can(context.me.role, 'referent') || params.counsellorId)
      void context.queryClient.prefetchQuery(caseloadQuery(params))
    void context.queryClient.prefetchQuery(sitesQuery)
  },
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
