import { createRoute } from '@tanstack/react-router'
import { guarded } from '../../routes/guard.tsx'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { AuditPage, auditSearchSchema } from './audit.page.tsx'
import { ProgrammesPage } from './programmes.page.tsx'
import { SitesPage } from './sites.page.tsx'
import { StructurePage } from './structure.page.tsx'
import { UsersPage, usersSearchSchema } from './users.page.tsx'

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/utilisateurs',
  validateSearch: (search) => usersSearchSchema.partial().parse(search),
  component: guarded('administration', UsersPage),
})
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/journal',
  validateSearch: (search) => auditSearchSchema.partial().parse(search),
  component: guarded('audit', AuditPage),
})

export const adminModule = defineWebModule({
  name: 'admin',
  routes: [
    appPage('/admin/structure', StructurePage, 'administration'),
    appPage('/admin/sites', SitesPage, 'administration'),
    appPage('/admin/programmes', ProgrammesPage, 'administration'),
    usersRoute,
    auditRoute,
  ],
  nav: [
    { to: '/admin/structure', label: 'Structure', section: 'Administration', capability: 'administration' },
    { to: '/admin/sites', label: 'Sites', section: 'Administration', capability: 'administration' },
    { to: '/admin/programmes', label: 'Programmes', section: 'Administration', capability: 'administration' },
    { to: '/admin/utilisateurs', label: 'Utilisateurs', section: 'Administration', capability: 'administration' },
    { to: '/admin/journal', label: "Journal d'audit", section: 'Administration', capability: 'audit' },
  ],
})
