import { addDays, addMonths } from '../../../shared/dates.ts'
import { HOLIDAY_CENTS } from './aids-demo.funds.ts'

import { COUNSELLOR, HOUR, json, type Plan } from './aids-demo.plan.ts'

// The aids demo's requests (aids.demo.ts): one-off aids in every state, the FDAJ commissions, the allowance, the
// projects, each added to the plan.

/** The FIPJ's and FDAJ's one-off aids, in every state of the officer's worklist. */
export function individualAids(p: Plan) {
  // emergencies: one due in four hours, one four hours late
  for (const [fund, purpose, cents, hoursAgo] of [
    ['FIPJ', 'meals', 6_000, 44],
    ['FDAJ', 'subsistence', 15_000, 52],
  ] as const) {
    const r = p.ask(fund, { track: 'emergency', purpose, amount_asked_cents: cents, hoursAgo, status: 'complete' })
    r.due_at = new Date((r.asked_at as Date).getTime() + 48 * HOUR)
    r.argument = 'Plus aucune ressource cette semaine : le loyer est payé, rien pour se nourrir ni se déplacer.'
  }
  p.ask('FIPJ', {
    purpose: 'transport',
    amount_asked_cents: 7_500,
    hoursAgo: 20,
    status: 'submitted',
    documents: json(['Pièce d’identité']),
    argument: 'Abonnement de bus pour se rendre à sa formation (le devis est à fournir).',
  })
  p.ask('FDAJ', {
    purpose: 'accommodation',
    amount_asked_cents: 35_000,
    hoursAgo: 50,
    status: 'complete',
    argument: 'Caution d’un premier logement autonome, à l’entrée en alternance.',
  })
  const clothing = p.decide(
    p.ask('FIPJ', { purpose: 'clothing', amount_asked_cents: 12_000, hoursAgo: 480 }),
    'granted',
    12_000,
  )
  clothing.proof_received_on = addDays(clothing.decided_on!, 6)
  p.pay(clothing, 12_000, 'third_party', { payee: 'Boutique solidaire du Littoral' })
  // granted yesterday, still to pay
  p.decide(p.ask('FIPJ', { purpose: 'meals', amount_asked_cents: 9_000, hoursAgo: 30 }), 'granted', 9_000)
  const energy = p.decide(
    p.ask('FDAJ', { purpose: 'energy_debt', amount_asked_cents: 40_000, hoursAgo: 288 }),
    'partly_granted',
    25_000,
  )
  energy.decision_reason = 'Prise en charge partielle : un plan d’apurement couvre le reste de la dette.'
  p.pay(energy, 25_000, 'third_party', { payee: 'Fournisseur d’énergie (plan d’apurement)' })
  const refused = p.decide(
    p.ask('FIPJ', { purpose: 'training', amount_asked_cents: 28_000, hoursAgo: 216 }),
    'refused',
    null,
  )
  refused.refusal_criterion = 'Hors programme CIVIS / CEJ'
  const redirected = p.decide(
    p.ask('FIPJ', { purpose: 'accommodation', amount_asked_cents: 20_000, hoursAgo: 168 }),
    'redirected',
    null,
  )
  redirected.redirected_fund_id = p.funds.get('FDAJ')!
  redirected.decision_reason = 'Relève du FDAJ (aide au logement).'
  // a cheque lost: cancelled by a counter-entry, paid again by transfer
  const transport = p.decide(
    p.ask('FDAJ', { purpose: 'transport', amount_asked_cents: 8_000, hoursAgo: 600 }),
    'granted',
    8_000,
  )
  const cheque = p.pay(transport, 8_000, 'cheque')
  p.pay(transport, -8_000, 'cheque', {
    cancels_id: cheque.id,
    paid_on: addDays(transport.decided_on!, 10),
    reason: 'Lettre chèque perdue, jamais encaissée : annulée et remplacée par un virement.',
  })
  p.pay(transport, 8_000, 'transfer', { paid_on: addDays(transport.decided_on!, 11) })
}

