import type { Insertable } from 'kysely'
import { addDays } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import type { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import type {
  ProfCofunderKind,
  ProfContractKind,
  ProfPlanCofundingTable,
  ProfPlanStatus,
  ProfPlanTable,
} from './training.tables.ts'

// The professionalisation fund's part of the day's demo (training.demo.ts): this year's envelope and six plans of
// employees in subsidised contracts — two to present to the committee, three validated, one refused — with their
// co-funders. Amounts in cents; the cost per hour of the validated plans is near the 2009 figure (11.93 €).

const OFFICER = 'formation@demo.jalon.fr'

interface PlanSpec {
  employer: string
  siret: string | null
  contract: ProfContractKind
  title: string
  hours: number
  total: number
  fund: number
  status: ProfPlanStatus
  /** days before today of the committee (validated, refused) */
  committee?: number
  note?: string
  cofunding: [string, ProfCofunderKind, number][]
}

const PLANS: PlanSpec[] = [
  {
    employer: 'Commune de Grande-Synthe',
    siret: null,
    contract: 'pec',
    title: 'CAP Agent d’accueil et de conduite routière',
    hours: 70,
    total: 120_000,
    fund: 84_000,
    status: 'validated',
    committee: 40,
    cofunding: [['OPCO Uniformation', 'opco', 36_000]],
  },
  {
    employer: 'Atelier Chantier du Littoral',
    siret: null,
    contract: 'aci',
    title: 'Habilitation électrique et CACES R489',
    hours: 42,
    total: 90_000,
    fund: 50_000,
    status: 'validated',
    committee: 40,
    cofunding: [
      ['CCAS de Dunkerque', 'ccas', 20_000],
      ['Fonds propres de l’atelier', 'employer', 20_000],
    ],
  },
  {
    employer: 'EHPAD Les Dunes',
    siret: null,
    contract: 'cui_cae',
    title: 'Assistant de soins en gérontologie',
    hours: 140,
    total: 210_000,
    fund: 167_000,
    status: 'validated',
    committee: 12,
    cofunding: [['AFPA', 'afpa', 43_000]],
  },
  {
    employer: 'Association Emmaüs Littoral',
    siret: null,
    contract: 'aci',
    title: 'Titre professionnel Agent magasinier',
    hours: 210,
    total: 320_000,
    fund: 250_000,
    status: 'submitted',
    cofunding: [['Conseil régional', 'region', 70_000]],
  },
  {
    employer: 'Commune de Gravelines',
    siret: null,
    contract: 'pec',
    title: 'BAFA — formation générale',
    hours: 56,
    total: 60_000,
    fund: 45_000,
    status: 'submitted',
    cofunding: [['Participation du salarié', 'employee', 15_000]],
  },
  {
    employer: 'Garage solidaire de Coudekerque',
    siret: null,
    contract: 'cui_cie',
    title: 'Permis poids lourd C',
    hours: 140,
    total: 240_000,
    fund: 240_000,
    status: 'refused',
    committee: 12,
    note: 'Le contrat s’achève avant la fin de la formation.',
    cofunding: [],
  },
]

export async function loadFundDemo(tx: Tx, ctx: DemoContext, today: string, random: Random, bodyId: string) {
  const s = ctx.structureId
  await tx
    .insertInto('prof_fund_envelope')
    .values({
      structure_id: s,
      id: random.uuid(),
      year: Number(today.slice(0, 4)),
      funder: 'Conseil régional — fonds de professionnalisation',
      allocated_cents: 10_000_000,
      external_id: null,
    })
    .onConflict((oc) => oc.constraint('prof_fund_envelope_year_key').doNothing())
    .execute()
  // the employees: the demo's oldest persons (the fund serves adults in subsidised contracts)
  const people = await tx
    .selectFrom('person')
    .select(['id'])
    .where('structure_id', '=', s)
    .where('id', 'in', ctx.personIds.length ? ctx.personIds : [''])
    .orderBy('birth_date')
    .orderBy('id')
    .limit(PLANS.length)
    .execute()
  if (!people.length) return
  const officer = ctx.userIds.get(OFFICER) ?? null
  const plans: (Insertable<ProfPlanTable> & { id: string })[] = []
  const shares: Insertable<ProfPlanCofundingTable>[] = []
  PLANS.forEach((p, i) => {
    const id = random.uuid()
    const decided = p.committee !== undefined
    plans.push({
      structure_id: s,
      id,
      person_id: people[i % people.length]!.id,
      employer_name: p.employer,
      employer_siret: p.siret,
      contract_kind: p.contract,
      contract_start: addDays(today, -90 - 10 * i),
      contract_end: addDays(today, 275 - 10 * i),
      training_title: p.title,
      body_id: i === 3 ? bodyId : null,
      body_name: i === 3 ? null : 'Organisme régional de formation',
      hours: p.hours,
      total_cost_cents: p.total,
      fund_cents: p.fund,
      status: p.status,
      committee_date: decided ? addDays(today, -p.committee!) : null,
      decision_note: p.note ?? null,
      decided_by: decided ? officer : null,
      reimbursed_cents: p.status === 'validated' && p.committee! > 30 ? p.fund : null,
      created_by: officer,
      created_at: new Date(ctx.now.getTime() - (60 - i) * 86_400_000),
      external_id: null,
    })
    p.cofunding.forEach(([cofunder, kind, amount], position) => {
      shares.push({ structure_id: s, plan_id: id, position, cofunder, kind, amount_cents: amount })
    })
  })
  await tx.insertInto('prof_plan').values(plans).execute()
  if (shares.length) await tx.insertInto('prof_plan_cofunding').values(shares).execute()
}
