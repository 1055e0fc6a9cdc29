import './styles/first-load.ts'
import './app.css'
import 'dayjs/locale/fr'
import '../shared/zod-fr.ts'
import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import dayjs from 'dayjs'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { isApiError } from './api.ts'
import { meQuery } from './features/auth/auth.api.ts'
import { webModules } from './modules.ts'
import { loadAllStyles } from './routes/lazy.ts'
import { buildRouter } from './routes/router.tsx'
import { cssVariablesResolver, theme } from './theme.ts'
import { WebModulesContext } from './web-module.ts'

dayjs.locale('fr')

/** A 401 on any request while signed in means the session ended: forget the user, the layout sends to sign-in. */
function onError(error: unknown) {
  if (isApiError(error) && error.status === 401 && queryClient.getQueryData(meQuery.queryKey)) {
    queryClient.setQueryData(meQuery.queryKey, null)
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
})

const router = buildRouter(queryClient)
// Once the first page is shown and its data is there, the styles of every other page (routes/lazy.ts), before anyone
// opens one: not earlier, where they would share the line with the page's own requests.
const afterFirstPage = router.subscribe('onResolved', () => {
  afterFirstPage()
  let quiet: ReturnType<typeof setTimeout> | undefined
  const whenQuiet = () => {
    clearTimeout(quiet)
    if (queryClient.isFetching() > 0) return
    // a page's queries start just after it mounts: wait for a moment without any
    quiet = setTimeout(() => {
      if (queryClient.isFetching() > 0) return
      stopWatching()
      void loadAllStyles()
    }, 300)
  }
  const stopWatching = queryClient.getQueryCache().subscribe(whenQuiet)
  whenQuiet()
})

const root = document.getElementById('root')
if (!root) throw new Error('#root missing from index.html')

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1 }}>
        <QueryClientProvider client={queryClient}>
          <WebModulesContext.Provider value={webModules}>
            <RouterProvider router={router} />
          </WebModulesContext.Provider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
)
