import type { Insertable } from 'kysely'
import type { Random } from '../../../demo/random.ts'
import { type Day, day, END_2009, isoDay, yearEnd, yearOf, yearStart } from '../../../demo/year2009/days.ts'
import type { Year2009Base } from '../../../demo/year2009/insert.ts'
import type {
  PrescriptionStatus,
  TrainingExitKind,
  TrainingPrescriptionEventTable,
  TrainingPrescriptionTable,
} from '../training.tables.ts'
import { type Catalogue, KINDS, type Kind, type Programme } from './catalogue.ts'

// The prescriptions of 2008 and 2009 (docs/demo-2009.md, « Training »). The entries are the Mission Locale part's
// training situations: of the 1 314 non-school training situations started in 2009, 1 260 get the prescription that
// led to them (1 105 on the regional programme by 982 young people, 407 women and 575 men; 155 on the AFPA's, the
// State's, France Travail's and the AGEFIPH's actions), 54 none (trainings outside the department's catalogue), nor do
// the 99 returns to school. 2008: 970 young people with a regional-programme entry. Then prescriptions that led to no
// entry (refused, not accepted, waiting list, cancelled, still open at the year's end), and the AFPA orientations:
// 189 young people with a prescription filed on an AFPA action in 2009, 134 in 2008.

export const TRAINING_TARGETS = {
  2009: { entries: 1260, regional: 1105, regionalYouth: { F: 407, M: 575 }, afpaYouth: 189 },
  2008: { regionalYouth: 970, afpaYouth: 134 },
} as const
/** the other funders' entries of 2009, by programme (155 in all) */
const OTHER_2009: [Programme, number][] = [
  ['afpa', 38],
  ['france_travail', 52],
  ['state', 38],
  ['agefiph', 27],
]

const ARGUMENTS = [
  'Projet professionnel validé après une période d’immersion ; motivation confirmée.',
  'Le jeune souhaite se qualifier dans ce métier ; prérequis vérifiés en entretien.',
  'Besoin d’une remise à niveau avant une formation qualifiante.',
  'Projet à confirmer : la formation permettra de découvrir le métier.',
  'Mobilité assurée (permis ou transports en commun) ; disponible dès l’entrée.',
]
const REFUSALS = ['Prérequis non atteints', 'Projet professionnel à consolider', 'Hors public de l’action']
const NOT_ACCEPTED = ['Résultats aux tests insuffisants', 'Absent à l’information collective', 'Projet non confirmé']

export interface PrescriptionBuild {
  s: string
  r: Random
  base: Year2009Base
  cat: Catalogue
  nextId: () => string
  siteOf: (p: number) => string
}

export class Prescriptions {
  rows: Insertable<TrainingPrescriptionTable>[] = []
  events: Insertable<TrainingPrescriptionEventTable>[] = []
  /** persons with a prescription filed on an AFPA action, by year */
  afpa = new Map<number, Set<number>>([
    [2008, new Set()],
    [2009, new Set()],
  ])

  constructor(private readonly b: PrescriptionBuild) {}

  private at(d: Day, hour: number) {
    return new Date(`${isoDay(d)}T${String(hour).padStart(2, '0')}:00:00Z`)
  }

  private event(id: string, d: Day, hour: number, from: PrescriptionStatus | null, to: PrescriptionStatus) {
    this.events.push({
      structure_id: this.b.s,
      id: this.b.nextId(),
      prescription_id: id,
      at: this.at(d, hour),
      actor_id: null,
      from_status: from,
      to_status: to,
      note: null,
    })
  }

  private base(p: number, sessionId: string, programme: Programme, filed: Day) {
    const { b } = this
    if (programme === 'afpa') this.afpa.get(yearOf(filed))?.add(p)
    return {
      structure_id: b.s,
      id: b.nextId(),
      person_id: b.base.personIds[p],
      session_id: sessionId,
      prescriber_id: b.base.staffIds[b.base.plan.persons[p].referent],
      site_id: b.siteOf(p),
      argument: b.r.pick(ARGUMENTS),
      filed_at: this.at(filed, 9),
      answer_due_on: isoDay(filed + 10),
      external_id: null,
    }
  }

