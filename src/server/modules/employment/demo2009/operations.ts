import { demoSites } from '../../../demo/demo-organisation.ts'
import { type Day, day, weekday } from '../../../demo/year2009/days.ts'
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from '../../../demo/year2009/names.ts'
import { findCommune } from '../../reference/communes.ts'
import {
  active2009,
  between,
  employmentSituations,
  iso,
  type Part,
  type PlacementRow,
  placementOf,
  take,
} from './people.ts'

// The recruitment operations of 2009 (docs/demo-2009.md, « Employment »): 14 operations for 578 positions, among them
// the call centre's: 3 090 applications (1 097 sent by the network: young people of the files), 31 information sessions
// of 65 invited each, 901 interviews, 431 hires of whom 377 live in the structure's territory (87,47 %). 150 of the hires
// are young people of the files: their hire is their existing employment situation (people.ts); the others are outside
// applicants (a name and a commune).

export const CALL_CENTRE = {
  positions: 250,
  applications: 3090,
  network: 1097,
  networkHired: 150,
  sessions: 31,
  perSession: 65,
  interviews: 901,
  hired: 431,
  hiredLocal: 377,
} as const

/** the other operations of the year: title, sector, positions (578 in all with the call centre's 250) */
export const OTHER_OPERATIONS: [string, string, number][] = [
  ['Opératrices de production et soudeuses (industrie)', 'Industrie', 18],
  ['Saisons d’été et d’hiver (hôtellerie-restauration)', 'Hôtellerie restauration', 40],
  ['Agents de réseau et câbleurs (fournisseurs d’accès)', 'Services aux entreprises', 40],
  ['Techniciens et monteurs du nucléaire', 'Nucléaire', 67],
  ['Agents de propreté (grande distribution)', 'Propreté', 25],
  ['Préparateurs de commandes (plate-forme logistique)', 'Logistique', 20],
  ['Agents de sécurité (port)', 'Sécurité', 15],
  ['Caristes (zone portuaire)', 'Logistique', 12],
  ['Vendeurs (centre commercial)', 'Commerce', 30],
  ['Aides-soignants (EHPAD)', 'Santé', 18],
  ['Conducteurs de bus (réseau urbain)', 'Transport', 10],
  ['Ouvriers du bâtiment (rénovation urbaine)', 'BTP', 20],
  ['Employés de restauration collective', 'Restauration', 13],
]

/** communes outside the territory where outside applicants live */
const AWAY = ['62193', '59350', '62765', '59295', '59043', '62160']

/** the 31 information sessions: 2 to 4 a month, from January to September, on Tuesdays and Thursdays */
function sessionDays(): Day[] {
  const perMonth = [2, 4, 4, 4, 4, 4, 3, 2, 4]
  const out: Day[] = []
  perMonth.forEach((n, m) => {
    const days: Day[] = []
    for (let d = day(2009, m + 1, 6); days.length < 8; d++) if (weekday(d) === 2 || weekday(d) === 4) days.push(d)
    for (let k = 0; k < n; k++) out.push(days[Math.floor((k * 8) / n)])
  })
  return out
}

