import { z } from 'zod'

// The statistics page's state in the URL, apart from the page so that the manifest validates it without loading the
// page's chunk (the page and its charts are loaded when the page is opened).

export const lastYear = new Date().getFullYear() - 1
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** The page's state in the URL, so a figure can be shared as a link. */
export const statisticsSearchSchema = z.object({
  indicator: z.string().max(80).catch('ml.youth_in_contact'),
  from: isoDate.catch(`${lastYear}-01-01`),
  to: isoDate.catch(`${lastYear}-12-31`),
  siteId: z.uuid().optional().catch(undefined),
  compare: z.coerce.number().int().min(1).max(5).catch(1),
  bySex: z.enum(['true']).optional().catch(undefined),
  public: z.enum(['true']).optional().catch(undefined),
})

export type StatisticsSearch = z.infer<typeof statisticsSearchSchema>
