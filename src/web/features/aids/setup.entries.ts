import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The aids' screens of the configuration and the commissions (docs/aids.md « Screens: configuration, commissions,
// allowance, projects »): the funds and envelopes, the commissions and the reinforced aid's contracts, the allowance's
// monthly payment runs, the youth and holiday projects with the indirect aids. Every page is loaded on demand.

const commissionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/aides/commissions/$id',
  component: guarded(
    'aidWholeStructure',
    lazyPage(() => import('./setup/commission.page.tsx'), 'CommissionPage'),
  ),
})

export const setupRoutes = [
  // who sets the funds up changes them; who reads the requests reads the funds (the page says who may do what)
  appPage(
    '/aides/fonds',
    lazyPage(() => import('./setup/funds.page.tsx'), 'FundsPage'),
  ),
  appPage(
    '/aides/commissions',
    lazyPage(() => import('./setup/commissions.page.tsx'), 'CommissionsPage'),
    'aidWholeStructure',
  ),
  commissionRoute,
  appPage(
    '/aides/allocation',
    lazyPage(() => import('./setup/allowance.page.tsx'), 'AllowancePage'),
    'aidManage',
  ),
  appPage(
    '/aides/projets',
    lazyPage(() => import('./setup/projects.page.tsx'), 'ProjectsPage'),
    'aidWholeStructure',
  ),
] as const

const section = 'Aides financières'
export const setupNav: NavEntry[] = [
  // the same page for the aid officer (reads the funds and their envelopes) and for who sets them up
  { to: '/aides/fonds', label: 'Fonds et enveloppes', section, capability: 'aidManage' },
  { to: '/aides/fonds', label: 'Fonds et enveloppes', section, capability: 'aidSetup' },
  { to: '/aides/commissions', label: 'Commissions', section, capability: 'aidWholeStructure' },
  { to: '/aides/allocation', label: 'Allocation CIVIS / CEJ', section, capability: 'aidManage' },
  { to: '/aides/projets', label: 'Projets de jeunes', section, capability: 'aidWholeStructure' },
]
export const setupLinks: HomeLink[] = []
export const setupCards: HomeCard[] = []
export const setupFileTabs: FileTab[] = []
