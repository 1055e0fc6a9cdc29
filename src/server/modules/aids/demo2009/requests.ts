import { expand } from '../../../demo/random.ts'
import { type Day, day, END_2009, nextOpenDay } from '../../../demo/year2009/days.ts'
import type { AidPaymentMode, AidTrack } from '../aids.tables.ts'
import { PLAN_2009 } from './funds.ts'
import { intersect, type Window } from './pick.ts'
import { addPayment, addRequest, type Build, spread } from './rows.ts'

// The individual aids of the 2009 data set: the FIPJ's direct aids (March–December 2009), the FDAJ's requests of 2008
// and 2009 on their three tracks (the reinforced ones decided by the monthly commission, with their contract and its
// instalments), and the CIVIS allowance's monthly requests with the monthly payment runs.

const FIPJ_WINDOW: Window = { from: day(2009, 3, 1), to: END_2009 }
const YEAR = (y: number): Window => ({ from: day(y, 1, 1), to: day(y, 12, 31) })
const after = (b: Build, d: Day, min: number, max: number) => Math.min(nextOpenDay(d + b.r.int(min, max)), END_2009)

const FIPJ_MODE: Record<string, AidPaymentMode> = {
  meals: 'meal_vouchers',
  transport: 'transport_vouchers',
  clothing: 'third_party',
  accommodation: 'third_party',
  training: 'third_party',
}

/** the FIPJ's 574 requests; returns the redirected ones (person, day) for the FDAJ to take up */
export function fipjRequests(b: Build): { p: number; on: Day }[] {
  const f = PLAN_2009.fipj
  const { r, pk } = b
  const civis = r.shuffle(pk.civisWindows(FIPJ_WINDOW))
  const used = new Set<number>()
  // the persons granted: minors and adults on the day of their (first) granted request
  const minors: { p: number; w: Window }[] = []
  const adults: { p: number; w: Window }[] = []
  for (const c of civis) {
    if (used.has(c.p)) continue
    if (minors.length < f.minors) {
      const w = pk.ageWindow(c.p, c.w, 16, 17)
      if (w) minors.push({ p: c.p, w })
      if (w) used.add(c.p)
    } else if (adults.length < f.adults) {
      const w = pk.ageWindow(c.p, c.w, 18, 25)
      if (w) adults.push({ p: c.p, w })
      if (w) used.add(c.p)
    }
  }
  if (minors.length < f.minors || adults.length < f.adults) throw new Error('aids 2009: too few CIVIS young people')
  const slots: { p: number; on: Day }[] = minors.map((m) => ({ p: m.p, on: pk.dayIn(m.w) }))
  adults.forEach((a, k) => {
    slots.push({ p: a.p, on: pk.dayIn(a.w) })
    if (k < f.adultsTwice) slots.push({ p: a.p, on: pk.dayIn(a.w) })
  })
  const purposes = r.shuffle(expand(Object.fromEntries(Object.entries(f.byPurpose).map(([k, v]) => [k, v.granted]))))
  const cents: Record<string, number[]> = Object.fromEntries(
    Object.entries(f.byPurpose).map(([k, v]) => [k, spread(r, v.cents, v.granted, 1_500)]),
  )
  let cancelled = 0
  slots.forEach((slot, k) => {
    const purpose = purposes[k]
    const granted = cents[purpose].pop()!
    const partly = r.chance(0.1)
    const decidedOn = after(b, slot.on, 0, 2)
    const id = addRequest(b, {
      fund: 'FIPJ',
      p: slot.p,
      track: r.chance(0.15) ? 'emergency' : 'ordinary',
      purpose,
      askedOn: slot.on,
      status: partly ? 'partly_granted' : 'granted',
      askedCents: partly ? granted + 100 * r.int(5, 40) : granted,
      grantedCents: granted,
      decidedOn,
    })
    const mode = FIPJ_MODE[purpose]
    const paidOn = after(b, decidedOn, 0, 3)
    const first = addPayment(b, id, { cents: granted, mode, paidOn })
    // three payments cancelled by a counter-entry and paid again (a cheque never cashed): paid stays the amount granted
    if (purpose === 'clothing' && cancelled < 3 && paidOn < day(2009, 11, 1)) {
      cancelled++
      const back = paidOn + 14
      addPayment(b, id, { cents: -granted, mode, paidOn: back, cancels: first, reason: 'Lettre chèque non encaissée' })
      addPayment(b, id, { cents: granted, mode: 'transfer', paidOn: back + 1 })
    }
  })
  // out of criteria: redirected to the FDAJ, or refused (the Region's apprenticeship aid, outside the system)
  const others = r.shuffle(pk.base.plan.persons.map((x) => x.i).filter((p) => !used.has(p)))
  const redirected: { p: number; on: Day }[] = []
  let k = 0
  for (const p of others) {
    if (k >= f.redirected + f.refused) break
    const w = intersect(pk.mlWindow(p, FIPJ_WINDOW), pk.ageWindow(p, FIPJ_WINDOW, 16, 25))
    if (!w) continue
    const on = pk.dayIn(w)
    const redirect = k < f.redirected
    addRequest(b, {
      fund: 'FIPJ',
      p,
      purpose: r.pick(['meals', 'transport', 'training']),
      askedOn: on,
      status: redirect ? 'redirected' : 'refused',
      askedCents: 100 * r.int(40, 250),
      decidedOn: after(b, on, 0, 3),
      redirect: redirect ? 'FDAJ' : undefined,
      refusal: redirect ? undefined : 'Hors critères : ne relève pas du CIVIS',
      reason: redirect ? 'Réorientée vers le FDAJ' : 'Orientée vers l’aide à l’apprentissage du Conseil régional',
    })
    if (redirect) redirected.push({ p, on })
    k++
  }
  return redirected
}

