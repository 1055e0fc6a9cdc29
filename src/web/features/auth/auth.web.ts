import { createRoute, redirect } from '@tanstack/react-router'
import { z } from 'zod'
import { appPage, rootRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { meQuery } from './auth.api.ts'
import { NewPasswordPage } from './new-password.page.tsx'
import { ProfilePage } from './profile.page.tsx'
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
  component: NewPasswordPage,
})

export const authModule = defineWebModule({
  name: 'auth',
  publicRoutes: [signInRoute, newPasswordRoute],
  routes: [appPage('/profil', ProfilePage)],
  nav: [{ to: '/profil', label: 'Mon profil', section: 'Mon compte' }],
})
