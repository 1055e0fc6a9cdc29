import { type Capability, can, type Role } from '../../shared/auth/roles.ts'

export interface NavItem {
  to: string
  label: string
  /** section heading in the navigation */
  section?: string
  /** who sees the entry; absent = every signed-in user */
  capability?: Capability
}

/** The navigation, as data: adding a feature is one line here (and its route). */
export const navItems: NavItem[] = [
  { to: '/accueil', label: 'Accueil' },
  { to: '/personnes', label: 'Personnes', section: 'Accompagnement', capability: 'persons' },
  { to: '/portefeuille', label: 'Mon portefeuille', section: 'Accompagnement', capability: 'caseload' },
  { to: '/statistiques', label: 'Statistiques', section: 'Pilotage', capability: 'statistics' },
  { to: '/admin/sites', label: 'Sites', section: 'Administration', capability: 'administration' },
  { to: '/admin/programmes', label: 'Programmes', section: 'Administration', capability: 'administration' },
  { to: '/admin/utilisateurs', label: 'Utilisateurs', section: 'Administration', capability: 'administration' },
  { to: '/admin/journal', label: "Journal d'audit", section: 'Administration', capability: 'audit' },
  { to: '/profil', label: 'Mon profil', section: 'Mon compte' },
]

export function navFor(role: Role): NavItem[] {
  return navItems.filter((item) => !item.capability || can(role, item.capability))
}
