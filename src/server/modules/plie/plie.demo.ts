import { addDays, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import { checkEligibility } from '../../../shared/plie/eligibility.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { demoSites } from '../../demo/demo-organisation.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import { enrolmentOpenOn, insertSituation } from '../accompaniment/index.ts'
import { findCommune } from '../reference/communes.ts'
import { eligibilityFacts } from './eligibility.repository.ts'
import type { PlieOrganisationKind } from './plie.tables.ts'

// The PLIE's part of the day's demo (docs/demo.md), after the accompaniment's (which enrols the demo adults in the PLIE
// programme): the member communes (the demo territory's), a few host organisations and partners, the partner account
// linked to one of them, the demo adults' open PLIE enrolments as pathways (referent from the entry day), a step or two
// for the PLIE referent's first participants, and proposals waiting for the next committee of Grande-Synthe.
// It follows only the persons the demo wrote (ctx.personIds), never the 2009 data set's. Deterministic: the ids come
// from a seeded generator, everything else from the day and the persons' order. A few statements: it runs at every
// first start.

const REFERENT_PLIE = 'referent.plie@demo.jalon.fr'
const PARTNER = 'partenaire@demo.jalon.fr'
const COMMITTEE_SITE = 'A-GS'

/** names unlike the 2009 data set's organisations (organisation.ts of demo2009): both live in the demo structure */
export const demoOrganisations: {
  key: string
  kind: PlieOrganisationKind
  name: string
  agreement: string | null
  places: number | null
}[] = [
  {
    key: 'aci1',
    kind: 'aci',
    name: 'Chantier d’insertion Les Dunes Vertes',
    agreement: 'Conventionnement État ACI 2026',
    places: 18,
  },
  {
    key: 'aci2',
    kind: 'aci',
    name: 'Atelier Recyclage Solidaire du Port Est',
    agreement: 'Conventionnement État ACI 2026',
    places: 12,
  },
  {
    key: 'ei',
    kind: 'ei',
    name: 'Entreprise d’insertion Clean’Opale',
    agreement: 'Conventionnement État EI 2026',
    places: 10,
  },
  {
    key: 'etti',
    kind: 'etti',
    name: 'ETTI Tremplin Intérim Flandre',
    agreement: 'Conventionnement État ETTI 2026',
    places: 30,
  },
  {
    key: 'club',
    kind: 'employer_relations',
    name: 'Club Entreprises du Dunkerquois',
    agreement: 'Convention PLIE relations entreprises 2026',
    places: null,
  },
  {
    key: 'reseau',
    kind: 'employer_relations',
    name: 'Réseau Employeurs Côte d’Opale',
    agreement: 'Convention PLIE relations entreprises 2026',
    places: null,
  },
  { key: 'employer', kind: 'employer', name: 'Boulangerie industrielle des Flandres', agreement: null, places: null },
]
/** the employer-relations partner the demo partner account works for */
export const DEMO_PARTNER_ORGANISATION = 'Club Entreprises du Dunkerquois'

/**
 * The steps of the PLIE referent's first participants, by participant: a situation kind at a host, started `back` days
 * before today (never before the entry), lasting `days` (still under way when that reaches today).
 */
const stepPlan: { kind: string; host: string; back: number; days: number; hours: number; referent: string }[][] = [
  [
    {
      kind: 'insertion_contract',
      host: 'aci1',
      back: 120,
      days: 300,
      hours: 26,
      referent: 'M. Declercq, encadrant technique',
    },
  ],
  [
    {
      kind: 'insertion_contract',
      host: 'ei',
      back: 260,
      days: 180,
      hours: 26,
      referent: 'Mme Vandamme, chargée d’insertion',
    },
    { kind: 'cdd', host: 'employer', back: 60, days: 240, hours: 35, referent: 'M. Baert, responsable de production' },
  ],
  [
    {
      kind: 'immersion',
      host: 'club',
      back: 45,
      days: 14,
      hours: 35,
      referent: 'Mme Lemaire, chargée de relations entreprises',
    },
  ],
  [
    {
      kind: 'insertion_contract',
      host: 'etti',
      back: 90,
      days: 150,
      hours: 30,
      referent: 'M. Hennebelle, chargé de mission',
    },
  ],
  [
    {
      kind: 'insertion_contract',
      host: 'aci2',
      back: 150,
      days: 240,
      hours: 26,
      referent: 'Mme Vanhee, encadrante technique',
    },
    {
      kind: 'immersion',
      host: 'club',
      back: 6,
      days: 14,
      hours: 35,
      referent: 'Mme Lemaire, chargée de relations entreprises',
    },
  ],
  [
    {
      kind: 'immersion',
      host: 'reseau',
      back: 30,
      days: 10,
      hours: 35,
      referent: 'M. Dewaele, chargé de relations entreprises',
    },
  ],
]

/** the first Thursday after today (the Grande-Synthe committee's day) */
const nextThursday = (today: string) => {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay()
  return addDays(today, (4 - weekday + 7) % 7 || 7)
}

export async function loadPlieDemo(tx: Tx, ctx: DemoContext) {
  const s = ctx.structureId
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const random = new Random(0x9113)
  const referentId = ctx.userIds.get(REFERENT_PLIE)

  // the member communes: the demo territory's (its sites' communes), from the official list
  const codes = [...new Set(demoSites.flatMap((site) => site.communes))].sort()
  const communes = codes.flatMap((code) => {
    const c = findCommune(code)
    return c ? [{ structure_id: s, commune_code: c.code, commune_name: c.name }] : []
  })
  if (communes.length)
    await tx
      .insertInto('plie_commune')
      .values(communes)
      .onConflict((oc) => oc.columns(['structure_id', 'commune_code']).doNothing())
      .execute()

  // hosts and partners, and the partner account
  const orgIds = new Map(demoOrganisations.map((o) => [o.key, random.uuid()]))
  await tx
    .insertInto('plie_organisation')
    .values(
      demoOrganisations.map((o) => ({
        structure_id: s,
        id: orgIds.get(o.key)!,
        kind: o.kind,
        name: o.name,
        agreement: o.agreement,
        places: o.places,
        external_id: null,
      })),
    )
    .execute()
  const partnerId = ctx.userIds.get(PARTNER)
  if (partnerId)
    await tx
      .insertInto('plie_organisation_user')
      .values({ structure_id: s, organisation_id: orgIds.get('club')!, user_id: partnerId })
      .execute()

  if (!ctx.personIds.length) return
  // the demo persons' open PLIE enrolments are their pathways, with their referent since the entry
  const open = await tx
    .selectFrom('enrolment as e')
    .innerJoin('programme as p', 'p.id', 'e.programme_id')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.id', '=', 'e.person_id').onRef('pe.structure_id', '=', 'e.structure_id'),
    )
    .select(['e.id', 'e.person_id', 'e.entry_date', 'e.referent_id'])
    .where('e.structure_id', '=', s)
    .where('p.type', '=', 'plie')
    .where('e.person_id', 'in', ctx.personIds)
    .where(enrolmentOpenOn('e', today))
    .orderBy('pe.last_name')
    .orderBy('pe.first_name')
    .orderBy('pe.id')
    .execute()
  if (open.length) {
    await tx
      .insertInto('plie_pathway')
      .values(
        open.map((e) => ({
          structure_id: s,
          enrolment_id: e.id,
          person_id: e.person_id,
          committee_case_id: null,
          exit_situation_id: null,
          partner_id: null,
        })),
      )
      .execute()
    const withReferent = open.filter((e) => e.referent_id !== null)
    if (withReferent.length)
      await tx
        .insertInto('plie_referent')
        .values(
          withReferent.map((e) => ({
            structure_id: s,
            enrolment_id: e.id,
            from_date: e.entry_date,
            referent_id: e.referent_id!,
            recorded_by: e.referent_id,
          })),
        )
        .execute()
  }

  // a step or two for the PLIE referent's first participants (the partner sees those at its club)
  const followed = open.filter((e) => e.referent_id !== null && e.referent_id === referentId)
  const steps = []
  for (const [n, plan] of stepPlan.entries()) {
    const pathway = followed[n]
    if (!pathway || pathway.entry_date >= today) continue
    for (const step of plan) {
      const start = [pathway.entry_date, addDays(today, -step.back)].sort()[1]!
      const end = addDays(start, step.days)
      const situationId = await insertSituation(
        tx,
        { structureId: s, personId: pathway.person_id, counsellorId: pathway.referent_id! },
        {
          kind: step.kind,
          start_date: start,
          planned_end_date: end,
          end_date: end < today ? end : null,
          organisation_name: demoOrganisations.find((o) => o.key === step.host)!.name,
          hours_per_week: step.hours,
          note: null,
        },
      )
      steps.push({
        structure_id: s,
        situation_id: situationId,
        enrolment_id: pathway.id,
        person_id: pathway.person_id,
        organisation_id: orgIds.get(step.host)!,
        step_referent: step.referent,
      })
    }
  }
  if (steps.length) await tx.insertInto('plie_step').values(steps).execute()

  await proposalsForTheNextCommittee(tx, ctx, today, random)
}

