import type { Insertable } from 'kysely'
import type { Random } from '../../../demo/random.ts'
import { type Day, day, isOpenDay, isoDay, yearOf } from '../../../demo/year2009/days.ts'
import type {
  TrainingActionTable,
  TrainingBodyTable,
  TrainingFunder,
  TrainingSessionTable,
  TrainingSituationKind,
} from '../training.tables.ts'

// The training department's catalogue of 2008–2009 (docs/demo-2009.md, « Training »): about 30 training bodies of the
// Dunkerque area, the actions of the regional programme (PRF 2008-2009 started in 2008, and the 89 set up in 2009), the
// 29 actions of other funders set up in 2009 (France Travail — Pôle emploi then —, the State's DRTEFP, the AGEFIPH) and
// the AFPA centre's standing offer (opened in 2007 and 2008). Sessions are made as the prescriptions need them
// (`Catalogue.sessionFor`): an entry joins a session of a suitable action starting on its day or a few days before.

export type Kind = TrainingSituationKind
export const KINDS: readonly Kind[] = [
  'qualifying_training',
  'pre_qualifying_training',
  'orientation_training',
  'basic_skills_training',
]

/** a group of actions sessions are drawn from: a funder and, for the regional programme, the programme's year */
export type Programme = 'prf2008' | 'prf2009' | Exclude<TrainingFunder, 'regional_programme' | 'opco' | 'other'>

/** actions per programme and kind */
export const ACTIONS: Record<Programme, Record<Kind, number>> = {
  prf2008: {
    qualifying_training: 22,
    pre_qualifying_training: 18,
    orientation_training: 10,
    basic_skills_training: 8,
  },
  // 89 set up in 2009
  prf2009: {
    qualifying_training: 33,
    pre_qualifying_training: 28,
    orientation_training: 16,
    basic_skills_training: 12,
  },
  afpa: { qualifying_training: 6, pre_qualifying_training: 2, orientation_training: 1, basic_skills_training: 0 },
  // 29 set up in 2009 with other funders: 14 + 9 + 6
  france_travail: {
    qualifying_training: 5,
    pre_qualifying_training: 4,
    orientation_training: 3,
    basic_skills_training: 2,
  },
  state: { qualifying_training: 2, pre_qualifying_training: 3, orientation_training: 2, basic_skills_training: 2 },
  agefiph: { qualifying_training: 2, pre_qualifying_training: 2, orientation_training: 1, basic_skills_training: 1 },
}

const FUNDER: Record<Programme, TrainingFunder> = {
  prf2008: 'regional_programme',
  prf2009: 'regional_programme',
  afpa: 'afpa',
  france_travail: 'france_travail',
  state: 'state',
  agefiph: 'agefiph',
}

/** [title, NSF, Formacode, level 2019] by kind */
const TITLES: Record<Kind, [string, string, string, number | null][]> = {
  qualifying_training: [
    ['Agent de propreté et d’hygiène', '343t', '42811', 3],
    ['Cariste d’entrepôt', '311t', '31812', 3],
    ['Soudeur assembleur industriel', '254s', '23054', 3],
    ['Agent de restauration', '221t', '42752', 3],
    ['Assistant de vie aux familles', '330t', '42056', 3],
    ['Vendeur conseil en magasin', '312t', '34566', 4],
    ['Électricien d’équipement du bâtiment', '255s', '24049', 3],
    ['Préparateur de commandes', '311t', '31854', 3],
    ['Secrétaire assistant', '324t', '35054', 4],
    ['Agent de maintenance industrielle', '250r', '31068', 4],
    ['Maçon du bâti ancien', '232s', '22454', 3],
    ['Agent de sûreté et de sécurité privée', '344t', '42893', 3],
  ],
  pre_qualifying_training: [
    ['Préqualification métiers du bâtiment', '230s', '22094', null],
    ['Préqualification industrie et logistique', '200s', '31077', null],
    ['Préqualification services à la personne', '330t', '42086', null],
    ['Préqualification hôtellerie-restauration', '334t', '42781', null],
    ['Préqualification métiers portuaires', '311t', '31845', null],
  ],
  orientation_training: [
    ['Découverte des métiers et projet professionnel', '415', '15041', null],
    ['Orientation et élaboration de projet', '415', '15041', null],
    ['Plateforme de mobilisation vers l’emploi', '415', '15054', null],
  ],
  basic_skills_training: [
    ['Savoirs de base et remise à niveau', '411', '15031', null],
    ['Français langue étrangère à visée professionnelle', '136', '15235', null],
    ['Compétences clés', '411', '15061', null],
  ],
}