  /** the prescription that led to situation `k` (its entry), on `programme` */
  entered(k: number, programme: Programme): void {
    const { b } = this
    const sit = b.base.plan.situations[k]
    const kind = sit.kind as Kind
    const sessionId = b.cat.sessionFor(programme, kind, sit.start)
    const entry = sit.start
    const info = Math.min(b.cat.infoDayOf(b.cat.startOf(sessionId)), entry)
    const first = b.base.plan.persons[sit.p].firstReception
    const filed = Math.min(info, Math.max(first, info - b.r.int(7, 30)))
    const decided = filed + Math.floor((info - filed) / 3)
    const answered = info + Math.floor((entry - info) / 2)
    const exit = sit.end !== null && sit.end <= END_2009 ? sit.end : null
    const exitKind: TrainingExitKind | null =
      exit === null
        ? null
        : b.r.weighted([
            ['completed', 80],
            ['dropped_out', 14],
            ['other', 6],
          ] as const)
    const row = this.base(sit.p, sessionId, programme, filed)
    this.rows.push({
      ...row,
      status: exit === null ? 'entered' : 'exited',
      decided_by: null,
      decided_at: this.at(decided, 14),
      department_note: null,
      convened_at: this.at(decided, 15),
      info_attendance: 'present',
      test_result: kind === 'qualifying_training' ? 'Tests réussis' : null,
      outcome_reason: null,
      answered_at: this.at(answered, 16),
      entry_date: isoDay(entry),
      situation_id: b.base.situationIds[k],
      hours_attended:
        exit === null ? null : Math.round(((exit - entry) / 7) * 30 * (exitKind === 'completed' ? 1 : 0.5)),
      exit_date: exit === null ? null : isoDay(exit),
      exit_kind: exitKind,
      qualification_obtained:
        exit === null || kind !== 'qualifying_training' ? null : exitKind === 'completed' && b.r.chance(0.72),
      result_note: null,
    })
    this.event(row.id, filed, 9, null, 'submitted')
    this.event(row.id, decided, 14, 'submitted', 'validated')
    this.event(row.id, answered, 16, 'validated', 'accepted')
    this.event(row.id, entry, 10, 'accepted', 'entered')
    if (exit !== null) this.event(row.id, exit, 17, 'entered', 'exited')
  }

  /** a prescription that led to no entry: refused by the department, not accepted by the body, on the waiting list,
   * cancelled, or still open at the end of 2009 */
  unentered(p: number, programme: Programme, filed: Day, status: PrescriptionStatus): void {
    const { b } = this
    const sessionId = b.cat.anySession(programme, filed)
    const info = Math.max(filed + 3, b.cat.infoDayOf(b.cat.startOf(sessionId)))
    const decided = filed + b.r.int(1, 3)
    const row = this.base(p, sessionId, programme, filed)
    const validated = !['submitted', 'more_info', 'refused'].includes(status)
    const answered = ['not_accepted', 'waiting_list'].includes(status)
    this.rows.push({
      ...row,
      status,
      decided_by: null,
      decided_at: status === 'submitted' || status === 'more_info' ? null : this.at(decided, 14),
      department_note:
        status === 'refused'
          ? b.r.pick(REFUSALS)
          : status === 'more_info'
            ? 'Préciser le projet et la mobilité'
            : status === 'cancelled'
              ? 'Le jeune a trouvé un emploi'
              : null,
      convened_at: validated ? this.at(decided, 15) : null,
      info_attendance: answered ? (status === 'not_accepted' && b.r.chance(0.3) ? 'absent' : 'present') : null,
      test_result: null,
      outcome_reason:
        status === 'not_accepted' ? b.r.pick(NOT_ACCEPTED) : status === 'waiting_list' ? 'Liste d’attente' : null,
      answered_at: answered ? this.at(info + 2, 16) : null,
      entry_date: null,
      situation_id: null,
      hours_attended: null,
      exit_date: null,
      exit_kind: null,
      qualification_obtained: null,
      result_note: null,
    })
    this.event(row.id, filed, 9, null, 'submitted')
    if (status === 'submitted') return
    if (status === 'more_info' || status === 'refused') return void this.event(row.id, decided, 14, 'submitted', status)
    this.event(row.id, decided, 14, 'submitted', 'validated')
    if (answered) this.event(row.id, info + 2, 16, 'validated', status)
    if (status === 'cancelled') this.event(row.id, decided + 5, 11, 'validated', 'cancelled')
  }
}

/** the non-school training situations started in `year`, by person */
function trainingsByPerson(base: Year2009Base, year: number): Map<number, number[]> {
  const out = new Map<number, number[]>()
  base.plan.situations.forEach((x, k) => {
    if (!KINDS.includes(x.kind as Kind) || yearOf(x.start) !== year) return
    out.set(x.p, [...(out.get(x.p) ?? []), k])
  })
  return out
}

/** the regional programme's actions an entry of `d` goes to: the PRF 2008-2009 until February 2009 */
const prf = (d: Day): Programme => (d < day(2009, 3, 1) ? 'prf2008' : 'prf2009')

