import { createRoute, redirect } from '@tanstack/react-router'
import { z } from 'zod'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, rootRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { meQuery } from './auth.api.ts'
import { SignInPage } from './sign-in.page.tsx'

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
  component: lazyPage(() => import('./new-password.page.tsx'), 'NewPasswordPage'),
})

export const authModule = defineWebModule({
  name: 'auth',
  publicRoutes: [signInRoute, newPasswordRoute],
  // the sign-in page is in the first load (where a signed-out visit lands); the profile and the new password are not
  routes: [
    appPage(
      '/profil',
      lazyPage(() => import('./profile.page.tsx'), 'ProfilePage'),
    ),
  ],
  nav: [{ to: '/profil', label: 'Mon profil', section: 'Mon compte' }],
})
