import { z } from 'zod'

// The person file's tabs and the state of each list, kept in the URL: the page and its tabs read them from here.
export const fileTabs = [
  'identite',
  'situation',
  'evenements',
  'propositions',
  'situations',
  'programmes',
  'notes',
] as const
export type FileTab = (typeof fileTabs)[number]

/** Which tab, and the state of its list, in the URL (?onglet=propositions&domain=social&page=2). */
export const fileSearchSchema = z.object({
  onglet: z.enum(fileTabs).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
  kind: z.string().max(40).optional().catch(undefined),
  domain: z.string().max(40).optional().catch(undefined),
  theme: z.string().max(60).optional().catch(undefined),
  /** the Situation tab's date */
  on: z.iso.date().optional().catch(undefined),
})
export type FileSearch = z.infer<typeof fileSearchSchema>
