import { defineWebModule } from '../../web-module.ts'
import { clausesCards, clausesFileTabs, clausesLinks, clausesNav, clausesRoutes } from './clauses.entries.ts'
import {
  employersCards,
  employersFileTabs,
  employersLinks,
  employersNav,
  employersRoutes,
} from './employers.entries.ts'
import {
  immersionsCards,
  immersionsFileTabs,
  immersionsLinks,
  immersionsNav,
  immersionsRoutes,
} from './immersions.entries.ts'
import { offersCards, offersFileTabs, offersLinks, offersNav, offersRoutes } from './offers.entries.ts'
import {
  operationsCards,
  operationsFileTabs,
  operationsLinks,
  operationsNav,
  operationsRoutes,
} from './operations.entries.ts'

// The employment screens (docs/employment/screens.md), one list per part: employers (employers.entries.ts), offers,
// candidates, hires and follow-ups with the counsellor's view and the person file's « Emploi » tab (offers.entries.ts),
// recruitment operations and pools (operations.entries.ts), immersions (immersions.entries.ts) and the procurement
// clauses (clauses.entries.ts). Every page is loaded on demand. The navigation starts with the officer's dashboard
// and the offers (offers.entries.ts), then the companies.
export const employmentModule = defineWebModule({
  name: 'employment',
  routes: [...employersRoutes, ...offersRoutes, ...operationsRoutes, ...immersionsRoutes, ...clausesRoutes],
  nav: [...offersNav, ...employersNav, ...operationsNav, ...immersionsNav, ...clausesNav],
  home: {
    links: [...employersLinks, ...offersLinks, ...operationsLinks, ...immersionsLinks, ...clausesLinks],
    cards: [...employersCards, ...offersCards, ...operationsCards, ...immersionsCards, ...clausesCards],
  },
  fileTabs: [...employersFileTabs, ...offersFileTabs, ...operationsFileTabs, ...immersionsFileTabs, ...clausesFileTabs],
})
