import { createRoute, redirect } from '@tanstack/react-router'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { ProgrammesCard, RoleCard, SitesCard } from './home.cards.tsx'
import { HomePage } from './home.page.tsx'

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/accueil' })
  },
})

export const homeModule = defineWebModule({
  name: 'home',
  routes: [indexRoute, appPage('/accueil', HomePage)],
  nav: [{ to: '/accueil', label: 'Accueil' }],
  home: {
    cards: [
      { key: 'role', order: 10, component: RoleCard },
      { key: 'sites', order: 20, component: SitesCard },
      { key: 'programmes', order: 30, component: ProgrammesCard },
    ],
  },
})
