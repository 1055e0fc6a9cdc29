import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The offers screens of the employment module (docs/employment/screens.md « Offres, candidats, embauches et suivis »):
// the employment officer's home « Emploi » (/emploi), the offers and the shared offer form, an offer with its candidates
// and matching list, the hires' follow-ups; the counsellor's « Offres pour mes jeunes »; the person file's « Emploi »
// tab; the home blocks. Every page is loaded on demand.

const offerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/offres/$id',
  component: guarded(
    'employmentRead',
    lazyPage(() => import('./offers/offer.page.tsx'), 'OfferPage'),
  ),
})
const editOfferRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/emploi/offres/$id/modifier',
  component: guarded(
    'employmentManage',
    lazyPage(() => import('./offers/offer-edit.page.tsx'), 'EditOfferPage'),
  ),
})

export const offersRoutes = [
  appPage(
    '/emploi',
    lazyPage(() => import('./offers/worklist.page.tsx'), 'EmploymentWorklistPage'),
    'employmentWholeStructure',
  ),
  appPage(
    '/emploi/offres',
    lazyPage(() => import('./offers/offers.page.tsx'), 'OffersPage'),
    'employmentRead',
  ),
  appPage(
    '/emploi/offres/nouvelle',
    lazyPage(() => import('./offers/offer-edit.page.tsx'), 'NewOfferPage'),
    'employmentManage',
  ),
  appPage(
    '/emploi/suivis',
    lazyPage(() => import('./offers/follow-ups.page.tsx'), 'FollowUpsPage'),
    'employmentManage',
  ),
  offerRoute,
  editOfferRoute,
] as const

export const offersNav: NavEntry[] = [
  { to: '/emploi', label: 'Tableau de bord emploi', section: 'Emploi', capability: 'employmentWholeStructure' },
  { to: '/emploi/offres', label: 'Offres d’emploi', section: 'Emploi', capability: 'employmentWholeStructure' },
  { to: '/emploi/suivis', label: 'Suivis des embauches', section: 'Emploi', capability: 'employmentManage' },
  // the counsellor (a referent): the offers broadcast to her sites
  { to: '/emploi/offres', label: 'Offres pour mes jeunes', section: 'Emploi', capability: 'referent' },
]

export const offersLinks: HomeLink[] = [
  {
    order: 54,
    to: '/emploi',
    label: 'Tableau de bord emploi',
    after: ' : les suivis d’embauche à faire, les candidats à relancer, les offres ouvertes',
    capability: 'employmentManage',
  },
  {
    order: 56,
    to: '/emploi/offres',
    label: 'Offres pour mes jeunes',
    after: ' : les offres diffusées sur mes sites et les personnes qui y correspondent',
    capability: 'referent',
  },
]

export const offersCards: HomeCard[] = [
  {
    key: 'employment-work',
    order: 48,
    width: 'half',
    capability: 'employmentWholeStructure',
    component: lazyPage(() => import('./offers/home.cards.tsx'), 'EmploymentWorkCard'),
  },
  {
    key: 'employment-counsellor',
    order: 35,
    capability: 'referent',
    component: lazyPage(() => import('./offers/home.cards.tsx'), 'CounsellorEmploymentCard'),
  },
]

export const offersFileTabs: FileTab[] = [
  {
    key: 'emploi',
    label: 'Emploi',
    capability: 'employmentRead',
    component: lazyPage(() => import('./offers/employment.tab.tsx'), 'EmploymentTab'),
  },
]
