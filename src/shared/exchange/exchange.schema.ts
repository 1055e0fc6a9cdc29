import { z } from 'zod'
import { safeText } from '../primitives.ts'

// The import/export API (small bundles; the CLI streams big ones). Files are CSV text by file name (docs/import-format.md).

export const bundleFilesSchema = z
  .record(z.string().regex(/^[a-z0-9_]+\.csv$/, 'Nom de fichier invalide.'), safeText())
  .refine((files) => Object.keys(files).length > 0, 'Le lot ne contient aucun fichier.')

export const importRequestSchema = z.object({
  files: bundleFilesSchema,
  /** check only: nothing is recorded */
  dryRun: z.boolean().default(false),
})
export type ImportRequest = z.input<typeof importRequestSchema>

export const fileReportSchema = z.object({
  file: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
})

/** Imported, but worth a look (no person the annual report would count, a former commune…): French, like the errors. */
export const importWarningSchema = z.object({
  /** file:line:column, as the errors' `field` (empty: the bundle as a whole) */
  field: z.string(),
  message: z.string(),
})

export const importResponseSchema = z.object({
  structureId: z.string(),
  dryRun: z.boolean(),
  files: z.array(fileReportSchema),
  warnings: z.array(importWarningSchema),
})
export type ImportResponse = z.infer<typeof importResponseSchema>

export const exportResponseSchema = z.object({ files: z.record(z.string(), z.string()) })
export type ExportResponse = z.infer<typeof exportResponseSchema>
