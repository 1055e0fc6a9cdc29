import { addDays, ageOn, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'
import { type DemoFundCode, demoFunds } from './aids-demo.funds.ts'

import { json, OFFICER, Plan, type Young } from './aids-demo.plan.ts'
import { allowance, individualAids, projects, reinforcedAids } from './aids-demo.requests.ts'

// The aids' part of the day's demo (docs/aids.md, « Demo data »), after the accompaniment's (the CIVIS / CEJ
// enrolments) and the PLIE's: the funds and the year's envelopes (aids-demo.funds.ts), then, for the demo's young
// people, a request in every state the aid officer meets — an emergency due in a few hours and one late, one to
// complete, one to decide, granted and paid, granted and still to pay, partly granted, refused out of criteria,
// redirected, a payment cancelled by a counter-entry — next week's FDAJ commission with two reinforced requests on its
// agenda, last month's held commission with its reinforced aid's contract and scheduled instalments, the allowance's
// requests and last month's payment run, a CLAP project presented, a holiday project with its young people, and an
// indirect aid. It follows only the persons the demo wrote (ctx.personIds). Deterministic (a seeded generator, the
// day, the persons' order); one statement per table: it runs at every first start.

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
