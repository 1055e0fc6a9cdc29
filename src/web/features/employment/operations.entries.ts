import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the operations screens of the employment module (docs/employment/screens.md), filled by the part that owns them
export const operationsRoutes = [] as const
export const operationsNav: NavEntry[] = []
export const operationsLinks: HomeLink[] = []
export const operationsCards: HomeCard[] = []
export const operationsFileTabs: FileTab[] = []
