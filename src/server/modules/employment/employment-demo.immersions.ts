import type { Insertable } from 'kysely'
import { addDays, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import type { ImmersionObjective, ImmersionOutcome, ImmersionStatus, ImmersionTable } from './employment.tables.ts'

// The immersions part of the day's demo (docs/employment/immersions.md « Demo data »): the programme « Immersions
// CIVIS » in three modules (as the 2009 report describes them), and fifteen immersions of the demo counsellor's people
// with the demo employers (`demo-employer-1`…): drafts to sign, signed ones under way or to come, done ones assessed
// with what followed, one cancelled. Deterministic: a seeded generator, the day, the persons' order.

const DEMO_COUNSELLOR = 'conseiller@demo.jalon.fr'

export const CIVIS_MODULES: { number: number; label: string; objective: ImmersionObjective }[] = [
  { number: 1, label: 'Découvrir un ou plusieurs métiers en situation professionnelle', objective: 'discover' },
  {
    number: 2,
    label: 'Évaluer ses capacités et compétences professionnelles en entreprise',
    objective: 'confirm_project',
  },
  { number: 3, label: 'Être évalué en situation de travail au regard d’une offre d’emploi', objective: 'recruitment' },
]

const POSTS = [
  { job: 'Employé(e) de libre-service', rome: 'D1507', activities: 'Mise en rayon, étiquetage, accueil des clients' },
  { job: 'Agent(e) de propreté', rome: 'K2204', activities: 'Nettoyage des bureaux, tri des déchets' },
  { job: 'Commis de cuisine', rome: 'G1602', activities: 'Préparations froides, plonge, mise en place' },
  {
    job: 'Préparateur(trice) de commandes',
    rome: 'N1103',
    activities: 'Préparation de commandes, chariot, inventaire',
  },
  { job: 'Aide à domicile', rome: 'K1304', activities: 'Entretien du logement, courses, accompagnement' },
  { job: 'Vendeur(se) en boulangerie', rome: 'D1106', activities: 'Vente au comptoir, encaissement, mise en place' },
]
const TUTORS = ['Nadia Benali', 'Laurent Morel', 'Sophie Lefèvre', 'Karim Haddad', 'Julie Caron', 'Thomas Dubois']

/** each demo immersion: its module (0: outside the programme), start in days from today, length in days, status */
const IMMERSIONS: {
  module: number
  start: number
  days: number
  status: ImmersionStatus
  validated?: boolean
  outcome?: ImmersionOutcome
}[] = [
  { module: 1, start: 14, days: 4, status: 'draft' },
  { module: 3, start: 21, days: 11, status: 'draft' },
  { module: 0, start: 10, days: 4, status: 'draft' },
  { module: 2, start: 3, days: 11, status: 'signed' },
  { module: 3, start: -4, days: 11, status: 'signed' },
  { module: 1, start: -9, days: 4, status: 'signed', validated: true },
  { module: 3, start: -16, days: 11, status: 'signed', validated: true },
  { module: 1, start: -60, days: 4, status: 'done', validated: true, outcome: 'training' },
  { module: 2, start: -45, days: 11, status: 'done', validated: true, outcome: 'other' },
  { module: 2, start: -38, days: 11, status: 'done', validated: false, outcome: 'no_follow_up' },
  { module: 3, start: -80, days: 18, status: 'done', validated: true, outcome: 'contract' },
  { module: 3, start: -52, days: 11, status: 'done', validated: true, outcome: 'contract' },
  { module: 3, start: -30, days: 11, status: 'done', validated: false, outcome: 'no_follow_up' },
  { module: 0, start: -25, days: 4, status: 'done', validated: true },
  { module: 2, start: 7, days: 4, status: 'cancelled' },
]

export async function loadImmersionsDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const s = ctx.structureId
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const random = new Random(0x1e5a)
  const programmeId = random.uuid()
  await tx
    .insertInto('immersion_programme')
    .values({ structure_id: s, id: programmeId, name: 'Immersions CIVIS', external_id: 'demo-immersions-civis' })
    .execute()
  await tx
    .insertInto('immersion_module')
    .values(CIVIS_MODULES.map((m) => ({ ...m, structure_id: s, programme_id: programmeId })))
    .execute()
  const employers = await tx
    .selectFrom('employer')
    .select(['id', 'external_id'])
    .where('structure_id', '=', s)
    .where('external_id', 'like', 'demo-employer-%')
    .execute()
  employers.sort((a, b) => Number(a.external_id?.slice(15)) - Number(b.external_id?.slice(15)))
  const counsellor = ctx.userIds.get(DEMO_COUNSELLOR) ?? null
  const people = await persons(tx, ctx, counsellor)
  // the employers part runs first (employment.demo.ts): its companies must be there
  if (!employers.length) throw new Error('immersions demo: the demo employers (demo-employer-*) are missing')
  if (!people.length) return
  const rows: Insertable<ImmersionTable>[] = IMMERSIONS.map((spec, n) => {
    const post = POSTS[n % POSTS.length]!
    const startsOn = addDays(today, spec.start)
    const employer = employers[(n * 5) % employers.length]!
    const done = spec.validated !== undefined
    return {
      structure_id: s,
      id: random.uuid(),
      // people from the sixth on: the first ones carry the offers' and the training's demo stories
      person_id: people[(n + 5) % people.length]!.id,
      employer_id: employer.id,
      programme_id: spec.module ? programmeId : null,
      module_number: spec.module || null,
      pool_id: null,
      objective: spec.module ? CIVIS_MODULES[spec.module - 1]!.objective : 'discover',
      job_title: post.job,
      rome_code: post.rome,
      activities: post.activities,
      skills_observed: done ? 'Ponctualité, respect des consignes, travail en équipe' : null,
      place: null,
      tutor_name: random.pick(TUTORS),
      tutor_job_title: 'Responsable d’équipe',
      tutor_phone: `03 28 ${String(random.int(10, 99))} ${String(random.int(10, 99))} ${String(random.int(10, 99))}`,
      tutor_email: null,
      starts_on: startsOn,
      ends_on: addDays(startsOn, spec.days),
      hours_per_week: 35,
      schedule: 'Du lundi au vendredi, 9 h – 12 h et 13 h – 17 h',
      prescriber_id: counsellor,
      status: spec.status,
      signed_on: spec.status === 'draft' || (spec.status === 'cancelled' && !done) ? null : addDays(startsOn, -7),
      validated: spec.validated ?? null,
      assessment:
        spec.validated === undefined
          ? null
          : spec.validated
            ? 'Objectif atteint : gestes professionnels acquis, bonne intégration dans l’équipe.'
            : 'Objectif non atteint : retards répétés, projet à retravailler avec le conseiller.',
      outcome: spec.outcome ?? null,
      placement_id: null,
      external_id: `demo-immersion-${n + 1}`,
    }
  })
  await tx.insertInto('immersion').values(rows).execute()
}

/** The demo's persons the counsellor follows (her sites first), in name order. */
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
  if (!counsellor) return rows
  const mine = await tx.selectFrom('user_site').select('site_id').where('user_id', '=', counsellor).execute()
  const sites = new Set(mine.map((m) => m.site_id))
  return [
    ...rows.filter((r) => r.site_id && sites.has(r.site_id)),
    ...rows.filter((r) => !r.site_id || !sites.has(r.site_id)),
  ]
}
