import fc from 'fast-check'
import type { z } from 'zod'

// Inputs for the generated-input test (generated-input.test.ts): hostile values, and payloads that look valid (built
// from a route's zod schema) so that a mutation of one or two fields reaches the service and the database.

/** Values that broke, or could break, a route: text PostgreSQL refuses, dates out of its range, numbers out of int4. */
export const hostileValues: readonly unknown[] = [
  '\u0000',
  'Du\u0000pont',
  '\uD800',
  'Jean\uDFFF',
  '\uDBFF\uDBFF',
  '0000-01-01',
  '9999-12-31',
  '10000-01-01',
  '2026-02-30',
  '2025-02-29',
  '1899-12-31',
  '2101-01-01',
  '2026-13-01',
  '2026-1-1',
  '+002026-01-01',
  '2026-01-01T00:00:00Z',
  2147483648,
  2147483647,
  -2147483649,
  2 ** 53,
  2 ** 53 - 1,
  -(2 ** 53),
  1e308,
  -1e308,
  1.5,
  -1,
  0,
  5e-324,
  '',
  ' ',
  'x'.repeat(10_000),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  "' OR 1=1 --",
  '%00',
  '../../etc/passwd',
  '1e400',
  'NaN',
  null,
  true,
  false,
  [],
  {},
  [null],
  { '\u0000': 1 },
  JSON.parse('{"__proto__":{"polluted":1}}'),
]

/** Strings with NUL, lone surrogates, right-to-left marks and accents among ordinary characters. */
export const hostileString = fc.string({
  unit: fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', 'é', '%', "'", '\\') },
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }) },
  ),
  maxLength: 40,
})

export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileValues) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
)

/** Any JSON value, its strings hostile. */
export const anyJson = fc.jsonValue({
  maxDepth: 3,
  stringUnit: fc.oneof(
    fc.constantFrom('\u0000', '\uD800', '\uDC00'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
  ),
})

/** Real rows of the test's structure, so that valid-looking payloads name things that exist. */
export interface KnownIds {
  siteId: string
  programmeId: string
  counsellorId: string
  agreementId: string
  /** any other id */
  pool: string[]
  /** values for keys no schema describes well enough (the CSV files of an import) */
  byKey: Record<string, unknown>
}

type Def = {
  type: string
  format?: string
  innerType?: z.ZodType
  in?: z.ZodType
  element?: z.ZodType
  shape?: Record<string, z.ZodType>
  entries?: Record<string, string>
  values?: unknown[]
  options?: z.ZodType[]
  coerce?: boolean
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def

const byKey: Record<string, fc.Arbitrary<unknown>> = {
  email: fc.constantFrom('fuzz@example.fr', 'a.b@test.jalon.fr'),
  phone: fc.constantFrom('06 12 34 56 78', '+33 6 12 34 56 78'),
  postcode: fc.constant('75001'),
  communeCode: fc.constantFrom('75056', '2A004'),
  code: fc.constantFrom('FUZZ_1', '123456'),
  token: fc.constant('t'.repeat(43)),
  attribute: fc.constant('housing'),
  level2019: fc.constant(null),
  password: fc.constant('correct-horse-battery-staple'),
  currentPassword: fc.constant('correct-horse-battery-staple'),
  newPassword: fc.constant('un mot de passe bien long'),
  version: fc.constant(1),
  year: fc.constantFrom(2026, 2025),
  page: fc.constantFrom(1, 2),
  pageSize: fc.constantFrom(25, 200),
  compare: fc.constantFrom(1, 3),
  durationMinutes: fc.constantFrom(30, null),
  hoursPerWeek: fc.constantFrom(35, null),
  contactDays: fc.constantFrom(30, null),
  contactDaysDuringStep: fc.constantFrom(60, null),
  target: fc.constantFrom(10, 0),
  birthDate: fc.constantFrom('2005-04-12', '1990-01-01'),
  from: fc.constant('2026-01-01'),
  to: fc.constant('2026-12-31'),
  periodStart: fc.constant('2026-01-01'),
  periodEnd: fc.constant('2026-12-31'),
  lastName: fc.constantFrom('Dupont', 'Lefèvre'),
  firstName: fc.constantFrom('Léa', 'Jean'),
  q: fc.constantFrom('Dupont', 'Lé'),
  value: fc.constant('with_parents'),
}

/** A payload that satisfies the schema's shape (not always its refinements): every key, values of the right type. */
export function validLooking(schema: z.ZodType, ids: KnownIds, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  if (key in ids.byKey) return fc.constant(ids.byKey[key])
  if (key in byKey && !['object', 'array', 'enum'].includes(def.type)) return byKey[key]
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return validLooking(def.innerType!, ids, key)
    case 'pipe':
      return validLooking(def.in!, ids, key)
    case 'object':
      return fc.record(
        Object.fromEntries(Object.entries(def.shape!).map(([k, v]) => [k, validLooking(v, ids, k)])),
      ) as fc.Arbitrary<unknown>
    case 'array':
      return /Ids$|Codes$/.test(key)
        ? fc.array(validLooking(def.element!, ids, key.replace(/s$/, '')), { minLength: 1, maxLength: 2 })
        : fc.constant([])
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!))
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]))
    case 'union':
      return validLooking(def.options![0]!, ids, key)
    case 'boolean':
      return fc.boolean()
    case 'number':
      return fc.integer({ min: 1, max: 20 })
    case 'record':
      return fc.constant({})
    case 'string':
      if (def.format === 'uuid') return uuidFor(key, ids)
      if (def.format === 'date') return fc.constant('2026-03-01')
      if (def.format === 'email') return byKey.email!
      return fc.constantFrom('Texte', 'Atelier CV')
    default:
      return fc.constant(null)
  }
}

