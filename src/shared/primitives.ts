import { z } from 'zod'

// The building blocks of every input contract: text the database can store, real calendar days in the range the
// application handles, and integers that fit the int4 columns. Used by the server (which also applies the text rule
// to every request, see src/server/http/route.ts) and by the web forms alike.

// Text ------------------------------------------------------------------------------------------------------------

export const FORBIDDEN_CHARACTER_MESSAGE = 'Caractère interdit (caractère nul ou caractère Unicode incomplet).'
const BAD_KEY_MESSAGE = 'Nom de champ invalide : caractère nul ou caractère Unicode incomplet.'

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one (code units: no u flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/
/**
 * Text PostgreSQL can store and every tool can read: no NUL character (PostgreSQL refuses it) and no lone surrogate
 * (half of a UTF-16 pair, which is no character at all and cannot be encoded in UTF-8).
 */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s)

/** A string that refuses NUL and lone surrogates; chain .trim(), .min(), .max(), .regex() as on z.string(). */
export const safeText = (message?: string) =>
  z.string(message).refine(isStorableText, { message: FORBIDDEN_CHARACTER_MESSAGE, abort: true })

export interface TextProblem {
  path: (string | number)[]
  message: string
}

/**
 * Every string of a parsed request (body, query string, route parameters), keys included, that is not storable text,
 * with its path. Walks plain objects and arrays only (what JSON and the query-string parser produce).
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = [], out: TextProblem[] = []) {
  if (out.length >= 20) return out
  if (typeof value === 'string') {
    if (!isStorableText(value)) out.push({ path, message: FORBIDDEN_CHARACTER_MESSAGE })
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) findUnstorableText(item, [...path, i], out)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key))
        out.push({ path: [...path, JSON.stringify(key).slice(1, -1)], message: BAD_KEY_MESSAGE })
      else findUnstorableText(item, [...path, key], out)
    }
  }
  return out
}

// Dates -----------------------------------------------------------------------------------------------------------

/** The calendar days the application handles (birth dates of the oldest persons to planned appointments). */
export const FIRST_DAY = '1900-01-01'
export const LAST_DAY = '2100-12-31'
export const DATE_RANGE_MESSAGE = 'Date entre le 01/01/1900 et le 31/12/2100.'
export const NO_SUCH_DAY_MESSAGE = 'Cette date n’existe pas dans le calendrier.'

/**
 * A real calendar day as 'yyyy-mm-dd' (2026-02-30 and 0000-01-01 are refused) between FIRST_DAY and LAST_DAY.
 * z.iso.date checks the month lengths and leap years; the range keeps out years PostgreSQL refuses (0000) and years
 * that are typing mistakes (20260).
 */
export const calendarDate = (message = 'Date au format AAAA-MM-JJ.') =>
  z.iso
    .date({
      error: (issue) =>
        typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issue.input) ? NO_SUCH_DAY_MESSAGE : message,
      abort: true,
    })
    .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, { message: DATE_RANGE_MESSAGE, abort: true })

// Numbers ---------------------------------------------------------------------------------------------------------

/** The largest value of a PostgreSQL integer (int4) column. */
export const INT4_MAX = 2_147_483_647

/** A whole number that fits an int4 column, 0 or more. */
export const int4 = (message = 'Nombre entier attendu.') =>
  z.number(message).int(message).min(0, 'Nombre positif attendu.').max(INT4_MAX, 'Nombre trop grand.')

/**
 * The version of a row read by the client (db/versioning.ts): an int4 column, from 1 up. An update writes the version
 * read + 1, so the largest int4 itself is refused (its successor would not fit the column).
 */
export const versionSchema = z
  .number('Version requise.')
  .int('Version invalide.')
  .min(1, 'Version invalide.')
  .max(INT4_MAX - 1, 'Version invalide.')

// Lists -----------------------------------------------------------------------------------------------------------

/** No value twice (a list stored as rows with a unique key would fail on the second). */
export const distinct = (list: readonly unknown[]): boolean => new Set(list).size === list.length

// Time zones ------------------------------------------------------------------------------------------------------

let zoneNames: readonly string[] | undefined
/**
 * The IANA time zones this runtime knows (`Intl.supportedValuesOf`), sorted, with UTC (which the list leaves out):
 * the choices of the structure's setting. Built on first use.
 */
export function timeZoneNames(): readonly string[] {
  zoneNames ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort()
  return zoneNames
}
let zoneSet: ReadonlySet<string> | undefined
export function isTimeZone(name: string): boolean {
  zoneSet ??= new Set(timeZoneNames())
  return zoneSet.has(name)
}

/** An IANA time zone name, spelt exactly as the list spells it ('Europe/Paris', 'America/Cayenne', 'Indian/Reunion'). */
export const timeZoneSchema = safeText('Fuseau horaire requis.').refine(isTimeZone, {
  message: 'Fuseau horaire inconnu : un nom de la liste IANA, par exemple Europe/Paris ou Indian/Reunion.',
})

// Money -----------------------------------------------------------------------------------------------------------

/**
 * The largest amount the application takes, in cents: 9 999 999,99 €. Far above any aid or budget line of a
 * structure, and it fits an int4 column, so an amount is stored as `integer` cents.
 */
export const MAX_CENTS = 999_999_999

/** An amount of money: whole cents, 0 or more (never a float of euros: 0,1 + 0,2 must be 0,30). */
export const cents = (message = 'Montant en centimes attendu.') =>
  z.number(message).int(message).min(0, 'Montant positif attendu.').max(MAX_CENTS, 'Montant trop grand.')
