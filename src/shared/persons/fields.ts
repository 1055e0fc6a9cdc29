import { z } from 'zod'
import { DATE_RANGE_MESSAGE, FIRST_DAY, LAST_DAY, NO_SUCH_DAY_MESSAGE } from '../primitives.ts'

// Fields of the person file's contracts that tell a missing value from a wrong one. A form sends what the user left
// empty as null, '' or nothing; the schema then says what to fill in ("Indiquez le sexe.") rather than that the value
// is malformed ("Sexe : F ou M."), which is what an API client sending a bad code reads.

const absent = (input: unknown) => input === undefined || input === null || input === ''

/**
 * A required calendar day ('yyyy-mm-dd'), as calendarDate (primitives.ts) checks it: `missing` when absent or empty,
 * `format` when malformed.
 */
export const requiredDate = (format: string, missing: string) =>
  z.iso
    .date({
      error: (issue) =>
        absent(issue.input)
          ? missing
          : typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issue.input)
            ? NO_SUCH_DAY_MESSAGE
            : format,
      abort: true,
    })
    .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, { message: DATE_RANGE_MESSAGE, abort: true })

/** One code of a list: `missing` when absent or empty, `unknown` when not on the list. */
export const requiredChoice = <const T extends readonly [string, ...string[]]>(
  codes: T,
  missing: string,
  unknown: string,
) => z.enum(codes, { error: (issue) => (absent(issue.input) ? missing : unknown) })

/**
 * Runs a rule between fields (an end after its start…) as soon as those fields are valid, even when others are not,
 * so a form shows every message at once: `superRefine(rule, whenValid(dateFields))`.
 */
export const whenValid = (fields: z.ZodType) => ({
  when: (payload: { value: unknown }) => fields.safeParse(payload.value).success,
})
