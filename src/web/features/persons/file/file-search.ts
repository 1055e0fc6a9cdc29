import { z } from 'zod'

/** `?onglet=` values: what a module's tab key (file-tab.ts) must look like. */
export const FILE_TAB_KEY = /^[a-z][a-z-]{0,39}$/

/**
 * Which tab, and the state of its list, in the URL (?onglet=propositions&domain=social&page=2). The tabs come from the
 * modules (file-tab.ts): the page falls back to the first tab when `onglet` names none this reader has.
 */
export const fileSearchSchema = z.object({
  onglet: z.string().regex(FILE_TAB_KEY).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
  kind: z.string().max(40).optional().catch(undefined),
  domain: z.string().max(40).optional().catch(undefined),
  theme: z.string().max(60).optional().catch(undefined),
  /** the Situation tab's date */
  on: z.iso.date().optional().catch(undefined),
})
export type FileSearch = z.infer<typeof fileSearchSchema>
