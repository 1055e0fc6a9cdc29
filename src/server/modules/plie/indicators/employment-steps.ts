import { sql } from 'kysely'
import { type SituationKind, situationKinds } from '../../../../shared/nomenclatures/accompaniment.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { scopedPersons } from '../../../reporting/sql.ts'
import { countColumn, countFigure, ratio, valueFigure } from '../../../reporting/tables.ts'

// "1 656 étapes de reprise d'emploi": steps of PLIE pathways that are market-sector contracts of at least one month.

/** Market-sector contracts: the common-law employment contracts and work-study; subsidised and SIAE contracts are not. */
export const marketContractKinds: SituationKind[] = [
  'cdi',
  'cdd',
  'interim',
  'seasonal',
  'other_employment',
  'apprenticeship',
  'professionalisation',
]

/** The period's steps that are market-sector contracts of at least one month, of the persons in scope. */
function marketSteps(ctx: IndicatorContext) {
  const end = sql`coalesce(s.end_date, s.planned_end_date)`
  return ctx.q
    .selectFrom('plie_step as st')
    .innerJoin('situation as s', (j) =>
      j.onRef('s.id', '=', 'st.situation_id').onRef('s.structure_id', '=', 'st.structure_id'),
    )
    .where('st.structure_id', 'in', ctx.structureIds)
    .where('st.person_id', 'in', scopedPersons(ctx).select('person.id'))
    .where('s.start_date', '>=', ctx.period.from)
    .where('s.start_date', '<=', ctx.period.to)
    .where('s.kind', 'in', marketContractKinds)
    .where(sql<boolean>`(${end} is null or ${end} + 1 >= s.start_date + interval '1 month')`)
}

export const plieEmploymentSteps: IndicatorDeclaration = {
  id: 'plie.employment_steps',
  family: 'plie',
  label: 'Étapes de reprise d’emploi',
  valueLabel: 'Étapes',
  definition:
    'Étapes de parcours PLIE qui sont des contrats du secteur marchand (CDI, CDD, intérim, saisonnier, autre emploi ' +
    'de droit commun, apprentissage, professionnalisation) d’au moins un mois, débutées dans la période : nombre ' +
    'd’étapes et de participants distincts.',
  population:
    'Étapes PLIE (situations du dossier suivies dans un parcours PLIE) des personnes du périmètre demandé, dont la ' +
    'date de début tombe dans la période.',
  breakdowns: ['type de contrat'],
  notes: [
    'Contrats aidés (CUI, PEC…) et contrats d’insertion en SIAE exclus, comme le travail indépendant.',
    'Au moins un mois : la fin (réelle, sinon prévue) est au plus tôt la veille du même jour un mois plus tard (du ' +
      '01/03 au 31/03 compte) ; une étape sans fin réelle ni prévue (un CDI) compte.',
  ],
  async compute(ctx) {
    const rows = await marketSteps(ctx)
      .select([
        's.kind',
        (eb) => eb.fn.countAll<number>().as('steps'),
        sql<number>`count(distinct st.person_id)`.as('participants'),
      ])
      .groupBy('s.kind')
      .execute()
    const { participants } = await marketSteps(ctx)
      .select(sql<number>`count(distinct st.person_id)`.as('participants'))
      .executeTakeFirstOrThrow()
    const byKind = new Map(rows.map((r) => [r.kind, r]))
    const steps = rows.reduce((s, r) => s + Number(r.steps), 0)
    const persons = Number(participants)
    return {
      value: steps,
      figures: [
        countFigure('steps', 'Étapes de reprise d’emploi', steps),
        countFigure('participants', 'Participants', persons),
        valueFigure('stepsPerParticipant', 'Étapes par participant (moyenne)', 'average', ratio(steps, persons)),
      ],
      tables: [
        {
          key: 'byKind',
          title: 'Étapes de reprise d’emploi par type de contrat',
          rowHeader: 'Contrat',
          columns: [countColumn('steps', 'Étapes'), countColumn('participants', 'Participants', { additive: false })],
          rows: [
            ...marketContractKinds.map((k) => ({
              key: k,
              label: situationKinds[k].label,
              values: [Number(byKind.get(k)?.steps ?? 0), Number(byKind.get(k)?.participants ?? 0)],
            })),
            { key: 'total', label: 'Total', values: [steps, persons], total: true },
          ],
          note: 'Un participant ayant repris plusieurs types de contrat compte une fois par type et une fois au total.',
        },
      ],
    }
  },
}
