import fc from 'fast-check'

// Test support: random writes of every kind the Mission Locale's facts read (applied by facts.apply.ts).

/** a day from 01/07/2007 to 30/06/2010: before, inside and after the built years 2008 and 2009 */
export const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => new Date(Date.UTC(2007, 6, 1) + n * 86_400_000).toISOString().slice(0, 10))

export type Op =
  | { op: 'person'; s: boolean; sex: 'F' | 'M'; birth: number; site: boolean; reception: string | null; ml: string }
  | { op: 'personUpdate'; i: number; what: number; sex: 'F' | 'M'; birth: number; reception: string | null }
  | { op: 'personDelete'; i: number }
  | { op: 'event'; i: number; date: string; absent: boolean }
  | { op: 'eventUpdate'; i: number; date: string | null; absent: boolean }
  | { op: 'eventsShift'; i: number; days: number }
  | { op: 'eventDelete'; i: number }
  | { op: 'attribute'; i: number; kind: number; value: number; date: string }
  | { op: 'attributeUpdate'; i: number; value: number; date: string }
  | { op: 'attributeDelete'; i: number }
  | { op: 'enrolment'; i: number; programme: number; entry: string; exit: string | null; reinforced: boolean }
  | { op: 'enrolmentUpdate'; i: number; entry: string; exit: string | null; programme: number }
  | { op: 'enrolmentDelete'; i: number }
  | { op: 'proposition'; i: number; theme: number; date: string; others: number }
  | { op: 'propositionUpdate'; i: number; theme: number; date: string }
  | { op: 'propositionsDelete'; from: string; days: number }
  | { op: 'situation'; i: number; kind: number; date: string }
  | { op: 'situationUpdate'; i: number; kind: number; date: string }
  | { op: 'situationDelete'; i: number }
  | { op: 'programmeType'; type: 'civis' | 'cej' }
  | { op: 'crowd'; n: number; date: string }

const i = fc.nat(1000)
/** one write of any kind the facts read */
export const writeOps: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('crowd' as const), n: fc.integer({ min: 40, max: 80 }), date: day }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('person' as const),
      s: fc.boolean(),
      sex: fc.constantFrom('F' as const, 'M' as const),
      birth: fc.integer({ min: 1982, max: 1994 }),
      site: fc.boolean(),
      reception: fc.option(day),
      ml: day,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('personUpdate' as const),
      i,
      what: fc.nat(5),
      sex: fc.constantFrom('F' as const, 'M' as const),
      birth: fc.integer({ min: 1982, max: 1994 }),
      reception: fc.option(day),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('personDelete' as const), i }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('event' as const), i, date: day, absent: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('eventUpdate' as const), i, date: fc.option(day), absent: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('eventsShift' as const), i, days: fc.integer({ min: -200, max: 200 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('eventDelete' as const), i }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('attribute' as const), i, kind: fc.nat(), value: fc.nat(), date: day }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('attributeUpdate' as const), i, value: fc.nat(), date: day }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('attributeDelete' as const), i }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('enrolment' as const),
      i,
      programme: fc.nat(2),
      entry: day,
      exit: fc.option(day),
      reinforced: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('enrolmentUpdate' as const),
      i,
      entry: day,
      exit: fc.option(day),
      programme: fc.nat(2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('enrolmentDelete' as const), i }) },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('proposition' as const), i, theme: fc.nat(), date: day, others: fc.nat(3) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('propositionUpdate' as const), i, theme: fc.nat(), date: day }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('propositionsDelete' as const),
      from: day,
      days: fc.integer({ min: 1, max: 60 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('situation' as const), i, kind: fc.nat(), date: day }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('situationUpdate' as const), i, kind: fc.nat(), date: day }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('situationDelete' as const), i }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('programmeType' as const),
      type: fc.constantFrom('civis' as const, 'cej' as const),
    }),
  },
)
