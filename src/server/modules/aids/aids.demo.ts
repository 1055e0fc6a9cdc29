import { type Insertable, type RawBuilder, sql } from 'kysely'
import { addDays, addMonths, ageOn, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'
import type {
  AidCommissionMemberTable,
  AidCommissionTable,
  AidContractTable,
  AidPaymentRunTable,
  AidPaymentTable,
  AidProjectHolderTable,
  AidProjectTable,
  AidRequestTable,
} from './aids.tables.ts'
import { type DemoFundCode, demoFunds, HOLIDAY_CENTS } from './aids-demo.funds.ts'

// The aids' part of the day's demo (docs/aids.md, « Demo data »), after the accompaniment's (the CIVIS / CEJ
// enrolments) and the PLIE's: the funds and the year's envelopes (aids-demo.funds.ts), then, for the demo's young
// people, a request in every state the aid officer meets — an emergency due in a few hours and one late, one to
// complete, one to decide, granted and paid, granted and still to pay, partly granted, refused out of criteria,
// redirected, a payment cancelled by a counter-entry — next week's FDAJ commission with two reinforced requests on its
// agenda, last month's held commission with its reinforced aid's contract and scheduled instalments, the allowance's
// requests and last month's payment run, a CLAP project presented, a holiday project with its young people, and an
// indirect aid. It follows only the persons the demo wrote (ctx.personIds). Deterministic (a seeded generator, the
// day, the persons' order); one statement per table: it runs at every first start.

const COUNSELLOR = 'conseiller@demo.jalon.fr'
const OFFICER = 'aides@demo.jalon.fr'
const HOUR = 3_600_000
const json = <T>(v: readonly T[] | undefined) => sql<T[]>`${JSON.stringify(v ?? [])}::jsonb`

interface Young {
  id: string
  site_id: string
  referent_id: string | null
  adult: boolean
  /** enrolled in CIVIS or CEJ today */
  scheme: boolean
}
type Row<T> = Insertable<T> & { id: string }
/** the documents as a jsonb expression (the driver would write an array as a PostgreSQL array) */
type Request = Omit<Row<AidRequestTable>, 'documents'> & { documents?: RawBuilder<string[]> }
type Payment = Row<AidPaymentTable>
type Asked = Partial<Request> & { purpose: string; amount_asked_cents: number; hoursAgo: number; who?: Young }

/** The rows of every table, gathered, then written in the order their keys want. */
class Plan {
  readonly random = new Random(0xa1d5)
  readonly requests: Request[] = []
  readonly payments: Payment[] = []
  readonly commissions: Row<AidCommissionTable>[] = []
  readonly members: Insertable<AidCommissionMemberTable>[] = []
  readonly projects: Row<AidProjectTable>[] = []
  readonly holders: Insertable<AidProjectHolderTable>[] = []
  readonly contracts: Row<AidContractTable>[] = []
  readonly runs: Row<AidPaymentRunTable>[] = []
  #next = 0
  #recorded = 0
  constructor(
    readonly ctx: DemoContext,
    readonly today: string,
    readonly funds: Map<DemoFundCode, string>,
    readonly young: Young[],
    readonly officer: string | null,
  ) {}

  get s() {
    return this.ctx.structureId
  }
  at = (hoursAgo: number) => new Date(this.ctx.now.getTime() - hoursAgo * HOUR)
  day = (d: Date) => dayIn(d, DEFAULT_TIME_ZONE)

  /** the next young person (the FIPJ: CIVIS / CEJ first; the FDAJ: adults): each used once, then again */
  person(fund: DemoFundCode): Young {
    const adults = this.young.filter((y) => y.adult)
    const list =
      fund === 'FIPJ'
        ? [...this.young.filter((y) => y.scheme), ...this.young.filter((y) => !y.scheme)]
        : fund === 'FDAJ' && adults.length
          ? adults
          : this.young
    return list[this.#next++ % list.length]!
  }

  ask(fund: DemoFundCode, o: Asked): Request {
    const { hoursAgo, who: given, ...rest } = o
    const who = given ?? this.person(fund)
    const asked = this.at(hoursAgo)
    const r: Request = {
      structure_id: this.s,
      id: this.random.uuid(),
      person_id: who.id,
      fund_id: this.funds.get(fund)!,
      site_id: who.site_id,
      asked_on: this.day(asked),
      asked_at: asked,
      asked_by: who.referent_id ?? this.ctx.userIds.get(COUNSELLOR) ?? null,
      documents: json(demoFunds.find((f) => f.code === fund)!.documents),
      external_id: null,
      ...rest,
    }
    this.requests.push(r)
    return r
  }

  /** the decision: an hour after the request, or at `when` */
  decide(r: Request, status: Request['status'], granted: number | null, when?: Date): Request {
    const decided = when ?? new Date((r.asked_at as Date).getTime() + HOUR)
    return Object.assign(r, {
      status,
      amount_granted_cents: granted,
      decided_on: this.day(decided),
      decided_at: decided,
      decided_by: this.officer,
    })
  }

  /**
   * A payment on its day (default: the decision's), or an instalment due (`due_on`, not paid). Recorded at 9:00 UTC on
   * its day, or at the decision for an instalment, a minute apart in the order written: a payment comes before its
   * counter-entry in the bundle.
   */
  pay(r: Request, amount: number, mode: Payment['mode'], o: Partial<Payment> = {}): Payment {
    const paid = o.due_on ? null : (o.paid_on ?? r.decided_on!)
    const base = paid ? new Date(`${paid}T09:00:00Z`) : (r.decided_at as Date)
    const p: Payment = {
      structure_id: this.s,
      id: this.random.uuid(),
      request_id: r.id,
      amount_cents: amount,
      mode,
      paid_on: paid,
      recorded_by: this.officer,
      recorded_at: new Date(base.getTime() + ++this.#recorded * 60_000),
      external_id: null,
      ...o,
    }
    this.payments.push(p)
    return p
  }

  commission(fund: DemoFundCode, date: string, status: 'planned' | 'held', note: string) {
    const c = {
      structure_id: this.s,
      id: this.random.uuid(),
      fund_id: this.funds.get(fund)!,
      date,
      status,
      note,
      external_id: null,
      created_by: this.officer,
    }
    this.commissions.push(c)
    return c
  }
}

export async function loadAidsDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const random = new Random(0xa1d5)
  const funds = await writeFunds(tx, ctx.structureId, today, random)
  const young = await youngPersons(tx, ctx, today)
  if (young.length < 8) return
  const plan = new Plan(ctx, today, funds, young, ctx.userIds.get(OFFICER) ?? null)
  individualAids(plan)
  reinforcedAids(plan)
  allowance(plan)
  projects(plan)
  await write(tx, plan)
}

/** The funds (taken over when the 2009 data set has one of the same code) and the year's envelopes. */
async function writeFunds(tx: Tx, s: string, today: string, random: Random) {
  const existing = await tx
    .selectFrom('aid_fund')
    .select(['id', 'code'])
    .where('structure_id', '=', s)
    .where(
      'code',
      'in',
      demoFunds.map((f) => f.code),
    )
    .execute()
  const ids = new Map(existing.map((f) => [f.code as DemoFundCode, f.id]))
  const fresh = demoFunds.filter((f) => !ids.has(f.code))
  for (const f of fresh) ids.set(f.code, random.uuid())
  if (fresh.length)
    await tx
      .insertInto('aid_fund')
      .values(
        fresh.map(({ envelopeCents: _, ...f }) => ({
          ...f,
          structure_id: s,
          id: ids.get(f.code)!,
          external_id: null,
          programme_types: json(f.programme_types),
          communes: json<string>([]),
          purposes: json(f.purposes),
          tracks: json(f.tracks),
          payment_modes: json(f.payment_modes),
          documents: json(f.documents),
        })),
      )
      .execute()
  // this year's, and last year's too early in the year (the demo's decisions reach back some weeks)
  const year = Number(today.slice(0, 4))
  const years = today.slice(5) < '03-01' ? [year - 1, year] : [year]
  await tx
    .insertInto('aid_envelope')
    .values(
      years.flatMap((y) =>
        demoFunds.map((f) => ({
          structure_id: s,
          id: random.uuid(),
          fund_id: ids.get(f.code)!,
          year: y,
          funder: f.funder,
          allocated_cents: f.envelopeCents,
          external_id: null,
        })),
      ),
    )
    .onConflict((oc) => oc.columns(['structure_id', 'fund_id', 'year', 'funder']).doNothing())
    .execute()
  return ids
}

/** The demo's persons of 16 to 25 today, in name order, with whether they are in CIVIS or CEJ. */
async function youngPersons(tx: Tx, ctx: DemoContext, today: string): Promise<Young[]> {
  if (!ctx.personIds.length) return []
  const rows = await tx
    .selectFrom('person as p')
    .select(['p.id', 'p.site_id', 'p.referent_id', 'p.birth_date'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('enrolment as e')
            .innerJoin('programme as pr', 'pr.id', 'e.programme_id')
            .select('e.id')
            .whereRef('e.person_id', '=', 'p.id')
            .whereRef('e.structure_id', '=', 'p.structure_id')
            .where('pr.type', 'in', ['civis', 'cej'])
            .where(enrolmentOpenOn('e', today)),
        )
        .as('scheme'),
    )
    .where('p.structure_id', '=', ctx.structureId)
    .where('p.id', 'in', ctx.personIds)
    .where('p.birth_date', 'is not', null)
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .execute()
  return rows.flatMap((r) => {
    const age = ageOn(r.birth_date as string, today)
    return age >= 16 && age <= 25 && r.site_id
      ? [{ id: r.id, site_id: r.site_id, referent_id: r.referent_id, adult: age >= 18, scheme: !!r.scheme }]
      : []
  })
}

/** The FIPJ's and FDAJ's one-off aids, in every state of the officer's worklist. */
function individualAids(p: Plan) {
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
function reinforcedAids(p: Plan) {
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
function allowance(p: Plan) {
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
function projects(p: Plan) {
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

async function write(tx: Tx, p: Plan) {
  if (p.commissions.length) await tx.insertInto('aid_commission').values(p.commissions).execute()
  if (p.members.length) await tx.insertInto('aid_commission_member').values(p.members).execute()
  if (p.projects.length) await tx.insertInto('aid_project').values(p.projects).execute()
  if (p.holders.length) await tx.insertInto('aid_project_holder').values(p.holders).execute()
  await tx.insertInto('aid_request').values(p.requests).execute()
  if (p.contracts.length) await tx.insertInto('aid_contract').values(p.contracts).execute()
  if (p.runs.length) await tx.insertInto('aid_payment_run').values(p.runs).execute()
  // a counter-entry after the payment it cancels
  const counters = p.payments.filter((x) => x.cancels_id)
  await tx
    .insertInto('aid_payment')
    .values(p.payments.filter((x) => !x.cancels_id))
    .execute()
  if (counters.length) await tx.insertInto('aid_payment').values(counters).execute()
  await tx
    .insertInto('aid_indirect')
    .values({
      structure_id: p.s,
      id: p.random.uuid(),
      fund_id: p.funds.get('FIPJ')!,
      spent_on: addDays(p.today, -40),
      label: 'Formation CACES pour huit emplois repérés au port',
      amount_cents: 480_000,
      participants: 8,
      external_id: null,
    })
    .execute()
}
