import type { QueryClient } from '@tanstack/react-query'
import {
  createRootRouteWithContext,
  createRoute,
  type ErrorComponentProps,
  Outlet,
  redirect,
} from '@tanstack/react-router'
import type { Capability } from '../../shared/auth/roles.ts'
import { AppLayout } from '../components/app-layout.tsx'
import { meQuery } from '../features/auth/auth.api.ts'
import { FullPageError, NotFound } from './errors.tsx'
import { guarded, type PageComponent } from './guard.tsx'

// The two routes every module hangs its pages from. Kept apart from router.tsx (which reads the list of modules) so
// that a module's manifest can name its parent route without an import cycle.

export interface RouterContext {
  queryClient: QueryClient
}

/** Parent of the pages reached signed out (sign-in, the new-password link). */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: ({ error }: ErrorComponentProps) => <FullPageError error={error} />,
})

/** Every page behind sign-in hangs from this pathless layout. */
export const appRoute = createRoute({
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

/**
 * A page of the signed-in layout without URL state; with a capability, other roles get the "access denied" page. A page
 * outside the first load is `lazyPage(() => import('./x.page.tsx'), 'XPage')` (docs/MODULES.md).
 */
export const appPage = <P extends string>(path: P, component: PageComponent, capability?: Capability) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: capability ? guarded(capability, component) : component,
  })
