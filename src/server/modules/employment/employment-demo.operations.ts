import type { Insertable } from 'kysely'
import { addDays, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { demoSites } from '../../demo/demo-organisation.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { findCommune } from '../reference/communes.ts'
import type { ApplicationSource, OperationApplicationTable, PoolMemberTable } from './employment.tables.ts'

// The operations and pools part of the day's demo (docs/employment/operations.md « Demo data »): three recruitment
// operations of the demo employers (`demo-employer-1`…, employment-demo.employers.ts) — a large logistics one run like
// the seed report's call centre, with 120 applications spread over the funnel and four information sessions, a building
// one starting, a closed retail one — and a home-care pool with 25 of the demo's persons at every stage. Deterministic: a seeded
// generator, the day, the persons' order. Hires stay on outside applicants here (a hire of a person of the files makes a
// placement and a situation: the offers' demo shows those).

const OFFICER = 'entreprises@demo.jalon.fr'

const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau']
const LAST2 = ['Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier']
const FIRST = ['Léa', 'Hugo', 'Manon', 'Lucas', 'Camille', 'Nathan', 'Chloé', 'Enzo', 'Inès', 'Yanis', 'Sarah', 'Théo']
/** outside the territory: Calais, Boulogne-sur-Mer, Saint-Omer, Hazebrouck, Lille */
const ELSEWHERE = [
  ['62193', 'Calais'],
  ['62160', 'Boulogne-sur-Mer'],
  ['62765', 'Saint-Omer'],
  ['59295', 'Hazebrouck'],
  ['59350', 'Lille'],
] as const
const SOURCES: [ApplicationSource, number][] = [
  ['network', 45],
  ['france_travail', 30],
  ['temp_agency', 10],
  ['spontaneous', 12],
  ['other', 3],
]

interface OperationSpec {
  employer: number
  title: string
  sector: string
  positions: number
  profile: string
  method: string
  partners: string
  /** days before today of the start (negative: to come) */
  started: number
  /** days after the start of the end */
  length: number
  status: 'running' | 'closed'
  applications: number
  /** days after the start of each information session */
  sessions: number[]
  /** the share of the demo's persons among the applications */
  persons: number
}

const OPERATIONS: OperationSpec[] = [
  {
    // run like the seed report's call centre: a mass recruitment with information sessions, tests and interviews
    employer: 7,
    title: 'Nouvelle plateforme : 40 préparateurs de commandes et caristes',
    sector: 'Logistique',
    positions: 40,
    profile: 'Travail en équipes, port de charges ; débutants acceptés, CACES R489 financé avant l’embauche.',
    method: 'Information collective, tests d’aptitude (lecture, calcul, habileté), entretien avec l’employeur.',
    partners: 'France Travail, agences d’intérim, Région (formation préalable au recrutement)',
    started: 45,
    length: 90,
    status: 'running',
    applications: 120,
    sessions: [7, 14, 28, 50],
    persons: 0.2,
  },
  {
    employer: 3,
    title: 'Chantier de rénovation urbaine : 12 ouvriers du bâtiment',
    sector: 'Bâtiment',
    positions: 12,
    profile: 'Première expérience sur chantier appréciée, permis B souhaité.',
    method: 'Information collective puis entretiens sur le chantier.',
    partners: 'France Travail',
    started: 10,
    length: 60,
    status: 'running',
    applications: 25,
    sessions: [12],
    persons: 0.3,
  },
  {
    employer: 5,
    title: 'Ouverture du drive : 8 employés de libre-service',
    sector: 'Commerce',
    positions: 8,
    profile: 'Polyvalence, horaires décalés.',
    method: 'Information collective, entretiens collectifs.',
    partners: 'Agence d’intérim',
    started: 150,
    length: 45,
    status: 'closed',
    applications: 20,
    sessions: [10],
    persons: 0.25,
  },
]

export async function loadOperationsDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const s = ctx.structureId
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const random = new Random(0x0b_e7a7)
  const officer = ctx.userIds.get(OFFICER) ?? null
  const employers = await tx
    .selectFrom('employer')
    .select(['id', 'external_id'])
    .where('structure_id', '=', s)
    .where('external_id', 'like', 'demo-employer-%')
    .execute()
  const employerOf = new Map(employers.map((e) => [e.external_id, e.id]))
  for (const o of OPERATIONS)
    if (!employerOf.has(`demo-employer-${o.employer}`))
      throw new Error(
        `employment-demo.operations: the employers' demo did not write demo-employer-${o.employer} (employment-demo.employers.ts runs first)`,
      )
  const persons = ctx.personIds.slice(0, 200)
  const local = demoSites.flatMap((x) => x.communes).map((code) => [code, findCommune(code)?.name ?? code] as const)
  let personCursor = 0
  let n = 0

  for (const [k, o] of OPERATIONS.entries()) {
    const start = addDays(today, -o.started)
    const operationId = random.uuid()
    await tx
      .insertInto('recruitment_operation')
      .values({
        structure_id: s,
        id: operationId,
        employer_id: employerOf.get(`demo-employer-${o.employer}`)!,
        title: o.title,
        sector: o.sector,
        positions: o.positions,
        profile: o.profile,
        method: o.method,
        partners: o.partners,
        starts_on: start,
        ends_on: addDays(start, o.length),
        status: o.status,
        officer_id: officer,
        external_id: `demo-operation-${k + 1}`,
      })
      .execute()
    const sessions = o.sessions.map((d, i) => ({
      structure_id: s,
      id: random.uuid(),
      operation_id: operationId,
      at: new Date(`${addDays(start, d)}T08:30:00Z`),
      place: i % 2 ? 'Antenne Grande-Synthe, salle 2' : 'Maison de l’emploi, Dunkerque',
      capacity: 40,
      external_id: `demo-operation-${k + 1}-session-${i + 1}`,
    }))
    await tx.insertInto('operation_info_session').values(sessions).execute()
    const past = sessions.filter((x) => dayIn(x.at, DEFAULT_TIME_ZONE) < today)
    const finished = o.status === 'closed'
    const rows: Insertable<OperationApplicationTable>[] = []
    for (let i = 0; i < o.applications; i++) {
      const fromFiles = random.chance(o.persons) && persons.length > 0
      const personId = fromFiles ? persons[personCursor++ % persons.length]! : null
      const commune = random.chance(0.87) ? random.pick(local) : random.pick(ELSEWHERE)
      const received = addDays(start, random.int(0, Math.max(1, Math.min(o.started, o.length) - 5)))
      // how far this application went: invited to a session already held, present, tested, interviewed, hired
      const session = past.length && random.chance(finished ? 0.9 : 0.75) ? random.pick(past) : null
      const sessionDay = session ? dayIn(session.at, DEFAULT_TIME_ZONE) : null
      const attended = session ? random.chance(0.8) : null
      const tested = attended ? (random.chance(0.75) ? 'passed' : 'failed') : null
      const interviewed = tested === 'passed' && random.chance(0.7) ? addDays(sessionDay!, random.int(3, 10)) : null
      const interviewedOn = interviewed !== null && interviewed < today ? interviewed : null
      let outcome: OperationApplicationTable['outcome'] = null
      if (interviewedOn && !personId) outcome = random.chance(0.6) ? 'hired' : 'not_retained'
      else if (interviewedOn && personId) outcome = random.chance(0.3) ? 'not_retained' : null
      else if (tested === 'failed' || (finished && session)) outcome = 'not_retained'
      else if (random.chance(0.05)) outcome = 'withdrawn'
      n++
      rows.push({
        structure_id: s,
        id: random.uuid(),
        operation_id: operationId,
        person_id: personId,
        last_name: personId ? null : `${random.pick(LAST)}${random.chance(0.5) ? '' : `-${random.pick(LAST2)}`}`,
        first_name: personId ? null : random.pick(FIRST),
        commune_code: personId ? null : commune[0],
        commune_name: personId ? null : commune[1],
        source: random.weighted(SOURCES),
        received_on: sessionDay && received > sessionDay ? addDays(sessionDay, -2) : received,
        info_session_id: session?.id ?? null,
        attended,
        test_result: tested,
        interviewed_on: interviewedOn,
        outcome,
        placement_id: null,
        sent_by: officer,
        external_id: `demo-application-${n}`,
      })
    }
    await tx.insertInto('operation_application').values(rows).execute()
  }

  await loadPoolDemo(tx, ctx, today, random, officer, persons.slice(-25))
}

