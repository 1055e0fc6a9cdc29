import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// placeholder: the fund screens of the training module (docs/training.md « Screens »), filled by the part that owns them
export const fundRoutes = [] as const
export const fundNav: NavEntry[] = []
export const fundLinks: HomeLink[] = []
export const fundCards: HomeCard[] = []
export const fundFileTabs: FileTab[] = []