export function buildPrescriptions(b: PrescriptionBuild): Prescriptions {
  const { r, base } = b
  const out = new Prescriptions(b)
  const persons = base.plan.persons

  // 2008 first (the PRF 2008-2009's sessions start in 2008)
  const by2008 = trainingsByPerson(base, 2008)
  const youth2008 = r.shuffle([...by2008.keys()].sort((x, y) => x - y))
  if (youth2008.length < TRAINING_TARGETS[2008].regionalYouth)
    throw new Error(`training 2009: ${youth2008.length} young people with a 2008 training, 970 wanted`)
  const left2008: number[] = []
  youth2008.forEach((p, j) => {
    const ks = r.shuffle([...by2008.get(p)!])
    if (j < TRAINING_TARGETS[2008].regionalYouth) {
      out.entered(ks[0], 'prf2008')
      if (ks.length > 1 && r.chance(0.5)) out.entered(ks[1], 'prf2008')
      else left2008.push(...ks.slice(1))
    } else left2008.push(...ks)
  })
  for (const k of r.shuffle(left2008).slice(0, 40))
    if (base.plan.situations[k].kind !== 'basic_skills_training') out.entered(k, 'afpa')

  // 2009: 982 young people by sex on the regional programme, 1 105 entries
  const t = TRAINING_TARGETS[2009]
  const by2009 = trainingsByPerson(base, 2009)
  const all2009 = r.shuffle([...by2009.keys()].sort((x, y) => x - y))
  const chosen = (['F', 'M'] as const).flatMap((sex) => {
    const pool = all2009.filter((p) => persons[p].sex === sex)
    if (pool.length < t.regionalYouth[sex])
      throw new Error(`training 2009: ${pool.length} young ${sex} with a 2009 training, ${t.regionalYouth[sex]} wanted`)
    return pool.slice(0, t.regionalYouth[sex])
  })
  const chosenSet = new Set(chosen)
  const regional: number[] = []
  const spare: number[] = []
  for (const p of chosen) {
    const ks = r.shuffle([...by2009.get(p)!])
    regional.push(ks[0])
    spare.push(...ks.slice(1))
  }
  r.shuffle(spare)
  const extra = t.regional - regional.length
  if (spare.length < extra) throw new Error(`training 2009: ${spare.length} more trainings, ${extra} wanted`)
  regional.push(...spare.slice(0, extra))
  const rest = [...spare.slice(extra), ...all2009.filter((p) => !chosenSet.has(p)).flatMap((p) => by2009.get(p)!)]
  const others = t.entries - t.regional
  if (rest.length < others) throw new Error(`training 2009: ${rest.length} other trainings, ${others} wanted`)
  for (const k of regional.sort((x, y) => base.plan.situations[x].start - base.plan.situations[y].start))
    out.entered(k, prf(base.plan.situations[k].start))
  // the other funders' 155: AFPA, France Travail, State, AGEFIPH, each on the kinds it offers
  const deck = OTHER_2009.flatMap(([programme, n]) => Array<Programme>(n).fill(programme))
  const pending = r.shuffle(rest).slice(0, others)
  for (const k of pending) {
    const kind = base.plan.situations[k].kind as Kind
    const j = deck.findIndex((programme) => b.cat.offers(programme, kind))
    if (j < 0) throw new Error(`training 2009: no other funder left for ${kind}`)
    out.entered(k, deck.splice(j, 1)[0])
  }

  // prescriptions that led to no entry, filed by the young person's counsellor while followed
  const followed = (year: number) =>
    persons.filter((p) => p.firstReception <= yearEnd(year) - 30 && (p.mlExit ?? END_2009) >= yearStart(year) + 30)
  const dayFor = (p: number, year: number) => {
    const x = persons[p]
    const from = Math.max(yearStart(year) + 31, x.firstReception)
    const to = Math.min(yearEnd(year) - 5, x.mlExit ?? END_2009)
    return r.int(from, Math.max(from, to))
  }
  const STATUSES: [PrescriptionStatus, number][] = [
    ['refused', 60],
    ['not_accepted', 70],
    ['waiting_list', 30],
    ['cancelled', 40],
  ]
  for (const year of [2008, 2009] as const) {
    const pool = r.shuffle(followed(year).map((x) => x.i))
    let j = 0
    for (const [status, n] of STATUSES)
      for (let k = 0; k < n; k++, j++) {
        const p = pool[j]
        const on = dayFor(p, year)
        out.unentered(
          p,
          year === 2008 ? 'prf2008' : r.pick(['prf2009', 'france_travail', 'state'] as const),
          on,
          status,
        )
      }
    if (year === 2009)
      for (const [status, n] of [
        ['submitted', 10],
        ['more_info', 5],
        ['validated', 15],
      ] as const)
        for (let k = 0; k < n; k++, j++) {
          const p = pool[j]
          out.unentered(p, 'prf2009', r.int(day(2009, 12, 7), day(2009, 12, 22)), status)
        }
    // the AFPA orientations: young people oriented to the AFPA centre, many not accepted or not entered
    const wanted = TRAINING_TARGETS[year].afpaYouth
    const seen = out.afpa.get(year)!
    if (seen.size > wanted)
      throw new Error(`training 2009: ${seen.size} AFPA orientations in ${year}, ${wanted} wanted`)
    for (const p of pool.slice(j)) {
      if (seen.size >= wanted) break
      if (seen.has(p)) continue
      const on = dayFor(p, year)
      if (yearOf(on) !== year) continue
      out.unentered(
        p,
        'afpa',
        on,
        r.weighted([
          ['not_accepted', 50],
          ['waiting_list', 20],
          ['refused', 15],
          ['cancelled', 15],
        ] as const),
      )
    }
    if (seen.size !== wanted)
      throw new Error(`training 2009: ${seen.size} AFPA orientations in ${year}, ${wanted} wanted`)
  }
  b.cat.completeFirstSessions()
  return out
}
