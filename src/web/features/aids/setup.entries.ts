import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The aids' screens: the funds and envelopes, the commissions and contracts, the allowance's payment runs, the youth and holiday projects and the indirect aids (H5b). Being built: none yet.
export const setupRoutes = [] as const
export const setupNav: NavEntry[] = []
export const setupLinks: HomeLink[] = []
export const setupCards: HomeCard[] = []
export const setupFileTabs: FileTab[] = []
