import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the clauses screens of the employment module (docs/employment/screens.md), filled by the part that owns them
export const clausesRoutes = [] as const
export const clausesNav: NavEntry[] = []
export const clausesLinks: HomeLink[] = []
export const clausesCards: HomeCard[] = []
export const clausesFileTabs: FileTab[] = []
