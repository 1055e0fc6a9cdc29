import { z } from 'zod'
import { qualityRuleIdSchema } from '../../../shared/quality/quality.schema.ts'

/** The page's state in the URL (?siteId=…&regle=no_contact&page=2): a wrong value read as none. */
export const qualitySearchSchema = z.object({
  siteId: z.uuid().optional().catch(undefined),
  counsellorId: z.uuid().optional().catch(undefined),
  /** the rule whose files are listed */
  regle: qualityRuleIdSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(200).optional().catch(undefined),
})
export type QualitySearch = z.infer<typeof qualitySearchSchema>
