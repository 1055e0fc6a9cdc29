import type { Insertable } from 'kysely'
import { addDays, addMonths, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import { contractKinds } from '../../../shared/employment/employment.nomenclature.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { insertSituation } from '../accompaniment/index.ts'
import type {
  CandidateStatus,
  FollowUpOutcome,
  JobOfferTable,
  JobProjectTable,
  OfferCandidateEventTable,
  OfferCandidateTable,
  PlacementFollowUpTable,
} from './employment.tables.ts'
import { CANDIDATES, DEMO_OFFERS, OUTCOME_NOTES, PATH } from './employment-demo.offers-specs.ts'

// The offers part of the day's demo (docs/employment/screens.md « Données de démonstration »), after the employers'
// (`demo-employer-1`…, employment-demo.employers.ts): ten offers of the demo employers broadcast to the sites (open,
// filled, closed, a draft), job projects for thirty of the demo's persons with the offers' ROME codes (the matching
// list is never empty), candidates in every status with their history, and five hires with their employment situation
// and follow-ups at 1, 3 and 6 months — two overdue, so the officer's home shows its alert. Deterministic: a seeded
// generator, the day, the persons' order (the demo counsellor's first).

export const DEMO_EMPLOYMENT_OFFICER = 'entreprises@demo.jalon.fr'
const DEMO_COUNSELLOR = 'conseiller@demo.jalon.fr'
const DAY = 86_400_000

const PROJECTS = 30

type Row<T> = Insertable<T> & { id: string }

export async function loadOffersDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const s = ctx.structureId
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const random = new Random(0xe3_0ff)
  const officer = ctx.userIds.get(DEMO_EMPLOYMENT_OFFICER) ?? null
  const counsellor = ctx.userIds.get(DEMO_COUNSELLOR) ?? null
  const employers = await tx
    .selectFrom('employer')
    .select(['id', 'name', 'external_id'])
    .where('structure_id', '=', s)
    .where('external_id', 'like', 'demo-employer-%')
    .execute()
  const employerOf = new Map(employers.map((e) => [e.external_id, e.id]))
  const nameOf = new Map(employers.map((e) => [e.id, e.name]))
  const missing = DEMO_OFFERS.filter((o) => !employerOf.has(`demo-employer-${o.employer}`))
  if (missing.length)
    throw new Error(
      `employment-demo.offers: the employers' demo did not write demo-employer-${missing[0]!.employer} (employment-demo.employers.ts runs first)`,
    )
  const at = (daysAgo: number, hour = 9) => new Date(ctx.now.getTime() - daysAgo * DAY + (hour - 12) * 3_600_000)

  const offers: Row<JobOfferTable>[] = DEMO_OFFERS.map((o, i) => ({
    structure_id: s,
    id: random.uuid(),
    employer_id: employerOf.get(`demo-employer-${o.employer}`)!,
    title: o.title,
    rome_code: o.rome,
    contract_kind: o.kind,
    duration_months: o.months,
    hours_per_week: o.hours,
    positions: o.positions,
    place: null,
    postcode: o.commune[2],
    commune_code: o.commune[0],
    commune_name: o.commune[1],
    level_2019: o.level,
    driving_licence_required: o.licence,
    experience_months: o.experience,
    requirements: o.requirements,
    description: `${contractKinds.labels[o.kind]} à pourvoir à ${o.commune[1]}, ${o.hours} h par semaine.`,
    starts_on: addDays(today, o.closes === null ? 30 : o.closes + 10),
    closes_on: o.closes === null ? null : addDays(today, o.closes),
    status: o.status,
    officer_id: officer,
    contact_id: null,
    created_at: at(o.created),
    external_id: `demo-offer-${i + 1}`,
  }))
  await tx.insertInto('job_offer').values(offers).execute()
  const sites = DEMO_OFFERS.flatMap((o, i) =>
    o.sites
      .map((code) => ctx.siteIds.get(code))
      .filter((id): id is string => id !== undefined)
      .map((site_id) => ({ structure_id: s, offer_id: offers[i]!.id, site_id })),
  )
  await tx.insertInto('job_offer_site').values(sites).execute()

  // the job projects: person i wants the job of offer i mod 10 (every third one a second project, the next offer's)
  const people = await persons(tx, ctx, counsellor)
  if (!people.length) return
  const projects: Row<JobProjectTable>[] = []
  people.slice(0, PROJECTS).forEach((p, i) => {
    const wanted = [DEMO_OFFERS[i % DEMO_OFFERS.length]!]
    if (i % 3 === 2) wanted.push(DEMO_OFFERS[(i + 1) % DEMO_OFFERS.length]!)
    for (const o of wanted)
      projects.push({
        structure_id: s,
        id: random.uuid(),
        person_id: p.id,
        rome_code: o.rome,
        label: null,
        max_distance_km: random.pick([10, 15, 20, 30, null]),
        available_from: random.chance(0.3) ? addDays(today, random.int(1, 30)) : null,
        active: true,
        created_by: p.mine ? counsellor : officer,
        created_at: at(random.int(30, 200)),
        external_id: null,
      })
  })
  await tx.insertInto('job_project').values(projects).execute()

  const candidates: Row<OfferCandidateTable>[] = []
  const events: Insertable<OfferCandidateEventTable>[] = []
  const follows: Insertable<PlacementFollowUpTable>[] = []
  for (const c of CANDIDATES) {
    const person = people[(c.offer + DEMO_OFFERS.length * c.slot) % Math.min(people.length, PROJECTS)]!
    if (candidates.some((x) => x.person_id === person.id && x.offer_id === offers[c.offer]!.id)) continue
    const spec = DEMO_OFFERS[c.offer]!
    const offer = offers[c.offer]!
    const by = person.mine ? counsellor : officer
    const row: Row<OfferCandidateTable> = {
      structure_id: s,
      id: random.uuid(),
      offer_id: offer.id,
      person_id: person.id,
      status: c.status,
      refusal_reason: c.reason ?? null,
      note: c.status === 'withdrawn' ? 'A trouvé un emploi par ailleurs.' : null,
      positioned_by: by,
      positioned_at: at(c.positioned),
      interview_on: c.interview === undefined ? null : addDays(today, c.interview),
      placement_id: null,
      external_id: null,
    }
    events.push({
      structure_id: s,
      candidate_id: row.id,
      at: at(c.positioned),
      actor_id: by,
      from_status: null,
      to_status: 'proposed',
      note: null,
    })
    let from: CandidateStatus = 'proposed'
    PATH[c.status].forEach((to, step) => {
      // a step every few days; the last one 10 days after the positioning at most, never later than yesterday
      const daysAgo = Math.max(1, c.positioned - 3 * (step + 1))
      const when = c.hire && to === 'hired' ? at(c.hire.start + 2) : at(daysAgo, 11)
      events.push({
        structure_id: s,
        candidate_id: row.id,
        at: when,
        actor_id: to === 'withdrawn' ? by : officer,
        from_status: from,
        to_status: to,
        note: to === 'refused' ? 'Réponse de l’employeur par téléphone.' : null,
      })
      from = to
    })
    if (c.hire) {
      const startDate = addDays(today, -c.hire.start)
      const months = spec.kind === 'cdi' ? null : spec.months
      const situationId = await insertSituation(
        tx,
        { structureId: s, personId: person.id, counsellorId: officer ?? by! },
        {
          kind: spec.kind,
          start_date: startDate,
          planned_end_date: months ? addDays(addMonths(startDate, months), -1) : null,
          end_date: null,
          organisation_name: nameOf.get(offer.employer_id) ?? null,
          hours_per_week: spec.hours,
          note: `${contractKinds.labels[spec.kind]} : ${spec.title} (recrutement enregistré par le service emploi)`,
        },
      )
      const placement = await tx
        .insertInto('placement')
        .values({
          structure_id: s,
          id: random.uuid(),
          person_id: person.id,
          employer_id: offer.employer_id,
          offer_id: offer.id,
          operation_id: null,
          pool_id: null,
          contract_kind: spec.kind,
          job_title: spec.title,
          rome_code: spec.rome,
          start_date: startDate,
          duration_months: months,
          hours_per_week: spec.hours,
          situation_id: situationId,
          officer_id: officer,
          created_at: at(c.hire.start + 2),
          external_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      row.placement_id = placement.id
      ;[1, 3, 6].forEach((m, k) => {
        const dueOn = addMonths(startDate, m)
        const done = k < c.hire!.done
        follows.push({
          structure_id: s,
          placement_id: placement.id,
          milestone_months: m,
          due_on: dueOn,
          done_on: done ? addDays(dueOn, random.int(-3, 4)) : null,
          outcome: done ? ('in_post' satisfies FollowUpOutcome) : null,
          note: done ? (OUTCOME_NOTES[m] ?? null) : null,
          done_by: done ? officer : null,
        })
      })
    }
    candidates.push(row)
  }
  // a done follow-up is never after today
  for (const f of follows) if (f.done_on && f.done_on > today) f.done_on = today
  await tx.insertInto('offer_candidate').values(candidates).execute()
  await tx.insertInto('offer_candidate_event').values(events).execute()
  if (follows.length) await tx.insertInto('placement_follow_up').values(follows).execute()
}

/** The demo's persons, the counsellor's own first (her sites), in name order; `mine` when she follows them. */
async function persons(tx: Tx, ctx: DemoContext, counsellor: string | null) {
  if (!ctx.personIds.length) return []
  const rows = await tx
    .selectFrom('person')
    .select(['id', 'site_id'])
    .where('structure_id', '=', ctx.structureId)
    .where('id', 'in', ctx.personIds)
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute()
  const mine = counsellor
    ? new Set(
        (await tx.selectFrom('user_site').select('site_id').where('user_id', '=', counsellor).execute()).map(
          (m) => m.site_id,
        ),
      )
    : new Set<string>()
  const tag = (r: { id: string; site_id: string | null }) => ({ ...r, mine: r.site_id !== null && mine.has(r.site_id) })
  return [
    ...rows.filter((r) => r.site_id && mine.has(r.site_id)),
    ...rows.filter((r) => !r.site_id || !mine.has(r.site_id)),
  ].map(tag)
}
