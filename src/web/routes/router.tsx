import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import { z } from 'zod'
import type { Capability } from '../../shared/auth/roles.ts'
import { AppLayout } from '../components/app-layout.tsx'
import { AuditPage, auditSearchSchema } from '../features/admin/audit.page.tsx'
import { ProgrammesPage } from '../features/admin/programmes.page.tsx'
import { SitesPage } from '../features/admin/sites.page.tsx'
import { UsersPage, usersSearchSchema } from '../features/admin/users.page.tsx'
import { meQuery } from '../features/auth/auth.api.ts'
import { NewPasswordPage } from '../features/auth/new-password.page.tsx'
import { ProfilePage } from '../features/auth/profile.page.tsx'
import { SignInPage } from '../features/auth/sign-in.page.tsx'
import { CaseloadPage, caseloadSearchSchema } from '../features/caseload/caseload.page.tsx'
import { HomePage } from '../features/home/home.page.tsx'
import { CreatePersonPage } from '../features/persons/create.page.tsx'
import { fileSearchSchema, PersonFilePage } from '../features/persons/file.page.tsx'
import { PersonSearchPage, personSearchSchema } from '../features/persons/search.page.tsx'
import { StatisticsPage, statisticsSearchSchema } from '../features/statistics/statistics.page.tsx'
import { ErrorPage, Forbidden, FullPageError, NotFound } from './errors.tsx'
import { guarded } from './guard.tsx'

export interface RouterContext {
  queryClient: QueryClient
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: ({ error }: ErrorComponentProps) => <FullPageError error={error} />,
})

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/connexion',
  validateSearch: z.object({ redirect: z.string().optional().catch(undefined) }),
  beforeLoad: async ({ context }) => {
    if (await context.queryClient.ensureQueryData(meQuery)) throw redirect({ to: '/accueil' })
  },
  component: SignInPage,
})

/** Reached from the one-time link of a password reset (the token is in the #fragment), signed in or not. */
const newPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mot-de-passe/nouveau',
  component: NewPasswordPage,
})

/** Every page behind sign-in hangs from this pathless layout. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery)
    if (!me) throw redirect({ to: '/connexion', search: { redirect: location.href } })
    return { me }
  },
  component: AppLayout,
  errorComponent: ({ error }: ErrorComponentProps) => <FullPageError error={error} />,
})

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/accueil' })
  },
})

const page = <P extends string>(path: P, component: () => React.ReactNode, capability?: Capability) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: capability ? guarded(capability, component) : component,
  })

const homeRoute = page('/accueil', HomePage)
const profileRoute = page('/profil', ProfilePage)
const sitesRoute = page('/admin/sites', SitesPage, 'administration')
const programmesRoute = page('/admin/programmes', ProgrammesPage, 'administration')
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/utilisateurs',
  validateSearch: (search) => usersSearchSchema.partial().parse(search),
  component: guarded('administration', UsersPage),
})
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/journal',
  validateSearch: (search) => auditSearchSchema.partial().parse(search),
  component: guarded('audit', AuditPage),
})
const forbiddenRoute = page('/acces-refuse', Forbidden)
const statisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/statistiques',
  validateSearch: (search) => statisticsSearchSchema.partial().parse(search),
  component: guarded('statistics', StatisticsPage),
})
const personSearchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes',
  validateSearch: (search) => personSearchSchema.partial().parse(search),
  component: guarded('persons', PersonSearchPage),
})
const personCreateRoute = page('/personnes/nouvelle', CreatePersonPage, 'personCreate')
const personFileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes/$id',
  validateSearch: (search) => fileSearchSchema.parse(search),
  component: guarded('persons', PersonFilePage),
})
const caseloadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/portefeuille',
  validateSearch: (search) => caseloadSearchSchema.partial().parse(search),
  component: guarded('caseload', CaseloadPage),
})

const routeTree = rootRoute.addChildren([
  signInRoute,
  newPasswordRoute,
  appRoute.addChildren([
    indexRoute,
    homeRoute,
    profileRoute,
    sitesRoute,
    programmesRoute,
    usersRoute,
    auditRoute,
    forbiddenRoute,
    statisticsRoute,
    personSearchRoute,
    personCreateRoute,
    personFileRoute,
    caseloadRoute,
  ]),
])

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultErrorComponent: ({ error }: ErrorComponentProps) => <ErrorPage error={error} />,
    notFoundMode: 'root',
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>
  }
}
