import type { AnyRoute } from '@tanstack/react-router'
import { type ComponentType, createContext, useContext } from 'react'
import type { Me } from '../shared/auth/auth.schema.ts'
import { type Capability, can, type Role } from '../shared/auth/roles.ts'
import type { PersonDetail } from '../shared/persons/person.schema.ts'
import type { FileTab } from './features/persons/file/file-tab.ts'

// The shape of a module of the web app (docs/MODULES.md): each feature folder declares itself once in
// `<module>.web.ts`, src/web/modules.ts lists them, and the router, the navigation, the home page and the person file
// read that list. Nothing here knows any module by name.

export type { FileTab, FileTabProps } from './features/persons/file/file-tab.ts'

/** An entry of the main navigation. */
export interface NavEntry {
  to: string
  label: string
  /** section heading in the navigation; sections come in the order they first appear in the module list */
  section?: string
  /** who sees the entry; absent = every signed-in user */
  capability?: Capability
}

/** A line of the home page's "Accès rapides": a link and the words after it. */
export interface HomeLink {
  /** place among the quick links of every module, smallest first */
  order: number
  to: string
  label: string
  /** the rest of the sentence, after the link (starts with its space or punctuation) */
  after: string
  capability?: Capability
}

/** A card of the home page's grid. */
export interface HomeCard {
  key: string
  /** place among the cards of every module, smallest first */
  order: number
  component: ComponentType<{ me: Me }> & { preload?: () => Promise<void> | undefined }
  capability?: Capability
  /** its share of the grid's row on a desktop: a third (default), half, or the full width (a table) */
  width?: 'third' | 'half' | 'full'
}

export interface WebModule<
  R extends readonly AnyRoute[] = readonly AnyRoute[],
  P extends readonly AnyRoute[] = readonly AnyRoute[],
> {
  name: string
  /** pages of the signed-in layout: routes whose parent is `appRoute` (routes/root.tsx) */
  routes: R
  /** pages reached signed out: routes whose parent is `rootRoute` */
  publicRoutes: P
  nav: readonly NavEntry[]
  home: { links: readonly HomeLink[]; cards: readonly HomeCard[] }
  fileTabs: readonly FileTab[]
}

interface ModuleDeclaration<R, P> {
  name: string
  routes?: R
  publicRoutes?: P
  nav?: readonly NavEntry[]
  home?: { links?: readonly HomeLink[]; cards?: readonly HomeCard[] }
  fileTabs?: readonly FileTab[]
}

/** A module's manifest: what it omits is empty. Its routes keep their own types, so links stay checked by the router. */
export function defineWebModule<const R extends readonly AnyRoute[] = [], const P extends readonly AnyRoute[] = []>(
  declaration: ModuleDeclaration<R, P>,
): WebModule<R, P> {
  return {
    name: declaration.name,
    routes: declaration.routes ?? ([] as unknown as R),
    publicRoutes: declaration.publicRoutes ?? ([] as unknown as P),
    nav: declaration.nav ?? [],
    home: { links: declaration.home?.links ?? [], cards: declaration.home?.cards ?? [] },
    fileTabs: declaration.fileTabs ?? [],
  }
}

/** Every module's routes, in list order, each keeping its own type (a plain flatMap would widen them to unknown). */
export function routesOf<const M extends readonly WebModule[]>(modules: M) {
  return {
    app: modules.flatMap((m) => m.routes) as M[number]['routes'][number][],
    public: modules.flatMap((m) => m.publicRoutes) as M[number]['publicRoutes'][number][],
  }
}

const allowed = (role: Role) => (item: { capability?: Capability }) => !item.capability || can(role, item.capability)
const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order

/** The navigation this role sees, in the order of the module list. */
export const navFor = (modules: readonly WebModule[], role: Role): NavEntry[] =>
  modules.flatMap((m) => m.nav).filter(allowed(role))

export const homeLinksFor = (modules: readonly WebModule[], role: Role): HomeLink[] =>
  modules
    .flatMap((m) => m.home.links)
    .filter(allowed(role))
    .sort(byOrder)

export const homeCardsFor = (modules: readonly WebModule[], role: Role): HomeCard[] =>
  modules
    .flatMap((m) => m.home.cards)
    .filter(allowed(role))
    .sort(byOrder)

/**
 * The tabs of this person's file for the signed-in reader; the first is the default one. A tab that names a capability
 * needs the reader's role (without one, such tabs are left out).
 */
export const fileTabsFor = (modules: readonly WebModule[], person: PersonDetail, role?: Role): FileTab[] =>
  modules
    .flatMap((m) => m.fileTabs)
    .filter(
      (tab) =>
        (!tab.capability || (role !== undefined && can(role, tab.capability))) && (!tab.visible || tab.visible(person)),
    )

/** The list of modules, given once by main.tsx: the pages that gather entries from every module read it here. */
export const WebModulesContext = createContext<readonly WebModule[] | null>(null)

export function useWebModules(): readonly WebModule[] {
  const modules = useContext(WebModulesContext)
  if (!modules) throw new Error('useWebModules() outside WebModulesContext (main.tsx)')
  return modules
}
