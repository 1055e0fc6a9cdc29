import { z } from 'zod'
import { roleSchema } from '../../../shared/auth/roles.ts'

// The URL state of the administration's lists, apart from their pages so that the manifest validates it without
// loading the pages' chunks.

/** The list's state lives in the URL (?page=2&role=counsellor…), so it survives a reload and can be shared. */
export const usersSearchSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(25),
  q: z.string().optional().catch(undefined),
  role: roleSchema.optional().catch(undefined),
  active: z.enum(['true', 'false']).optional().catch(undefined),
  sort: z.enum(['displayName', 'email', 'role', 'createdAt']).catch('displayName'),
  order: z.enum(['asc', 'desc']).catch('asc'),
})
const isoDate = z.iso.date().optional().catch(undefined)
const text = z.string().trim().max(60).optional().catch(undefined)
export const auditSearchSchema = z.object({
  page: z.coerce.number().int().min(1).catch(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(50),
  actorId: z.uuid().optional().catch(undefined),
  action: text,
  entity: text,
  entityId: text,
  from: isoDate,
  to: isoDate,
})
