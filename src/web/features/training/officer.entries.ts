import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the officer screens of the training module (docs/training.md « Screens »), filled by the part that owns them
export const officerRoutes = [] as const
export const officerNav: NavEntry[] = []
export const officerLinks: HomeLink[] = []
export const officerCards: HomeCard[] = []
export const officerFileTabs: FileTab[] = []
