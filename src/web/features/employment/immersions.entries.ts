import { createRoute } from '@tanstack/react-router'
import { z } from 'zod'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The immersions screens of the employment module (docs/employment/immersions.md « Screens »): the list with its
// filters, the agreement's form (from the person file: ?personId=), one immersion with its PDF, signature, assessment
// and outcome, a programme's figures per module; the person file's « Immersions » tab; the nav and home links. Every
// page is loaded on demand.

const listSearch = z.object({
  status: z.string().optional().catch(undefined),
  programmeId: z.string().optional().catch(undefined),
  moduleNumber: z.coerce.number().int().optional().catch(undefined),
})
const listRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/immersions',
  validateSearch: (search) => listSearch.parse(search),
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./immersions/immersions.page.tsx'), 'ImmersionsPage'),
  ),
})
const newRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/immersions/nouvelle',
  validateSearch: (search) => z.object({ personId: z.string().optional().catch(undefined) }).parse(search),
  component: guarded(
    'employmentPosition',
    lazyPage(() => import('./immersions/immersion-new.page.tsx'), 'NewImmersionPage'),
  ),
})
const immersionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/immersions/$id',
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./immersions/immersion.page.tsx'), 'ImmersionPage'),
  ),
})
const programmeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/immersions/programmes/$id',
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./immersions/programme.page.tsx'), 'ProgrammePage'),
  ),
})

export const immersionsRoutes = [listRoute, newRoute, immersionRoute, programmeRoute] as const

export const immersionsNav: NavEntry[] = [
  { to: '/emploi/immersions', label: 'Immersions', section: 'Emploi', capability: 'employmentWholeStructure' },
]

export const immersionsLinks: HomeLink[] = [
  {
    order: 57,
    to: '/emploi/immersions',
    label: 'Immersions en entreprise',
    after: ' : les conventions de mes jeunes à signer, en cours, à évaluer',
    capability: 'referent',
  },
  {
    order: 58,
    to: '/emploi/immersions',
    label: 'Immersions',
    after: ' : les conventions à signer, les évaluations et les suites, les programmes par module',
    capability: 'employmentManage',
  },
]

export const immersionsCards: HomeCard[] = []

export const immersionsFileTabs: FileTab[] = [
  {
    key: 'immersions',
    label: 'Immersions',
    capability: 'employmentRead',
    visible: (person) => person.can.readFile,
    component: lazyPage(() => import('./immersions/immersions.tab.tsx'), 'ImmersionsTab'),
  },
]
