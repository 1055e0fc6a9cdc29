import { type Day, day, END_2009, nextOpenDay } from '../../../demo/year2009/days.ts'
import type { AidProjectNature } from '../aids.tables.ts'
import { PLAN_2009 } from './funds.ts'
import { at, intersect, iso, type Window } from './pick.ts'
import { addPayment, addRequest, type Build, spread } from './rows.ts'

// The youth projects of the 2009 data set: the CLAP's 28 projects (22 funded by its committee, which sits six times a
// year), the 133 holiday projects of 258 young people at 180 € each (a request per young person on the holiday fund,
// paid to the travel operator), and the FIPJ's indirect aids.

const YEAR_2009: Window = { from: day(2009, 1, 1), to: END_2009 }
const TITLES: Record<string, string[]> = {
  retail: ['Épicerie fine', 'Boutique de prêt-à-porter', 'Commerce ambulant', 'Point de vente de fleurs'],
  craft: ['Atelier de menuiserie', 'Salon de coiffure', 'Atelier de couture'],
  health: ['Cabinet d’infirmière', 'Aide à domicile', 'Institut de soins'],
  services: ['Entretien d’espaces verts'],
  social: ['Aide aux devoirs dans le quartier'],
  cultural: ['Festival de musique des quartiers', 'Exposition photo'],
  sport: ['Tournoi de futsal solidaire'],
}

/** persons aged 18–25 followed in 2009, in a drawn order, each taken once */
function youthPool(b: Build, exclude: Set<number>) {
  const { r, pk } = b
  const people = r.shuffle(pk.base.plan.persons.map((x) => x.i).filter((p) => !exclude.has(p)))
  let next = 0
  return (w: Window = YEAR_2009): { p: number; w: Window } => {
    while (next < people.length) {
      const p = people[next++]
      const x = intersect(pk.mlWindow(p, w), pk.ageWindow(p, w, 18, 25))
      if (x) {
        exclude.add(p)
        return { p, w: x }
      }
    }
    throw new Error('aids 2009: too few young people for the projects')
  }
}

function addProject(
  b: Build,
  v: {
    fund: 'CLAP' | 'VACANCES'
    holders: number[]
    nature: AidProjectNature
    sector: string | null
    decision: 'funded' | 'refused' | 'deferred' | null
    presentedOn: Day | null
    decidedOn: Day | null
    createdOn: Day
    grantedCents: number | null
    jobs: number | null
    commissionId: string | null
    title: string
  },
): string {
  const id = b.nextId()
  const status =
    v.decision === 'funded'
      ? 'funded'
      : v.decision === 'refused'
        ? 'refused'
        : v.presentedOn
          ? 'presented'
          : 'abandoned'
  b.rows.projects.push({
    structure_id: b.s,
    id,
    fund_id: b.fundId[v.fund],
    title: v.title,
    form: v.holders.length > 1 ? 'collective' : 'individual',
    nature: v.nature,
    sector: v.sector,
    site_id: b.siteOf(v.holders[0]),
    followed_by: b.staffOf(v.holders[0]),
    budget_cents: v.grantedCents === null ? null : v.grantedCents * 3,
    asked_cents: v.grantedCents,
    commission_id: v.commissionId,
    presented_on: v.presentedOn === null ? null : iso(v.presentedOn),
    decision: v.decision,
    decided_on: v.decidedOn === null ? null : iso(v.decidedOn),
    granted_cents: v.decision === 'funded' ? v.grantedCents : null,
    jobs_created: v.jobs,
    follow_up: null,
    status,
    external_id: null,
    created_at: at(v.createdOn, 9),
  })
  for (const p of v.holders)
    b.rows.holders.push({ structure_id: b.s, project_id: id, person_id: b.pk.base.personIds[p] })
  return id
}

