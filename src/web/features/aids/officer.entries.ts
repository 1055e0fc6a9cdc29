import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The aids' screens: the aid officer's worklist, decisions and payments, the fund dashboards, the director's overview, the person file's « Aides » tab and the counsellor's request form (H5a). Being built: none yet.
export const officerRoutes = [] as const
export const officerNav: NavEntry[] = []
export const officerLinks: HomeLink[] = []
export const officerCards: HomeCard[] = []
export const officerFileTabs: FileTab[] = []
