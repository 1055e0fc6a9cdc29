import { z } from 'zod'

/** letters, digits, spaces and . _ - ( ) : no path, no control character */
const safeFileName = /^[\p{L}\p{N} ._()-]*$/u

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
    .refine((v) => safeFileName.test(v), 'Nom de fichier invalide.')
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