function uuidFor(key: string, ids: KnownIds): fc.Arbitrary<unknown> {
  if (/^site/.test(key)) return fc.constant(ids.siteId)
  if (/^programme/.test(key)) return fc.constant(ids.programmeId)
  if (/^(referent|counsellor|actor)/.test(key)) return fc.constant(ids.counsellorId)
  if (/^agreement/.test(key)) return fc.constant(ids.agreementId)
  return fc.constantFrom(...ids.pool)
}

/** Every path of a JSON value (objects and arrays included), the root excepted. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? [...value.entries()]
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : []
  for (const [k, v] of children) {
    out.push([...prefix, k])
    pathsOf(v, [...prefix, k], out)
  }
  return out
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement
  const [head, ...rest] = path
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, replacement) : v))
  const obj = value as Record<string, unknown>
  return { ...obj, [head as string]: setAt(obj[head as string], rest, replacement) }
}

const isCsv = (v: unknown): v is string => typeof v === 'string' && v.includes('\n') && v.includes(',')

/** The CSV text with one data cell replaced (quoted as CSV quotes it). */
function withCell(csv: string, n: number, value: unknown): string {
  const lines = csv.split('\n')
  const row = 1 + (n % Math.max(1, lines.length - 2))
  const cells = (lines[row] ?? '').split(',')
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
  cells[n % cells.length] = `"${text.replaceAll('"', '""')}"`
  lines[row] = cells.join(',')
  return lines.join('\n')
}

/**
 * A valid-looking payload with one or two of its fields replaced by hostile values or values of another type (in a
 * CSV file of the payload: one of its cells).
 */
export function mutated(schema: z.ZodType, ids: KnownIds): fc.Arbitrary<unknown> {
  return fc
    .record({
      base: validLooking(schema, ids),
      picks: fc.array(fc.tuple(fc.nat(), fc.oneof({ weight: 4, arbitrary: hostile }, anyJson)), {
        minLength: 1,
        maxLength: 2,
      }),
    })
    .map(({ base, picks }) => {
      let out = base
      for (const [n, replacement] of picks) {
        const paths = pathsOf(out)
        if (paths.length === 0) {
          out = replacement
          continue
        }
        const path = paths[n % paths.length]!
        const current = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], out)
        out = setAt(out, path, isCsv(current) ? withCell(current, n, replacement) : replacement)
      }
      return out
    })
}

/**
 * A URL component as a hostile client would send it: well-formed text percent-encoded as UTF-8, lone surrogates as
 * the three bytes a careless encoder writes for them (WTF-8).
 */
export function encodeLoosely(s: string): string {
  let out = ''
  for (const unit of s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) ?? []) {
    const c = unit.charCodeAt(0)
    if (unit.length === 1 && c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    else out += encodeURIComponent(unit)
  }
  return out
}

/** A query string from a value: an object's keys and values (arrays repeat the key), anything else as one value. */
export function queryString(value: unknown): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `?q=${encodeLoosely(text(value))}`
  const parts: string[] = []
  for (const [k, v] of Object.entries(value))
    for (const item of Array.isArray(v) ? v : [v])
      if (item !== undefined) parts.push(`${encodeLoosely(k)}=${encodeLoosely(text(item))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}