export function buildOperations(part: Part, employerOf: (k: number) => string) {
  const { r, base, s } = part
  const C = CALL_CENTRE
  const persons = base.plan.persons
  const operations = [
    ['Centre de relation clientèle : téléconseillers', 'Relation clientèle', C.positions] as const,
    ...OTHER_OPERATIONS,
  ].map(([title, sector, positions], k) => {
    const starts = k === 0 ? day(2009, 1, 15) : between(r, day(2009, 1, 5), day(2009, 10, 1))
    return {
      structure_id: s,
      id: part.nextId(),
      employer_id: employerOf(k),
      title,
      sector,
      positions,
      profile: null,
      method: k === 0 ? 'Méthode de recrutement par simulation' : null,
      partners: 'Pôle emploi, Maison de l’emploi, missions locales',
      starts_on: iso(starts),
      ends_on: iso(k === 0 ? day(2009, 10, 31) : starts + r.int(60, 200)),
      status: 'closed' as const,
      officer_id: null,
      external_id: `EMP2009-OP${String(k + 1).padStart(2, '0')}`,
    }
  })
  const op = operations[0].id
  const days = sessionDays()
  const sessions = days.map((d, k) => ({
    structure_id: s,
    id: part.nextId(),
    operation_id: op,
    at: new Date(`${iso(d)}T09:00:00Z`),
    place: 'Maison de l’emploi, Dunkerque',
    capacity: C.perSession,
    external_id: `EMP2009-OS${String(k + 1).padStart(2, '0')}`,
  }))

  // the applications: hired, interviewed, invited, the rest; each invited one in a session (65 a session)
  type App = { p?: number; hireDay?: Day; local?: boolean; session?: number; interviewed?: boolean; hired?: boolean }
  const sits = employmentSituations(base)
  const hires = [...sits.values()].flatMap((l) =>
    l.filter(
      (x) =>
        ['cdd', 'interim', 'cdi'].includes(x.kind) &&
        x.start >= day(2009, 3, 23) &&
        x.start <= day(2009, 10, 31) &&
        active2009(persons[x.p]),
    ),
  )
  const placements: PlacementRow[] = []
  const apps: App[] = []
  for (const x of take(part, 'young people hired at the call centre', hires, C.networkHired)) {
    const pl = placementOf(part, x, {
      employerId: operations[0].employer_id,
      operationId: op,
      externalId: `EMP2009-OPH-${String(placements.length + 1).padStart(3, '0')}`,
      jobTitle: 'Téléconseiller(ère)',
    })
    placements.push(pl)
    apps.push({ p: x.p, hireDay: x.start, hired: true, interviewed: true })
  }
  const free = persons.filter((p) => active2009(p) && p.firstReception <= day(2009, 8, 1)).map((p) => ({ p: p.i }))
  for (const x of take(part, 'young people applying at the call centre', free, C.network - C.networkHired))
    apps.push({ p: x.p })
  const outside = C.applications - C.network
  for (let k = 0; k < outside; k++) apps.push({})
  const outsideApps = apps.filter((a) => a.p === undefined)
  const networkIdle = apps.filter((a) => a.p !== undefined && !a.hired)
  // hires among outside applicants, local or not
  const outsideHired = C.hired - C.networkHired
  outsideApps.slice(0, outsideHired).forEach((a, k) => {
    a.hired = true
    a.interviewed = true
    a.local = k < C.hiredLocal - C.networkHired
  })
  const notHired = r.shuffle([...networkIdle, ...outsideApps.slice(outsideHired)])
  notHired.slice(0, C.interviews - C.hired).forEach((a) => {
    a.interviewed = true
  })
  const invitedOnly = notHired.slice(C.interviews - C.hired, C.sessions * C.perSession - C.hired)
  // sessions: the network's hires in the latest session a fortnight before their hire, then the others
  const room = days.map((): number => C.perSession)
  for (const a of apps.filter((x) => x.hireDay !== undefined).sort((x, y) => x.hireDay! - y.hireDay!)) {
    let k = days.length - 1
    while (k >= 0 && (days[k] > a.hireDay! - 14 || room[k] === 0)) k--
    if (k < 0) throw new Error('employment 2009: no information session before a call-centre hire')
    a.session = k
    room[k]--
  }
  const open = room.flatMap((n, k) => Array<number>(n).fill(k))
  r.shuffle(open)
  const rest = r.shuffle([...apps.filter((a) => a.interviewed && a.session === undefined), ...invitedOnly])
  rest.forEach((a, n) => {
    a.session = open[n]
  })
  const local = demoSites.flatMap((x) => x.communes)
  const rows = apps.map((a, n) => {
    const sessionDay = a.session === undefined ? null : days[a.session]
    const received = sessionDay === null ? between(r, day(2009, 1, 10), day(2009, 9, 30)) : sessionDay - r.int(7, 30)
    const female = r.chance(0.6)
    const commune = a.p !== undefined ? null : a.local === false ? r.pick(AWAY) : r.pick(local)
    const interviewed = a.interviewed && sessionDay !== null ? sessionDay + r.int(3, 10) : null
    return {
      structure_id: s,
      id: part.nextId(),
      operation_id: op,
      person_id: a.p === undefined ? null : base.personIds[a.p],
      last_name: a.p === undefined ? r.pick(LAST_NAMES) : null,
      first_name: a.p === undefined ? r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES) : null,
      commune_code: commune,
      commune_name: commune === null ? null : (findCommune(commune)?.name ?? null),
      source:
        a.p !== undefined
          ? ('network' as const)
          : r.weighted([
              ['france_travail', 60],
              ['temp_agency', 20],
              ['spontaneous', 20],
            ] as const),
      received_on: iso(Math.max(received, day(2009, 1, 5))),
      info_session_id: a.session === undefined ? null : sessions[a.session].id,
      attended: a.session === undefined ? null : a.interviewed ? true : r.chance(0.7),
      test_result: a.interviewed ? ('passed' as const) : null,
      interviewed_on: interviewed === null ? null : iso(interviewed),
      outcome: a.hired ? ('hired' as const) : a.interviewed ? ('not_retained' as const) : null,
      placement_id: null as string | null,
      sent_by: null,
      external_id: `EMP2009-OA-${String(n + 1).padStart(4, '0')}`,
    }
  })
  // the network's hires point to their placement (the first 150 applications, in order)
  placements.forEach((pl, k) => {
    rows[k].placement_id = pl.id
  })
  return { operations, sessions, applications: rows, placements }
}