const FDAJ_MODE: Record<AidTrack, AidPaymentMode[]> = {
  emergency: ['cash'],
  ordinary: ['transfer', 'cheque', 'third_party'],
  reinforced: ['transfer'],
}

/** the FDAJ's monthly commissions of a year (held on the second Tuesday), returned by month */
function fdajCommissions(b: Build, year: number): { id: string; on: Day }[] {
  return Array.from({ length: 12 }, (_, m) => {
    let on = day(year, m + 1, 8)
    while (new Date(on * 86_400_000).getUTCDay() !== 2) on++
    const id = b.nextId()
    b.rows.commissions.push({
      structure_id: b.s,
      id,
      fund_id: b.fundId.FDAJ,
      date: new Date(on * 86_400_000).toISOString().slice(0, 10),
      status: 'held',
      note: 'Commission technique FDAJ',
      external_id: null,
      created_by: null,
    })
    b.rows.members.push(
      {
        structure_id: b.s,
        commission_id: id,
        position: 0,
        user_id: null,
        name: 'Responsable FDAJ',
        organisation: 'Département du Nord',
      },
      {
        structure_id: b.s,
        commission_id: id,
        position: 1,
        user_id: null,
        name: 'Chargé des aides',
        organisation: 'Mission Locale',
      },
    )
    return { id, on }
  })
}

