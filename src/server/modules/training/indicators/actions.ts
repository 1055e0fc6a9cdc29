import { sql } from 'kysely'
import type { Row } from '../../../../shared/reporting/reporting.schema.ts'
import { trainingFunders } from '../../../../shared/training/training.nomenclature.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure } from '../../../reporting/tables.ts'

// « Actions mises en place » (training.actions): the actions of the catalogue set up in the period.
//
// Output keys (figures): actions, regionalProgrammeActions, otherActions, bodies.
// Tables: byFunder (rows: funder codes present, total; columns actions, bodies).
// value = actions. An action is set up in the period when its FIRST session (cancelled sessions aside) starts in the
// period; the structures' actions, whatever the persons' scope (an action has no person).

interface ActionRow {
  funder: string
  bodyId: string
}

async function actionsSetUp(ctx: IndicatorContext): Promise<ActionRow[]> {
  const first = ctx.q
    .selectFrom('training_session as se')
    .select(['se.structure_id', 'se.action_id', sql<string>`min(se.starts_on)`.as('first_on')])
    .where('se.structure_id', 'in', ctx.structureIds)
    .where('se.status', '<>', 'cancelled')
    .groupBy(['se.structure_id', 'se.action_id'])
  const rows = await ctx.q
    .selectFrom(first.as('f'))
    .innerJoin('training_action as a', (j) =>
      j.onRef('a.id', '=', 'f.action_id').onRef('a.structure_id', '=', 'f.structure_id'),
    )
    .select(['a.funder', sql<string>`a.structure_id || ' ' || a.body_id`.as('bodyId')])
    .where('f.first_on', '>=', ctx.period.from)
    .where('f.first_on', '<=', ctx.period.to)
    .execute()
  return rows
}

const funderLabels = trainingFunders.labels as Record<string, string>

export const trainingActions: IndicatorDeclaration = {
  id: 'training.actions',
  family: 'training',
  label: 'Les actions de formation mises en place',
  valueLabel: 'Actions de formation mises en place dans la période',
  definition:
    'Actions de formation du catalogue mises en place dans la période (leur première session débute dans la ' +
    'période) : total, programme régional de formation, autres financeurs, détail par financeur, et organismes ' +
    'de formation qui les portent.',
  population: 'Actions de formation du catalogue de la structure (ou des structures du réseau).',
  breakdowns: ['financeur'],
  notes: [
    'Une action est mise en place l’année de sa première session ; une session annulée ne compte pas. Une action ' +
      'dont une session de la période n’est pas la première n’est pas comptée de nouveau.',
    'Les actions n’ont pas de personne : restreint à un site, un programme, un conseiller ou un sexe, l’indicateur ' +
      'donne celles de toute la structure.',
  ],
  async compute(ctx) {
    const rows = await actionsSetUp(ctx)
    const count = (ok: (r: ActionRow) => boolean) => rows.filter(ok).length
    const bodies = (xs: ActionRow[]) => new Set(xs.map((r) => r.bodyId)).size
    const regional = count((r) => r.funder === 'regional_programme')
    const lines: Row[] = trainingFunders.codes
      .filter((f) => rows.some((r) => r.funder === f))
      .map((f) => {
        const mine = rows.filter((r) => r.funder === f)
        return { key: f, label: funderLabels[f] ?? f, values: [mine.length, bodies(mine)] }
      })
    lines.push({ key: 'total', label: 'Total', values: [rows.length, bodies(rows)], total: true })
    return {
      value: rows.length,
      figures: [
        countFigure('actions', 'Actions mises en place', rows.length),
        countFigure('regionalProgrammeActions', 'dont programme régional de formation', regional),
        countFigure('otherActions', 'dont autres financeurs', rows.length - regional),
        countFigure('bodies', 'Organismes de formation concernés', bodies(rows)),
      ],
      tables: [
        {
          key: 'byFunder',
          title: 'Actions mises en place par financeur',
          rowHeader: 'Financeur',
          columns: [
            countColumn('actions', 'Actions'),
            // a body can carry actions of several funders
            countColumn('bodies', 'Organismes de formation', { additive: false }),
          ],
          rows: lines,
        },
      ],
    }
  },
}
