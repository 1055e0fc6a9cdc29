import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the employers screens of the employment module (docs/employment/screens.md), filled by the part that owns them
export const employersRoutes = [] as const
export const employersNav: NavEntry[] = []
export const employersLinks: HomeLink[] = []
export const employersCards: HomeCard[] = []
export const employersFileTabs: FileTab[] = []
