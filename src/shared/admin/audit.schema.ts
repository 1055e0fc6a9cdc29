import { z } from 'zod'
import { auditEventSchema, pageOf, pageQuery } from './admin.schema.ts'

// One person's file in the audit trail (issue 10, "who viewed this file"): who read its sensitive fields, and every
// line about the person or one of their records, newest first.

export const personAuditParams = z.object({ personId: z.uuid('Identifiant invalide.') })
export const personAuditQuery = pageQuery

/**
 * One reader of the file: how many openings were written (at most one per quarter hour, persons/file-read.ts), how
 * many reads of its sensitive fields (statuses, resources, health propositions: each one), first and last.
 */
export const fileReaderSchema = z.object({
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  openings: z.number().int(),
  sensitiveReads: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
})
export type FileReader = z.infer<typeof fileReaderSchema>

export const personAuditSchema = pageOf(auditEventSchema).extend({
  person: z.object({ id: z.string(), name: z.string() }),
  /** most recent reader first */
  readers: z.array(fileReaderSchema),
})
export type PersonAudit = z.infer<typeof personAuditSchema>