/** Last month's FDAJ commission (a reinforced aid granted, its contract and instalments), next week's and its agenda. */
export function reinforcedAids(p: Plan) {
  const heldOn = addDays(p.today, -24)
  const held = p.commission('FDAJ', heldOn, 'held', 'Commission mensuelle du FDAJ (aides renforcées).')
  const planned = p.commission(
    'FDAJ',
    addDays(p.today, 7),
    'planned',
    'Commission mensuelle du FDAJ (aides renforcées).',
  )
  for (const c of [held, planned])
    p.members.push(
      {
        structure_id: p.s,
        commission_id: c.id,
        position: 0,
        user_id: p.officer,
        name: 'Amina Aides',
        organisation: null,
      },
      {
        structure_id: p.s,
        commission_id: c.id,
        position: 1,
        user_id: null,
        name: 'Nadia Lemaire',
        organisation: 'Département du Nord',
      },
      {
        structure_id: p.s,
        commission_id: c.id,
        position: 2,
        user_id: null,
        name: 'Marc Delattre',
        organisation: 'Centre communal d’action sociale',
        present: c === planned,
      },
    )
  const adults = p.young.filter((y) => y.adult)
  const monthly = 10_000
  const r = p.ask('FDAJ', {
    who: adults[0],
    track: 'reinforced',
    purpose: 'subsistence',
    amount_asked_cents: 3 * monthly,
    hoursAgo: 24 * 35,
    commission_id: held.id,
    argument: 'Entrée en formation qualifiante non rémunérée : trois mois de subsistance.',
  })
  p.decide(r, 'granted', 3 * monthly, new Date(`${heldOn}T14:00:00Z`))
  r.decision_reason = 'Accordée pour trois mois, sous contrat.'
  const starts = addMonths(`${heldOn.slice(0, 8)}01`, 1)
  p.contracts.push({
    structure_id: p.s,
    id: p.random.uuid(),
    request_id: r.id,
    starts_on: starts,
    months: 3,
    monthly_cents: monthly,
    commitments: 'Suivre la formation avec assiduité ; rencontrer son conseiller chaque mois ; chercher un logement.',
    signed_on: addDays(heldOn, 3),
  })
  for (let m = 0; m < 3; m++) {
    const due = addMonths(starts, m)
    p.pay(r, monthly, 'transfer', due < p.today ? { paid_on: due } : { due_on: due })
  }
  for (const [n, purpose, cents] of [
    [1, 'accommodation', 45_000],
    [2, 'driving_licence', 48_000],
  ] as const)
    p.ask('FDAJ', {
      who: adults[n],
      track: 'reinforced',
      purpose,
      amount_asked_cents: cents,
      hoursAgo: 24 * (4 + n),
      status: 'complete',
      commission_id: planned.id,
      argument: 'Projet suivi depuis plusieurs mois : une aide sur trois mois sous contrat est proposée.',
    })
}

/** Last month's allowance, paid by its run; this month's requests to decide. */
export function allowance(p: Plan) {
  const thisMonth = `${p.today.slice(0, 8)}01`
  const lastMonth = addMonths(thisMonth, -1)
  const holders = p.young.filter((y) => y.scheme && y.adult).slice(0, 4)
  if (!holders.length) return
  const runDay = [addDays(thisMonth, 4), addDays(p.today, -1)].sort()[0]!
  const run = {
    structure_id: p.s,
    id: p.random.uuid(),
    fund_id: p.funds.get('CIVIS')!,
    month: lastMonth,
    payments: 0,
    total_cents: 0,
    created_by: p.officer,
  }
  holders.forEach((who, n) => {
    const cents = n % 2 ? 22_500 : 30_000
    const r = p.ask('CIVIS', {
      who,
      purpose: 'allowance',
      month: lastMonth,
      amount_asked_cents: cents,
      hoursAgo: 24 * 8 + n,
    })
    p.decide(r, 'granted', cents)
    p.pay(r, cents, 'transfer', { paid_on: runDay, run_id: run.id })
    run.payments++
    run.total_cents += cents
    if (n < 2)
      p.ask('CIVIS', {
        who,
        purpose: 'allowance',
        month: thisMonth,
        amount_asked_cents: 30_000,
        hoursAgo: 6 + n,
        status: 'complete',
      })
  })
  p.runs.push(run)
}

/** A CLAP project presented to next week's committee; a holiday stay funded for four young people. */
export function projects(p: Plan) {
  const clap = p.commission('CLAP', addDays(p.today, 9), 'planned', 'Comité local d’aide aux projets.')
  const bike = {
    structure_id: p.s,
    id: p.random.uuid(),
    fund_id: p.funds.get('CLAP')!,
    title: 'Atelier de réparation de vélos',
    form: 'collective' as const,
    nature: 'economic' as const,
    sector: 'craft',
    site_id: p.young[0]!.site_id,
    followed_by: p.ctx.userIds.get(COUNSELLOR) ?? null,
    budget_cents: 1_200_000,
    asked_cents: 300_000,
    commission_id: clap.id,
    presented_on: clap.date,
    status: 'presented' as const,
    external_id: null,
  }
  const decidedOn = addDays(p.today, -15)
  const stay = {
    structure_id: p.s,
    id: p.random.uuid(),
    fund_id: p.funds.get('VACANCES')!,
    title: 'Séjour découverte en montagne',
    form: 'collective' as const,
    nature: 'holiday' as const,
    site_id: p.young[0]!.site_id,
    followed_by: p.ctx.userIds.get(COUNSELLOR) ?? null,
    budget_cents: 4 * 45_000,
    asked_cents: 4 * HOLIDAY_CENTS,
    decision: 'funded' as const,
    decided_on: decidedOn,
    granted_cents: 4 * HOLIDAY_CENTS,
    status: 'funded' as const,
    external_id: null,
  }
  p.projects.push(bike, stay)
  const at = (n: number) => p.young[(p.young.length - 1 - n) % p.young.length]!
  for (const n of [0, 1]) p.holders.push({ structure_id: p.s, project_id: bike.id, person_id: at(n).id })
  for (const n of [2, 3, 4, 5]) {
    p.holders.push({ structure_id: p.s, project_id: stay.id, person_id: at(n).id })
    const r = p.ask('VACANCES', {
      who: at(n),
      purpose: 'holiday',
      project_id: stay.id,
      amount_asked_cents: HOLIDAY_CENTS,
      hoursAgo: 24 * 20 + n,
    })
    p.decide(r, 'granted', HOLIDAY_CENTS, new Date(`${decidedOn}T10:00:00Z`))
    p.pay(r, HOLIDAY_CENTS, 'third_party', { payee: 'Centre de vacances des Écrins' })
  }
}