/** The home-care pool: 25 persons positioned, informed at two sessions, interviewed, joined, some employed. */
async function loadPoolDemo(
  tx: Tx,
  ctx: DemoContext,
  today: string,
  random: Random,
  officer: string | null,
  persons: string[],
) {
  const s = ctx.structureId
  const poolId = random.uuid()
  const start = addDays(today, -120)
  await tx
    .insertInto('candidate_pool')
    .values({
      structure_id: s,
      id: poolId,
      name: 'Vivier aide à domicile',
      kind: 'sector',
      sector: 'Services à la personne',
      eligibility:
        'Demandeurs d’emploi de plus de 18 ans, permis B et véhicule souhaités, intérêt pour l’accompagnement des personnes âgées ; diplôme non requis (formation qualifiante proposée après l’entrée).',
      starts_on: start,
      ends_on: null,
      officer_id: officer,
      active: true,
      external_id: 'demo-pool-1',
    })
    .execute()
  const sessions = [20, 70].map((d, i) => ({
    structure_id: s,
    id: random.uuid(),
    pool_id: poolId,
    at: new Date(`${addDays(start, d)}T13:30:00Z`),
    place: 'CCAS de Dunkerque',
    external_id: `demo-pool-1-session-${i + 1}`,
  }))
  await tx.insertInto('pool_info_session').values(sessions).execute()
  const members: Insertable<PoolMemberTable>[] = persons.map((personId, i) => {
    const positioned = addDays(start, 5 + ((i * 4) % 90))
    const session = sessions.find((x) => dayIn(x.at, DEFAULT_TIME_ZONE) >= positioned)
    const informed = session && dayIn(session.at, DEFAULT_TIME_ZONE) < today && random.chance(0.85) ? session : null
    const interviewed = informed ? addDays(dayIn(informed.at, DEFAULT_TIME_ZONE), random.int(2, 8)) : null
    const joined = interviewed && interviewed < today && random.chance(0.7) ? addDays(interviewed, 7) : null
    const left =
      joined && joined < addDays(today, -20) && random.chance(0.5) ? addDays(joined, random.int(10, 20)) : null
    return {
      structure_id: s,
      id: random.uuid(),
      pool_id: poolId,
      person_id: personId,
      positioned_on: positioned,
      positioned_by: officer,
      info_session_id: informed?.id ?? null,
      interviewed_on: interviewed && interviewed < today ? interviewed : null,
      joined_on: joined && joined < today ? joined : null,
      left_on: left && left < today ? left : null,
      left_reason: left && left < today ? (random.chance(0.8) ? 'employed' : 'dropped') : null,
      external_id: `demo-pool-1-member-${i + 1}`,
    }
  })
  if (members.length) await tx.insertInto('pool_member').values(members).execute()
}
