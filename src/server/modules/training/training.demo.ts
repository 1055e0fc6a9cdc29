import type { Insertable } from 'kysely'
import { addDays, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { PrescriptionStatusCode } from '../../../shared/training/training.nomenclature.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { insertSituation } from '../accompaniment/index.ts'
import type {
  TrainingActionTable,
  TrainingBodyTable,
  TrainingPrescriptionEventTable,
  TrainingPrescriptionTable,
  TrainingSessionTable,
} from './training.tables.ts'
import { ACTIONS, BODIES, DEMO_BODY_NAME, DEMO_UPCOMING_ACTION, SESSIONS } from './training-demo.catalogue.ts'
import { loadFundDemo } from './training-demo.fund.ts'

export { DEMO_BODY_NAME, DEMO_UPCOMING_ACTION }

// The training part of the day's demo (docs/training/screens.md « Le conseiller et l’organisme de formation »), after
// the persons', the accompaniment's and the aids': four training bodies (the first bound to the partner account
// organisme@demo.jalon.fr), eight actions across funders with their NSF codes, sessions around the day (ended,
// running, upcoming with next week's information session, one almost full), the demo counsellor's prescriptions for
// the demo's persons in every status with their history (an entry creates the person's training situation), and the
// professionalisation fund's year (training-demo.fund.ts). Deterministic: a seeded generator, the day, the persons'
// order. It follows only the persons the demo wrote (ctx.personIds).

export const DEMO_COUNSELLOR = 'conseiller@demo.jalon.fr'
export const DEMO_TRAINING_OFFICER = 'formation@demo.jalon.fr'
export const DEMO_BODY_PARTNER = 'organisme@demo.jalon.fr'
const HOUR = 3_600_000

type Row<T> = Insertable<T> & { id: string }

interface Person {
  id: string
  site_id: string | null
}

/** each demo prescription: the session, its final status, hours ago it was filed */
const PRESCRIPTIONS: { session: number; status: PrescriptionStatusCode; filed: number }[] = [
  { session: 1, status: 'submitted', filed: 5 },
  { session: 1, status: 'submitted', filed: 52 },
  { session: 4, status: 'more_info', filed: 120 },
  { session: 1, status: 'validated', filed: 200 },
  { session: 2, status: 'validated', filed: 260 },
  { session: 2, status: 'accepted', filed: 400 },
  { session: 2, status: 'accepted', filed: 420 },
  { session: 2, status: 'accepted', filed: 430 },
  { session: 2, status: 'waiting_list', filed: 440 },
  { session: 5, status: 'refused', filed: 300 },
  { session: 3, status: 'entered', filed: 1_200 },
  { session: 7, status: 'entered', filed: 1_900 },
  { session: 0, status: 'exited', filed: 4_200 },
  { session: 0, status: 'exited', filed: 4_300 },
  { session: 6, status: 'not_accepted', filed: 700 },
  { session: 8, status: 'cancelled', filed: 150 },
]

/** the statuses a prescription went through to reach its own (the department's, then the body's answers) */
const PATH: Record<PrescriptionStatusCode, PrescriptionStatusCode[]> = {
  submitted: [],
  more_info: ['more_info'],
  validated: ['validated'],
  refused: ['refused'],
  waiting_list: ['validated', 'waiting_list'],
  accepted: ['validated', 'accepted'],
  not_accepted: ['validated', 'not_accepted'],
  entered: ['validated', 'accepted', 'entered'],
  exited: ['validated', 'accepted', 'entered', 'exited'],
  cancelled: ['cancelled'],
}
const NOTES: Partial<Record<PrescriptionStatusCode, string>> = {
  more_info: 'Préciser le projet professionnel et les stages déjà faits.',
  refused: 'Prérequis non atteints : niveau 3 demandé, à revoir après la remise à niveau.',
  waiting_list: 'Liste complémentaire, rang 1.',
  not_accepted: 'Tests de positionnement insuffisants en mathématiques.',
  cancelled: 'La personne a trouvé un emploi.',
}

export async function loadTrainingDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const s = ctx.structureId
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const random = new Random(0x7a1e)
  const bodies: Row<TrainingBodyTable>[] = BODIES.map((b) => ({
    ...b,
    structure_id: s,
    id: random.uuid(),
    lheo_id: null,
    external_id: null,
  }))
  await tx.insertInto('training_body').values(bodies).execute()
  const partner = ctx.userIds.get(DEMO_BODY_PARTNER)
  if (partner)
    await tx
      .insertInto('training_body_user')
      .values({ structure_id: s, body_id: bodies[0]!.id, user_id: partner })
      .execute()
  const actions: Row<TrainingActionTable>[] = ACTIONS.map((a) => ({
    structure_id: s,
    id: random.uuid(),
    body_id: bodies[a.body]!.id,
    code: a.code,
    title: a.title,
    funder: a.funder,
    nsf_code: a.nsf,
    formacode: null,
    situation_kind: a.kind,
    level_2019: a.level,
    public: 'Demandeurs d’emploi de 16 à 25 ans accompagnés par la Mission Locale',
    prerequisites: a.level ? 'Savoirs de base acquis ; projet validé par une période d’immersion' : null,
    objective: null,
    duration_hours: a.hours,
    places: a.places,
    lheo_id: null,
    external_id: null,
  }))
  await tx.insertInto('training_action').values(actions).execute()
  const sessions: Row<TrainingSessionTable>[] = SESSIONS.map((x) => {
    const a = ACTIONS[x.action]!
    return {
      structure_id: s,
      id: random.uuid(),
      action_id: actions[x.action]!.id,
      starts_on: addDays(today, x.start),
      ends_on: addDays(today, x.end),
      place: BODIES[a.body]!.address,
      commune_code: BODIES[a.body]!.commune_code,
      places: x.places ?? a.places,
      // 9:00 or 10:00 in Paris
      info_session_at: x.info === null ? null : new Date(`${addDays(today, x.info)}T08:00:00Z`),
      info_session_place: x.info === null ? null : `${BODIES[a.body]!.name}, salle 2`,
      applications_close_on: x.start > 0 ? addDays(today, Math.max(1, x.start - 7)) : null,
      // an ended session is closed; a running one stays open (its people enter)
      status: x.end < 0 ? 'closed' : 'open',
      lheo_id: null,
      external_id: null,
    }
  })
  await tx.insertInto('training_session').values(sessions).execute()
  await prescriptions(tx, ctx, random, sessions)
  await loadFundDemo(tx, ctx, today, random, bodies[1]!.id)
}

