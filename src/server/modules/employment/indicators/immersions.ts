import { sql } from 'kysely'
import type { Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, shareColumn, shareFigure } from '../../../reporting/tables.ts'
import { inPeriod, inScope, longContract, n, ofStructures, priorityArea } from './common.ts'

// « Les immersions » (employment.immersions): work immersions of an immersion programme's modules (e.g. the CIVIS
// immersions' modules 1 to 3) starting in the period.
//
// Output keys (figures): youth, priorityArea, priorityAreaShare (% of youth), immersions, validated, contracts,
//   contractsLong.
// Tables: byModule (rows module1, module2…, total; columns youth, validated, validatedShare, contracts, contractsLong).
// value = youth. A module's youth: distinct persons with an immersion of that module number (whatever the programme);
// validated: of them, those with a validated immersion of the module; contracts: the hires an immersion of the module
// led to (placements it points to), of which six months or more / open-ended.

export const employmentImmersions: IndicatorDeclaration = {
  id: 'employment.immersions',
  family: 'employment',
  label: 'Les immersions en entreprise par module',
  valueLabel: 'Jeunes ayant fait une immersion d’un programme dans la période',
  definition:
    'Immersions en entreprise (PMSMP) des programmes d’immersion débutées dans la période : jeunes concernés, dont ' +
    'résidant en quartier prioritaire ; par module, jeunes, jeunes ayant validé leur module (et leur part), contrats ' +
    'de travail signés à l’issue d’une immersion du module, dont de 6 mois ou plus.',
  population:
    'Immersions rattachées à un module d’un programme d’immersion, non annulées, de la structure, dans le périmètre ' +
    'demandé.',
  breakdowns: ['module'],
  notes: [
    'Les modules de même numéro de plusieurs programmes sont additionnés ; un jeune passé par deux modules compte dans ' +
      'chacun, une fois au total.',
    'Validé : le jeune a au moins une immersion du module dont l’évaluation est validée.',
    'Contrats : embauches (placements) auxquelles une immersion du module a abouti ; « plus de 6 mois » se lit « 6 mois ' +
      'ou plus » (ou CDI).',
  ],
  async compute(ctx) {
    const rows = await sql<Record<string, number>>`
      select i.module_number as module,
        count(distinct i.person_id)::int as youth,
        count(distinct i.person_id) filter (where i.validated)::int as validated,
        count(distinct pl.id)::int as contracts,
        count(distinct pl.id) filter (where ${longContract('pl')})::int as long
      from immersion i left join placement pl on pl.id = i.placement_id and pl.structure_id = i.structure_id
      where i.module_number is not null and i.status <> 'cancelled' and ${ofStructures(ctx, 'i.structure_id')}
        and ${inPeriod(ctx, 'i.starts_on')} and ${inScope(ctx, 'i.person_id')}
      group by grouping sets ((i.module_number), ())
      order by i.module_number nulls last`.execute(ctx.q)
    const zus = await sql<Record<string, number>>`
      select count(distinct i.person_id)::int as zus from immersion i
      where i.module_number is not null and i.status <> 'cancelled' and ${ofStructures(ctx, 'i.structure_id')}
        and ${inPeriod(ctx, 'i.starts_on')} and ${inScope(ctx, 'i.person_id')}
        and ${priorityArea('i.person_id')}`.execute(ctx.q)
    const all = await sql<Record<string, number>>`
      select count(*)::int as immersions from immersion i
      where i.module_number is not null and i.status <> 'cancelled' and ${ofStructures(ctx, 'i.structure_id')}
        and ${inPeriod(ctx, 'i.starts_on')} and ${inScope(ctx, 'i.person_id')}`.execute(ctx.q)
    const total = rows.rows.find((r) => r.module === null) ?? { youth: 0, validated: 0, contracts: 0, long: 0 }
    const lines: Row[] = rows.rows
      .filter((r) => r.module !== null)
      .map((r) => ({
        key: `module${r.module}`,
        label: `Module ${r.module}`,
        values: [n(r.youth), n(r.validated), percent(n(r.validated), n(r.youth)), n(r.contracts), n(r.long)],
      }))
    lines.push({
      key: 'total',
      label: 'Total',
      values: [
        n(total.youth),
        n(total.validated),
        percent(n(total.validated), n(total.youth)),
        n(total.contracts),
        n(total.long),
      ],
      total: true,
    })
    const youth = n(total.youth)
    const priority = n(zus.rows[0]?.zus)
    return {
      value: youth,
      figures: [
        countFigure('youth', 'Jeunes ayant fait une immersion', youth),
        countFigure('priorityArea', 'dont résidant en quartier prioritaire', priority),
        shareFigure('priorityAreaShare', 'Part des jeunes résidant en quartier prioritaire (%)', priority, youth),
        countFigure('immersions', 'Immersions', n(all.rows[0]?.immersions)),
        countFigure('validated', 'Jeunes ayant validé leur module', n(total.validated)),
        countFigure('contracts', 'Contrats de travail signés à l’issue d’une immersion', n(total.contracts)),
        countFigure('contractsLong', 'dont de 6 mois ou plus', n(total.long)),
      ],
      tables: [
        {
          key: 'byModule',
          title: 'Les immersions par module',
          rowHeader: 'Module',
          columns: [
            // a young person in two modules counts in each
            countColumn('youth', 'Jeunes', { additive: false }),
            countColumn('validated', 'Ayant validé', { additive: false }),
            shareColumn('validatedShare', '% de validation', 'youth'),
            countColumn('contracts', 'Contrats signés'),
            countColumn('contractsLong', 'dont 6 mois ou plus'),
          ],
          rows: lines,
        },
      ],
    }
  },
}
