import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the offers screens of the employment module (docs/employment/screens.md), filled by the part that owns them
export const offersRoutes = [] as const
export const offersNav: NavEntry[] = []
export const offersLinks: HomeLink[] = []
export const offersCards: HomeCard[] = []
export const offersFileTabs: FileTab[] = []