/** training bodies: [name, INSEE commune, commune name] (the AFPA centre first) */
const BODIES: [string, string, string][] = [
  ['AFPA Centre de Dunkerque', '59183', 'Dunkerque'],
  ['GRETA Grand Littoral', '59183', 'Dunkerque'],
  ['CUEEP Littoral', '59183', 'Dunkerque'],
  ['Institut des métiers de la mer', '59183', 'Dunkerque'],
  ['Centre de formation du Littoral', '59271', 'Grande-Synthe'],
  ['Atelier savoirs de base', '59155', 'Coudekerque-Branche'],
  ['CCI Formation Côte d’Opale', '59183', 'Dunkerque'],
  ['Formation Bâtiment Flandre', '59131', 'Cappelle-la-Grande'],
  ['IRFA Nord', '59183', 'Dunkerque'],
  ['Proformat Dunkerque', '59183', 'Dunkerque'],
  ['AFCI Littoral', '59271', 'Grande-Synthe'],
  ['Centre régional de formation logistique', '59359', 'Loon-Plage'],
  ['Espace formation de Gravelines', '59273', 'Gravelines'],
  ['Institut régional du travail social', '59183', 'Dunkerque'],
  ['Maison de la formation de Bourbourg', '59094', 'Bourbourg'],
  ['CLPS Flandre', '59155', 'Coudekerque-Branche'],
  ['Lycée professionnel de l’Île Jeanty (formation continue)', '59183', 'Dunkerque'],
  ['Ateliers du Littoral Formation', '59588', 'Téteghem'],
  ['Infrep Dunkerque', '59183', 'Dunkerque'],
  ['Formavenir Flandre', '59663', 'Wormhout'],
  ['AREP Compétences', '59067', 'Bergues'],
  ['Centre de formation des métiers de bouche', '59183', 'Dunkerque'],
  ['Retravailler Côte d’Opale', '59271', 'Grande-Synthe'],
  ['Institut de soudure Nord', '59183', 'Dunkerque'],
  ['ADAPT Nord – Pas-de-Calais', '59183', 'Dunkerque'],
  ['Forma Services à la personne', '59155', 'Coudekerque-Branche'],
  ['Sécurité Formation Littoral', '59359', 'Loon-Plage'],
  ['Cap Emploi Formation', '59183', 'Dunkerque'],
  ['École de la deuxième chance Côte d’Opale', '59271', 'Grande-Synthe'],
  ['Hondschoote Formation', '59309', 'Hondschoote'],
]
export const AFPA_BODY = 0

/** a SIRET with a valid Luhn key: a SIREN of 9 digits, a site number of 4, the key digit */
export function siret(r: Random): string {
  const head = `${r.int(3, 8)}${String(r.int(0, 99_999_999)).padStart(8, '0')}${String(r.int(1, 99)).padStart(4, '0')}`
  for (let k = 0; k <= 9; k++) if (luhn(`${head}${k}`)) return `${head}${k}`
  throw new Error('siret: no key')
}
export function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const LENGTH: Record<Kind, [number, number]> = {
  qualifying_training: [90, 270],
  pre_qualifying_training: [60, 150],
  orientation_training: [30, 60],
  basic_skills_training: [30, 120],
}

interface Action {
  id: string
  programme: Programme
  kind: Kind
  body: number
  places: number
  sessions: Session[]
}
interface Session {
  id: string
  action: Action
  start: Day
  taken: number
  places: number
}

const lastOpenDayOnOrBefore = (d: Day) => {
  let x = d
  while (!isOpenDay(x)) x--
  return x
}

export class Catalogue {
  bodies: Insertable<TrainingBodyTable>[] = []
  actions: Insertable<TrainingActionTable>[] = []
  private byGroup = new Map<string, Action[]>()
  private all: Action[] = []
  private sessions = new Map<string, Session>()
  readonly bodyIds: string[] = []

  constructor(
    private readonly s: string,
    private readonly r: Random,
    private readonly nextId: () => string,
  ) {
    BODIES.forEach(([name, commune, town], k) => {
      const id = nextId()
      this.bodyIds.push(id)
      this.bodies.push({
        structure_id: s,
        id,
        name,
        siret: siret(r),
        address: `${r.int(1, 120)} rue ${r.pick(['de la République', 'du Port', 'Jean Jaurès', 'des Fusillés', 'de Lille'])}, ${town}`,
        commune_code: commune,
        contact_name: `Responsable formation ${name.split(' ')[0]}`,
        contact_email: null,
        contact_phone: `03 28 ${String(r.int(10, 99))} ${String(r.int(10, 99))} ${String(r.int(10, 99))}`,
        lheo_id: null,
        external_id: `TRN2009-B${String(k + 1).padStart(2, '0')}`,
      })
    })
    let n = 0
    for (const programme of Object.keys(ACTIONS) as Programme[])
      for (const kind of KINDS)
        for (let k = 0; k < ACTIONS[programme][kind]; k++) {
          const [title, nsf, formacode, level] = TITLES[kind][(k + n) % TITLES[kind].length]
          const body = programme === 'afpa' ? AFPA_BODY : r.int(1, BODIES.length - 1)
          const places = kind === 'qualifying_training' ? r.int(10, 16) : r.int(12, 20)
          const a: Action = { id: nextId(), programme, kind, body, places, sessions: [] }
          n++
          this.all.push(a)
          const key = `${programme}:${kind}`
          this.byGroup.set(key, [...(this.byGroup.get(key) ?? []), a])
          const [min, max] = LENGTH[kind]
          this.actions.push({
            structure_id: s,
            id: a.id,
            body_id: this.bodyIds[body],
            code: `${programme.toUpperCase()}-${String(n).padStart(3, '0')}`,
            title,
            funder: FUNDER[programme],
            nsf_code: nsf,
            formacode,
            situation_kind: kind,
            level_2019: level,
            public: programme === 'agefiph' ? 'Travailleurs handicapés' : 'Jeunes et adultes demandeurs d’emploi',
            prerequisites: kind === 'qualifying_training' ? 'Projet validé, savoirs de base acquis' : null,
            objective: null,
            duration_hours: Math.round(((min + max) / 2 / 7) * 30),
            places,
            lheo_id: null,
            external_id: `TRN2009-A${String(n).padStart(3, '0')}`,
          })
        }
  }

