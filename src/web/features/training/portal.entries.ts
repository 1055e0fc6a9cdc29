import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The training body's portal (docs/training/screens.md « Le conseiller et l’organisme de formation »): a partner
// account bound to a body sees its sessions and the people the department sent, and answers on each prescription.
const prescriptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/formation/organisme/prescriptions/$id',
  component: guarded(
    'trainingBodyPortal',
    lazyPage(() => import('./portal/prescription.page.tsx'), 'PortalPrescriptionPage'),
  ),
})

export const portalRoutes = [
  appPage(
    '/formation/organisme',
    lazyPage(() => import('./portal/portal.page.tsx'), 'PortalPage'),
    'trainingBodyPortal',
  ),
  prescriptionRoute,
] as const
export const portalNav: NavEntry[] = [
  {
    to: '/formation/organisme',
    label: 'Mes sessions de formation',
    section: 'Formation',
    capability: 'trainingBodyPortal',
  },
]
export const portalLinks: HomeLink[] = [
  {
    order: 55,
    to: '/formation/organisme',
    label: 'Mes sessions de formation',
    after:
      ' : les personnes prescrites par le département formation, leur présence, votre réponse, leur entrée et leur sortie',
    capability: 'trainingBodyPortal',
  },
]
export const portalCards: HomeCard[] = []
export const portalFileTabs: FileTab[] = []
