import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The training department's screens (docs/training/screens.md « Le département formation »): the training officer's
// worklist, a prescription with the department's decision and the answers recorded on the body's behalf, the
// catalogue (sessions, actions, bodies and their partner accounts), a session with its places, the catalogue's import,
// and the home block. Every page is loaded on demand.

const prescriptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/formation/prescriptions/$id',
  component: guarded(
    'trainingManage',
    lazyPage(() => import('./officer/prescription.page.tsx'), 'PrescriptionPage'),
  ),
})
const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/formation/sessions/$id',
  component: guarded(
    'trainingCatalogue',
    lazyPage(() => import('./officer/session.page.tsx'), 'SessionPage'),
  ),
})

export const officerRoutes = [
  appPage(
    '/formation',
    lazyPage(() => import('./officer/worklist.page.tsx'), 'WorklistPage'),
    'trainingManage',
  ),
  appPage(
    '/formation/catalogue',
    lazyPage(() => import('./officer/catalogue.page.tsx'), 'CataloguePage'),
    'trainingCatalogue',
  ),
  appPage(
    '/formation/import',
    lazyPage(() => import('./officer/import.page.tsx'), 'ImportPage'),
    'trainingSetup',
  ),
  prescriptionRoute,
  sessionRoute,
] as const

export const officerNav: NavEntry[] = [
  { to: '/formation', label: 'Prescriptions à traiter', section: 'Formation', capability: 'trainingManage' },
  { to: '/formation/catalogue', label: 'Catalogue', section: 'Formation', capability: 'trainingCatalogue' },
  { to: '/formation/import', label: 'Import du catalogue', section: 'Formation', capability: 'trainingSetup' },
]

export const officerLinks: HomeLink[] = [
  {
    order: 52,
    to: '/formation',
    label: 'Prescriptions à traiter',
    after: ' : les demandes à valider, les compléments attendus, les réponses des organismes en retard',
    capability: 'trainingManage',
  },
]

export const officerCards: HomeCard[] = [
  {
    key: 'training-work',
    order: 22,
    width: 'half',
    capability: 'trainingManage',
    component: lazyPage(() => import('./officer/home.cards.tsx'), 'TrainingWorkCard'),
  },
]

export const officerFileTabs: FileTab[] = []
