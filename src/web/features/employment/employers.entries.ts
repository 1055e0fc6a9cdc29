import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The employers' screens (docs/employment/employers.md « Screens »): the list with its search and the SIRENE import,
// « Nouvelle entreprise » (SIRET first), a company's file (identity, contacts, interactions, history). Read by the
// director, the counsellors and the employment officer (employmentRead); written by the officer (employmentManage).

const employerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/entreprises/$id',
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./employers/employer.page.tsx'), 'EmployerPage'),
  ),
})

export const employersRoutes = [
  appPage(
    '/emploi/entreprises',
    lazyPage(() => import('./employers/employers.page.tsx'), 'EmployersPage'),
    'employmentRead',
  ),
  appPage(
    '/emploi/entreprises/nouvelle',
    lazyPage(() => import('./employers/employer-new.page.tsx'), 'EmployerNewPage'),
    'employmentManage',
  ),
  employerRoute,
] as const

/** the officer and the director (employmentWholeStructure); a counsellor reaches a company from an offer */
export const employersNav: NavEntry[] = [
  { to: '/emploi/entreprises', label: 'Entreprises', section: 'Emploi', capability: 'employmentWholeStructure' },
]

export const employersLinks: HomeLink[] = [
  {
    order: 61,
    to: '/emploi/entreprises',
    label: 'Entreprises',
    after: ' : les fiches des entreprises, leurs contacts et chaque échange, l’import SIRENE',
    capability: 'employmentManage',
  },
]
export const employersCards: HomeCard[] = []
export const employersFileTabs: FileTab[] = []
