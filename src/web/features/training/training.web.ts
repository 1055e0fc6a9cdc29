import { defineWebModule } from '../../web-module.ts'
import {
  counsellorCards,
  counsellorFileTabs,
  counsellorLinks,
  counsellorNav,
  counsellorRoutes,
} from './counsellor.entries.ts'
import { fundCards, fundFileTabs, fundLinks, fundNav, fundRoutes } from './fund.entries.ts'
import { officerCards, officerFileTabs, officerLinks, officerNav, officerRoutes } from './officer.entries.ts'
import { portalCards, portalFileTabs, portalLinks, portalNav, portalRoutes } from './portal.entries.ts'

// The training screens (docs/training/, « Screens »), in four lists: the department's worklist and catalogue
// (officer.entries.ts), the counsellor's prescriptions in the person file (counsellor.entries.ts), the training
// body's portal (portal.entries.ts) and the professionalisation fund (fund.entries.ts). Every page is loaded on demand.
export const trainingModule = defineWebModule({
  name: 'training',
  routes: [...officerRoutes, ...counsellorRoutes, ...portalRoutes, ...fundRoutes],
  nav: [...officerNav, ...counsellorNav, ...portalNav, ...fundNav],
  home: {
    links: [...officerLinks, ...counsellorLinks, ...portalLinks, ...fundLinks],
    cards: [...officerCards, ...counsellorCards, ...portalCards, ...fundCards],
  },
  fileTabs: [...officerFileTabs, ...counsellorFileTabs, ...portalFileTabs, ...fundFileTabs],
})