  /** the programmes offering `kind` */
  offers(programme: Programme, kind: Kind): boolean {
    return (this.byGroup.get(`${programme}:${kind}`)?.length ?? 0) > 0
  }

  /** a session of `programme`'s actions of `kind` starting on `on` or up to 14 days before, with a place left (made if
   * none): its id */
  sessionFor(programme: Programme, kind: Kind, on: Day): string {
    const group = this.byGroup.get(`${programme}:${kind}`)
    if (!group?.length) throw new Error(`training 2009: no ${programme} action of ${kind}`)
    for (const a of group)
      for (const x of a.sessions)
        if (x.start <= on && x.start >= on - 14 && x.taken < x.places) {
          x.taken++
          return x.id
        }
    // the action with the fewest sessions (every action gets one), then the group's order
    const a = group.reduce((m, x) => (x.sessions.length < m.sessions.length ? x : m), group[0])
    let start = lastOpenDayOnOrBefore(on - this.r.int(0, 3))
    // the actions set up in 2009 have no session before it
    if (programme !== 'prf2008' && programme !== 'afpa' && start < day(2009, 1, 2))
      start = Math.min(on, day(2009, 1, 2))
    const x = this.addSession(a, start)
    x.taken++
    return x.id
  }

  /** a session of any `programme` action open for applications around `on` (for prescriptions with no entry) */
  anySession(programme: Programme, on: Day): string {
    const group = this.all.filter((a) => a.programme === programme)
    const a = this.r.pick(group)
    const after = a.sessions.find((x) => x.start >= on && x.start <= on + 60)
    return (after ?? this.addSession(a, lastOpenDayOnOrBefore(on + this.r.int(20, 50)))).id
  }

  private addSession(a: Action, start: Day): Session {
    const x: Session = { id: this.nextId(), action: a, start, taken: 0, places: a.places }
    a.sessions.push(x)
    this.sessions.set(x.id, x)
    return x
  }

  /** every action gets a first session of its year: PRF 2008 in 2008, the AFPA's in 2007 or 2008, the others in 2009 */
  completeFirstSessions(): void {
    for (const a of this.all) {
      const first = Math.min(...a.sessions.map((x) => x.start))
      const year = a.programme === 'prf2008' ? 2008 : a.programme === 'afpa' ? (a.body % 2 ? 2007 : 2008) : 2009
      if (a.sessions.length && yearOf(first) <= year) continue
      const from = a.programme === 'afpa' ? day(a.sessions.length % 2 ? 2007 : 2008, 9, 1) : day(year, 9, 1)
      this.addSession(a, lastOpenDayOnOrBefore(from + this.r.int(0, 60)))
    }
  }

  sessionRows(): Insertable<TrainingSessionTable>[] {
    return this.all.flatMap((a) =>
      a.sessions
        .sort((x, y) => x.start - y.start)
        .map((x) => {
          const [min, max] = LENGTH[a.kind]
          const body = this.bodies[a.body]
          const info = lastOpenDayOnOrBefore(x.start - 14)
          return {
            structure_id: this.s,
            id: x.id,
            action_id: a.id,
            starts_on: isoDay(x.start),
            ends_on: isoDay(x.start + this.r.int(min, max)),
            place: body.name,
            commune_code: body.commune_code ?? null,
            places: Math.max(x.places, x.taken),
            info_session_at: new Date(`${isoDay(info)}T08:30:00Z`),
            info_session_place: body.name,
            applications_close_on: isoDay(info - 1),
            status: x.start < day(2009, 12, 1) ? ('closed' as const) : ('open' as const),
            lheo_id: null,
            external_id: null,
          }
        }),
    )
  }

  /** the information session of a session (14 days before its start): for a prescription's convocation */
  infoDayOf(sessionStart: Day): Day {
    return lastOpenDayOnOrBefore(sessionStart - 14)
  }

  startOf(sessionId: string): Day {
    const x = this.sessions.get(sessionId)
    if (!x) throw new Error('training 2009: unknown session')
    return x.start
  }
}
