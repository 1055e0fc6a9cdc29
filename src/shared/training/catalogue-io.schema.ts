import { z } from 'zod'

// The catalogue's deletes (the version read) and its imports (LHEO and CSV files; docs/training/catalogue.md).

export const catalogueVersionQuery = z.object({
  version: z
    .string('Version requise.')
    .regex(/^\d{1,9}$/, 'Version invalide.')
    .transform(Number),
})

export const bodyUserParams = z.object({ id: z.uuid('Identifiant invalide.'), userId: z.uuid('Identifiant invalide.') })

export const catalogueImportQuery = z.object({
  /** check and count without writing */
  dryRun: z.enum(['true', 'false'], 'true ou false.').default('false'),
  /** the file's name, quoted in the errors (the browser sends the chosen file's) */
  file: z
    .string()
    .trim()
    .max(200, '200 caractères au plus.')
    .regex(/^[^/\\\u0000-\u001f]*$/, 'Nom de fichier invalide.')
    .optional(),
})

const counts = z.object({ created: z.number(), updated: z.number() })
export const catalogueImportResult = z.object({
  dryRun: z.boolean(),
  bodies: counts,
  actions: counts,
  sessions: counts,
})
export type CatalogueImportResult = z.infer<typeof catalogueImportResult>