export function clapProjects(b: Build) {
  const c = PLAN_2009.clap
  const { r } = b
  const used = new Set<number>()
  const pool = youthPool(b, used)
  // the committee: six sittings of 2009
  const sittings = [2, 4, 6, 9, 10, 12].map((m) => {
    const on = nextOpenDay(day(2009, m, 15))
    const id = b.nextId()
    b.rows.commissions.push({
      structure_id: b.s,
      id,
      fund_id: b.fundId.CLAP,
      date: iso(on),
      status: 'held',
      note: 'Comité local d’aide aux projets',
      external_id: null,
      created_by: null,
    })
    b.rows.members.push(
      {
        structure_id: b.s,
        commission_id: id,
        position: 0,
        user_id: null,
        name: 'Représentant',
        organisation: 'Flandre Création',
      },
      { structure_id: b.s, commission_id: id, position: 1, user_id: null, name: 'Représentant', organisation: 'ADIE' },
      {
        structure_id: b.s,
        commission_id: id,
        position: 2,
        user_id: null,
        name: 'Représentant',
        organisation: 'Ville de Dunkerque',
      },
    )
    return { id, on }
  })
  const funded = c.funded.flatMap(([nature, sector, n]) => Array.from({ length: n }, () => ({ nature, sector })))
  const holders = spread(r, c.youth, funded.length, 1)
  const hundreds = spread(r, c.euros / 100, funded.length, 5)
  const economic = funded.filter((f) => f.nature === 'economic').length
  const jobs = spread(r, c.jobs, economic, 1)
  let e = 0
  funded.forEach((f, k) => {
    const sitting = sittings[k % sittings.length]
    const people = Array.from({ length: holders[k] }, () => pool({ from: day(2009, 1, 1), to: sitting.on }).p)
    addProject(b, {
      fund: 'CLAP',
      holders: people,
      nature: f.nature as AidProjectNature,
      sector: f.sector,
      decision: 'funded',
      presentedOn: sitting.on,
      decidedOn: sitting.on,
      createdOn: sitting.on - r.int(40, 120),
      grantedCents: hundreds[k] * 10_000,
      jobs: f.nature === 'economic' ? jobs[e++] : 0,
      commissionId: sitting.id,
      title: r.pick(TITLES[f.sector ?? f.nature] ?? ['Projet']),
    })
  })
  c.notFunded.forEach(([nature, sector, decision], k) => {
    const sitting = sittings[(k + 2) % sittings.length]
    const presented = decision !== null
    addProject(b, {
      fund: 'CLAP',
      holders: [pool({ from: day(2009, 1, 1), to: sitting.on }).p],
      nature: nature as AidProjectNature,
      sector,
      decision,
      presentedOn: presented ? sitting.on : null,
      decidedOn: presented ? sitting.on : null,
      createdOn: sitting.on - r.int(30, 90),
      grantedCents: null,
      jobs: null,
      commissionId: presented ? sitting.id : null,
      title: r.pick(TITLES[sector ?? nature] ?? ['Projet']),
    })
  })
}

/** 133 holiday projects of 258 young people, each with a granted request of 180 € paid to the travel operator */
export function holidayProjects(b: Build) {
  const h = PLAN_2009.holidays
  const { r, pk } = b
  const holders = spread(r, h.youth, h.projects, 1)
  const civis = r.shuffle(pk.civisWindows({ from: day(2009, 3, 1), to: day(2009, 8, 31) }))
  const taken = new Set<number>()
  const young = civis.filter((c) => {
    if (taken.has(c.p) || !pk.ageWindow(c.p, c.w, 18, 25)) return false
    taken.add(c.p)
    return true
  })
  if (young.length < h.youth) throw new Error('aids 2009: too few CIVIS young people for the holidays')
  let next = 0
  holders.forEach((n) => {
    const group = young.slice(next, next + n)
    next += n
    const w = group.reduce<Window | null>((x, g) => intersect(x, pk.ageWindow(g.p, g.w, 18, 25)), {
      from: day(2009, 3, 1),
      to: day(2009, 8, 31),
    })
    const asked = w ? pk.dayIn(w) : pk.dayIn(pk.ageWindow(group[0].p, group[0].w, 18, 25)!)
    const decided = nextOpenDay(asked + r.int(3, 10))
    const project = addProject(b, {
      fund: 'VACANCES',
      holders: group.map((g) => g.p),
      nature: 'holiday',
      sector: null,
      decision: 'funded',
      presentedOn: null,
      decidedOn: decided,
      createdOn: asked - r.int(10, 40),
      grantedCents: n * h.perYouthCents,
      jobs: null,
      commissionId: null,
      title: n > 1 ? 'Séjour de vacances en groupe' : 'Séjour de vacances autonome',
    })
    for (const g of group) {
      const id = addRequest(b, {
        fund: 'VACANCES',
        p: g.p,
        purpose: 'holiday',
        askedOn: asked,
        status: 'granted',
        askedCents: h.perYouthCents,
        decidedOn: decided,
        projectId: project,
      })
      addPayment(b, id, { cents: h.perYouthCents, mode: 'third_party', paidOn: nextOpenDay(decided + r.int(2, 15)) })
    }
  })
}

export function indirectAids(b: Build) {
  PLAN_2009.fipj.indirect.forEach(([label, spentOn, cents, participants], k) => {
    b.rows.indirect.push({
      structure_id: b.s,
      id: b.nextId(),
      fund_id: b.fundId.FIPJ,
      spent_on: spentOn,
      label,
      amount_cents: cents,
      participants,
      external_id: `AID2009-IND-${k + 1}`,
    })
  })
}