/** the FDAJ's requests of a year on its three tracks; in 2009 the FIPJ's redirected requests come first */
export function fdajRequests(b: Build, year: 2008 | 2009, redirected: { p: number; on: Day }[]) {
  const plan = PLAN_2009.fdaj[year]
  const { r, pk } = b
  const w = YEAR(year)
  const commissions = fdajCommissions(b, year)
  const total = plan.emergency.requests + plan.ordinary.requests + plan.reinforced.requests
  const purposes =
    year === 2009
      ? r.shuffle(expand(PLAN_2009.fdaj.purposes))
      : r.shuffle(expand({ subsistence: 230, transport: 80, accommodation: 100, energy_debt: 60, driving_licence: 50 }))
  if (purposes.length !== total) throw new Error(`aids 2009: ${purposes.length} FDAJ purposes for ${total} requests`)
  const people = r.shuffle(pk.base.plan.persons.map((x) => x.i))
  let next = 0
  /** a young person aged 16–24 followed on a day of the year, and that day */
  const someone = (): { p: number; on: Day } => {
    while (next < people.length) {
      const p = people[next++]
      const x = intersect(pk.mlWindow(p, w), pk.ageWindow(p, w, 16, 24))
      if (x) return { p, on: pk.dayIn(x) }
    }
    throw new Error('aids 2009: too few young people for the FDAJ')
  }
  const taken = [...redirected.map((x) => ({ p: x.p, on: Math.min(nextOpenDay(x.on + r.int(1, 10)), END_2009) }))]
  let n = 0
  for (const track of ['ordinary', 'emergency', 'reinforced'] as const) {
    const t = plan[track]
    const amounts = spread(r, t.cents, t.granted, track === 'reinforced' ? 5_000 : 3_000)
    const months = track === 'reinforced' ? spread(r, t.months, t.granted, 1) : []
    for (let k = 0; k < t.requests; k++) {
      const who = taken.shift() ?? someone()
      const granted = k < t.granted
      const commission = track === 'reinforced' ? commissions.find((c) => c.on > who.on) : undefined
      const decidedOn =
        commission?.on ?? (track === 'emergency' ? Math.min(who.on + r.int(0, 2), END_2009) : after(b, who.on, 3, 15))
      const status = granted ? 'granted' : track === 'emergency' && k % 7 === 0 ? 'cancelled' : 'refused'
      const cents = granted ? amounts[k] : 100 * r.int(50, 300)
      const id = addRequest(b, {
        fund: 'FDAJ',
        p: who.p,
        track,
        purpose: purposes[n++],
        askedOn: who.on,
        status,
        askedCents: cents,
        decidedOn: status === 'cancelled' ? null : decidedOn,
        commissionId: commission?.id,
        refusal: 'Ressources supérieures au plafond du fonds',
      })
      if (!granted) continue
      if (track !== 'reinforced') {
        addPayment(b, id, {
          cents,
          mode: r.pick(FDAJ_MODE[track]),
          paidOn: track === 'emergency' ? decidedOn : decidedOn + r.int(5, 20),
        })
        continue
      }
      // the reinforced aid: a contract of `m` months, paid in monthly instalments (the last one takes the remainder)
      const m = months[k]
      const monthly = Math.floor(cents / m)
      const starts = decidedOn + r.int(1, 10)
      b.rows.contracts.push({
        structure_id: b.s,
        id: b.nextId(),
        request_id: id,
        starts_on: new Date(starts * 86_400_000).toISOString().slice(0, 10),
        months: m,
        monthly_cents: monthly,
        commitments:
          'Rencontrer son référent chaque quinzaine ; mener les démarches de logement et de formation convenues',
        signed_on: new Date(starts * 86_400_000).toISOString().slice(0, 10),
      })
      for (let i = 0; i < m; i++) {
        const due = starts + 30 * i
        addPayment(b, id, {
          cents: i === m - 1 ? cents - monthly * (m - 1) : monthly,
          mode: 'transfer',
          paidOn: due,
          dueOn: due,
        })
      }
    }
  }
}

/** the CIVIS allowance's 4 415 monthly requests of 2009 (adults in CIVIS that month) and the monthly runs */
export function allowanceRequests(b: Build) {
  const a = PLAN_2009.allowance
  const { r, pk } = b
  const perMonth = spread(r, a.requests, 12, 200)
  const euros = spread(r, a.euros, a.requests, 20)
  const monthsOf = new Map<number, number>()
  let k = 0
  for (let m = 0; m < 12; m++) {
    const month = day(2009, m + 1, 1)
    const end = day(2009, m + 2, 1) - 1
    const open = r
      .shuffle(pk.civisWindows({ from: month, to: end }))
      .filter((c) => (monthsOf.get(c.p) ?? 0) < a.maxMonthsPerPerson && pk.ageWindow(c.p, c.w, 18, 25))
    const chosen = [...new Map(open.map((c) => [c.p, c])).values()].slice(0, perMonth[m])
    if (chosen.length < perMonth[m]) throw new Error(`aids 2009: ${chosen.length} allowance requests in month ${m + 1}`)
    const runId = b.nextId()
    const paidOn = nextOpenDay(end + 5)
    let total = 0
    for (const c of chosen) {
      monthsOf.set(c.p, (monthsOf.get(c.p) ?? 0) + 1)
      const cents = euros[k++] * 100
      total += cents
      const askedOn = pk.dayIn(pk.ageWindow(c.p, c.w, 18, 25)!)
      const id = addRequest(b, {
        fund: 'CIVIS',
        p: c.p,
        purpose: 'allowance',
        month,
        askedOn,
        status: 'granted',
        askedCents: cents,
        decidedOn: Math.max(askedOn, nextOpenDay(end - 3)),
      })
      addPayment(b, id, { cents, mode: 'transfer', paidOn, runId })
    }
    b.rows.runs.push({
      structure_id: b.s,
      id: runId,
      fund_id: b.fundId.CIVIS,
      month: new Date(month * 86_400_000).toISOString().slice(0, 10),
      payments: chosen.length,
      total_cents: total,
      created_by: null,
      created_at: new Date(paidOn * 86_400_000),
    })
  }
}