/**
 * Three persons of the Grande-Synthe antenna with no PLIE enrolment, proposed by the PLIE referent last week, waiting
 * for the antenna's committee next Thursday (planned, its agenda still to build). The eligibility is found as the
 * proposal finds it; an ineligible person is proposed by a motivated override.
 */
async function proposalsForTheNextCommittee(tx: Tx, ctx: DemoContext, today: string, random: Random) {
  const s = ctx.structureId
  const siteId = ctx.siteIds.get(COMMITTEE_SITE)
  const referentId = ctx.userIds.get(REFERENT_PLIE)
  if (!siteId || !referentId) return
  const candidates = await tx
    .selectFrom('person as p')
    .select(['p.id', 'p.commune_code', 'p.priority_area'])
    .where('p.structure_id', '=', s)
    .where('p.site_id', '=', siteId)
    .where('p.id', 'in', ctx.personIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('enrolment as e')
            .innerJoin('programme as pr', 'pr.id', 'e.programme_id')
            .select('e.id')
            .whereRef('e.person_id', '=', 'p.id')
            .whereRef('e.structure_id', '=', 'p.structure_id')
            .where('pr.type', '=', 'plie'),
        ),
      ),
    )
    .orderBy('p.last_name')
    .orderBy('p.first_name')
    .orderBy('p.id')
    .limit(3)
    .execute()
  if (!candidates.length) return
  const proposedOn = addDays(today, -3)
  const proposals = []
  for (const person of candidates) {
    const eligibility = checkEligibility(await eligibilityFacts(tx, s, person, proposedOn))
    proposals.push({
      structure_id: s,
      id: random.uuid(),
      person_id: person.id,
      proposed_on: proposedOn,
      proposed_by: referentId,
      site_id: siteId,
      motivation: eligibility.eligible
        ? 'Projet professionnel à construire, freins à lever : un parcours renforcé est adapté.'
        : 'Proposée par dérogation : situation très éloignée de l’emploi, le comité appréciera.',
      eligibility: { ...eligibility, overridden: !eligibility.eligible },
      external_id: null,
    })
  }
  await tx.insertInto('plie_proposal').values(proposals).execute()
  await tx
    .insertInto('plie_committee')
    .values({
      structure_id: s,
      id: random.uuid(),
      site_id: siteId,
      date: nextThursday(today),
      note: 'Comité mensuel de l’antenne de Grande-Synthe.',
      external_id: null,
      created_by: referentId,
    })
    .execute()
}
