import { defineWebModule } from '../../web-module.ts'
import { officerCards, officerFileTabs, officerLinks, officerNav, officerRoutes } from './officer.entries.ts'
import { setupCards, setupFileTabs, setupLinks, setupNav, setupRoutes } from './setup.entries.ts'

// The financial aids' screens (docs/aids.md, « Screens »), in two lists: the daily work (officer.entries.ts) and the
// configuration, commissions, allowance runs and projects (setup.entries.ts). Every page is loaded on demand.
export const aidsModule = defineWebModule({
  name: 'aids',
  routes: [...officerRoutes, ...setupRoutes],
  nav: [...officerNav, ...setupNav],
  home: { links: [...officerLinks, ...setupLinks], cards: [...officerCards, ...setupCards] },
  fileTabs: [...officerFileTabs, ...setupFileTabs],
})
