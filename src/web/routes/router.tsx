import type { QueryClient } from '@tanstack/react-query'
import { createRouter, type ErrorComponentProps } from '@tanstack/react-router'
import { webModules } from '../modules.ts'
import { routesOf } from '../web-module.ts'
import { ErrorPage, Forbidden } from './errors.tsx'
import { appPage, appRoute, rootRoute } from './root.tsx'

// The route tree, built from the list of modules: each declares its pages in its manifest (`<module>.web.ts`).

const forbiddenRoute = appPage('/acces-refuse', Forbidden)
const modules = routesOf(webModules)

const routeTree = rootRoute.addChildren([...modules.public, appRoute.addChildren([forbiddenRoute, ...modules.app])])

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
