import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the portal screens of the training module (docs/training.md « Screens »), filled by the part that owns them
export const portalRoutes = [] as const
export const portalNav: NavEntry[] = []
export const portalLinks: HomeLink[] = []
export const portalCards: HomeCard[] = []
export const portalFileTabs: FileTab[] = []
