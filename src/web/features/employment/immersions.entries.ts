import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the immersions screens of the employment module (docs/employment/screens.md), filled by the part that owns them
export const immersionsRoutes = [] as const
export const immersionsNav: NavEntry[] = []
export const immersionsLinks: HomeLink[] = []
export const immersionsCards: HomeCard[] = []
export const immersionsFileTabs: FileTab[] = []