/** The demo's persons the counsellor follows (her sites first), in name order. */
async function persons(tx: Tx, ctx: DemoContext, counsellor: string | null): Promise<Person[]> {
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
  if (!counsellor) return rows
  const mine = await tx.selectFrom('user_site').select('site_id').where('user_id', '=', counsellor).execute()
  const sites = new Set(mine.map((m) => m.site_id))
  return [
    ...rows.filter((r) => r.site_id && sites.has(r.site_id)),
    ...rows.filter((r) => !r.site_id || !sites.has(r.site_id)),
  ]
}

async function prescriptions(tx: Tx, ctx: DemoContext, random: Random, sessions: Row<TrainingSessionTable>[]) {
  const s = ctx.structureId
  const counsellor = ctx.userIds.get(DEMO_COUNSELLOR) ?? null
  const officer = ctx.userIds.get(DEMO_TRAINING_OFFICER) ?? null
  const partner = ctx.userIds.get(DEMO_BODY_PARTNER) ?? null
  const people = await persons(tx, ctx, counsellor)
  if (!people.length) return
  const at = (hoursAgo: number) => new Date(ctx.now.getTime() - hoursAgo * HOUR)
  const rows: Row<TrainingPrescriptionTable>[] = []
  const events: Insertable<TrainingPrescriptionEventTable>[] = []
  const entries: { p: Row<TrainingPrescriptionTable>; session: Row<TrainingSessionTable> }[] = []
  PRESCRIPTIONS.forEach((spec, i) => {
    const person = people[i % people.length]!
    const session = sessions[spec.session]!
    const filed = at(spec.filed)
    const p: Row<TrainingPrescriptionTable> = {
      structure_id: s,
      id: random.uuid(),
      person_id: person.id,
      session_id: session.id,
      prescriber_id: counsellor,
      site_id: person.site_id,
      argument:
        'Projet travaillé en entretien et confirmé par une immersion ; motivation forte, mobilité assurée (permis B ou transports).',
      status: spec.status,
      filed_at: filed,
      answer_due_on: addDays(dayIn(filed, DEFAULT_TIME_ZONE), 10),
      decided_by: null,
      decided_at: null,
      department_note: null,
      convened_at: null,
      info_attendance: null,
      test_result: null,
      outcome_reason: null,
      answered_at: null,
      entry_date: null,
      situation_id: null,
      hours_attended: null,
      exit_date: null,
      exit_kind: null,
      qualification_obtained: null,
      result_note: null,
      external_id: null,
    }
    events.push({
      structure_id: s,
      prescription_id: p.id,
      at: filed,
      actor_id: counsellor,
      from_status: null,
      to_status: 'submitted',
      note: null,
    })
    // the steps a day apart after the filing, never later than an hour ago
    let from: PrescriptionStatusCode = 'submitted'
    PATH[spec.status].forEach((to, step) => {
      const when = at(Math.max(1, spec.filed - 24 * (step + 1)))
      const body =
        to === 'accepted' || to === 'waiting_list' || to === 'not_accepted' || to === 'entered' || to === 'exited'
      if (to === 'validated' || to === 'refused' || to === 'more_info') {
        Object.assign(p, { decided_by: officer, decided_at: when, department_note: NOTES[to] ?? null })
        if (to === 'validated') p.convened_at = when
      }
      if (to === 'accepted' || to === 'waiting_list' || to === 'not_accepted')
        Object.assign(p, {
          info_attendance: 'present',
          test_result: 'Tests de positionnement passés',
          outcome_reason: NOTES[to] ?? null,
          answered_at: when,
        })
      if (to === 'entered') {
        p.entry_date = session.starts_on
        entries.push({ p, session })
      }
      if (to === 'exited')
        Object.assign(p, {
          exit_date: session.ends_on,
          exit_kind: 'completed',
          qualification_obtained: i % 2 === 0,
          hours_attended: ACTIONS[SESSIONS[spec.session]!.action]!.hours,
        })
      const actor = to === 'cancelled' ? counsellor : body ? partner : officer
      events.push({
        structure_id: s,
        prescription_id: p.id,
        at: when,
        actor_id: actor,
        from_status: from,
        to_status: to,
        note: NOTES[to] ?? null,
      })
      from = to
    })
    rows.push(p)
  })
  // an entry is the person's training situation: written through the accompaniment's seam, then linked
  for (const { p, session } of entries) {
    const spec = SESSIONS[sessions.indexOf(session)]!
    const action = ACTIONS[spec.action]!
    p.situation_id = await insertSituation(
      tx,
      { structureId: s, personId: p.person_id, counsellorId: counsellor ?? p.prescriber_id! },
      {
        kind: action.kind,
        start_date: p.entry_date!,
        planned_end_date: session.ends_on ?? null,
        end_date: p.exit_date ?? null,
        organisation_name: BODIES[action.body]!.name,
        hours_per_week: 35,
        note: `${action.title} (prescription du département formation)`,
      },
    )
  }
  await tx.insertInto('training_prescription').values(rows).execute()
  await tx.insertInto('training_prescription_event').values(events).execute()
}
