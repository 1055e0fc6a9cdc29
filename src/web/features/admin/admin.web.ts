import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { auditSearchSchema, usersSearchSchema } from './admin.search.ts'

// Every administration page is loaded when opened (or when a link to it is hovered): none is in the first load.
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/utilisateurs',
  validateSearch: (search) => usersSearchSchema.partial().parse(search),
  component: guarded(
    'administration',
    lazyPage(() => import('./users.page.tsx'), 'UsersPage'),
  ),
})
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/journal',
  validateSearch: (search) => auditSearchSchema.partial().parse(search),
  component: guarded(
    'audit',
    lazyPage(() => import('./audit.page.tsx'), 'AuditPage'),
  ),
})

export const adminModule = defineWebModule({
  name: 'admin',
  routes: [
    appPage(
      '/admin/structure',
      lazyPage(() => import('./structure.page.tsx'), 'StructurePage'),
      'administration',
    ),
    appPage(
      '/admin/sites',
      lazyPage(() => import('./sites.page.tsx'), 'SitesPage'),
      'administration',
    ),
    appPage(
      '/admin/programmes',
      lazyPage(() => import('./programmes.page.tsx'), 'ProgrammesPage'),
      'administration',
    ),
    appPage(
      '/admin/conventions',
      lazyPage(() => import('../objectives/objectives.page.tsx'), 'ObjectivesPage'),
      'objectivesRead',
    ),
    usersRoute,
    auditRoute,
  ],
  nav: [
    { to: '/admin/structure', label: 'Structure', section: 'Administration', capability: 'administration' },
    { to: '/admin/sites', label: 'Sites', section: 'Administration', capability: 'administration' },
    { to: '/admin/programmes', label: 'Programmes', section: 'Administration', capability: 'administration' },
    // the funders' agreements and their yearly objectives: kept by the admin, read by the director and the statistician
    {
      to: '/admin/conventions',
      label: 'Conventions et objectifs',
      section: 'Administration',
      capability: 'objectivesRead',
    },
    { to: '/admin/utilisateurs', label: 'Utilisateurs', section: 'Administration', capability: 'administration' },
    { to: '/admin/journal', label: "Journal d'audit", section: 'Administration', capability: 'audit' },
  ],
  // the file's own trail: who read it, who changed it (the director)
  fileTabs: [
    {
      key: 'journal',
      label: 'Journal',
      capability: 'personAudit',
      component: lazyPage(() => import('./person-audit.tab.tsx'), 'PersonAuditTab'),
    },
  ],
})
