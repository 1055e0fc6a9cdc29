import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { qualitySearchSchema } from './quality.search.ts'

const qualityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/qualite',
  validateSearch: (search) => qualitySearchSchema.parse(search),
  component: guarded(
    'quality',
    lazyPage(() => import('./quality.page.tsx'), 'QualityPage'),
  ),
})

/** Data quality (docs/quality.md): the charter's rules, the files to fix, the trend. */
export const qualityModule = defineWebModule({
  name: 'quality',
  routes: [qualityRoute],
  nav: [{ to: '/qualite', label: 'Qualité des données', section: 'Pilotage', capability: 'quality' }],
  home: {
    links: [
      {
        order: 50,
        to: '/qualite',
        label: 'Qualité des données',
        after: ' : les dossiers à compléter selon la charte de saisie',
        capability: 'qualityFiles',
      },
    ],
  },
})
