import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the counsellor screens of the training module (docs/training.md « Screens »), filled by the part that owns them
export const counsellorRoutes = [] as const
export const counsellorNav: NavEntry[] = []
export const counsellorLinks: HomeLink[] = []
export const counsellorCards: HomeCard[] = []
export const counsellorFileTabs: FileTab[] = []
