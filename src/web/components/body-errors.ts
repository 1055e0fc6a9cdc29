import { schemaResolver } from '@mantine/form'
import type { z } from 'zod'

/**
 * A form's errors before it sends anything: the API's own schema applied to the body the form will send, its messages
 * keyed by the body's paths (`firstReception.date`), which are the form's field names when the form holds the body's
 * shape. Where it does not (a list sent as an array, edited as one field per item), `fieldOf` gives the form's field
 * for a body path: every message must land on a field the form shows, or the form would refuse without saying why.
 * The first message of a field wins.
 */
export function bodyErrors(
  schema: z.ZodType,
  body: unknown,
  fieldOf: (path: string) => string = (path) => path,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [path, message] of Object.entries(schemaResolver(schema, { sync: true })(body))) {
    const field = fieldOf(path)
    if (typeof message === 'string' && !errors[field]) errors[field] = message
  }
  return errors
}
