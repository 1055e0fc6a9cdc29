import type { Column, Figure } from '../../../../shared/reporting/reporting.schema.ts'
import { profCofunderKinds } from '../../../../shared/training/training.nomenclature.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, decimalsFor, percent, shareColumn, valueFigure } from '../../../reporting/tables.ts'
import { fundData } from './fund-data.ts'

// « Le fonds de professionnalisation » (training.professionalisation_fund): the training plans of employees in
// subsidised contracts that the fund's committee validated in the period.
//
// Output keys (figures): envelope (€), plansValidated, previousPlansValidated, employeesFunded,
//   previousEmployeesFunded, amountCommitted (€), envelopeUsed (% of the envelope), trainingHours, costPerHour (€,
//   amountCommitted ÷ trainingHours, two decimals), cofunders, cofundingForecast (€), cofundingShare (% of the plans'
//   total cost), employersWithOwnFunds, previousEmployersWithOwnFunds.
// Tables: plans (rows current, previous; columns plans, employees, employersWithOwnFunds), welfare (sensitive: rows
//   current; columns employees, welfareRecipients, welfareShare), byCofunderKind (rows: co-funder kinds present,
//   total; columns cofunders, amount).
// value = employeesFunded. « previous » = the same period a year before. The welfare recipients (RSA status period open
// on the plan's committee date) are only in the sensitive table `welfare` (secrecy threshold of sensitive tables).

const euros = (cents: number) => Math.round(cents) / 100
const amountColumn = (key: string, label: string): Column => ({
  key,
  label,
  kind: 'amount',
  decimals: decimalsFor('amount'),
})
/** a share of amounts (no count of persons behind it: secrecy leaves it) */
const amountShare = (key: string, label: string, n: number, d: number): Figure => ({
  key,
  label,
  kind: 'share',
  decimals: decimalsFor('share'),
  value: percent(n, d),
})
const kindLabels = profCofunderKinds.labels as Record<string, string>

export const trainingProfessionalisationFund: IndicatorDeclaration = {
  id: 'training.professionalisation_fund',
  family: 'training',
  label: 'Le fonds de professionnalisation',
  valueLabel: 'Salariés financés (plans validés dans la période)',
  definition:
    'Plans de formation de salariés en contrat aidé validés par le comité du fonds dans la période : enveloppe du ' +
    'fonds, plans validés et salariés financés (comparés à la même période un an plus tôt), dont allocataires du ' +
    'RSA, montant engagé par le fonds, heures de formation, coût horaire (montant ÷ heures), cofinanceurs, ' +
    'cofinancement prévu et sa part du coût total, employeurs apportant des fonds propres.',
  population:
    'Plans validés (statut validé, date de comité dans la période) de la structure ; salariés : personnes distinctes ' +
    'de ces plans, dans le périmètre demandé.',
  breakdowns: ['période (un an plus tôt)', 'type de cofinanceur'],
  notes: [
    'L’enveloppe additionne les enveloppes des années de la période (une année entamée compte en entier), quel que ' +
      'soit le périmètre.',
    'Allocataire du RSA : une période de statut RSA ouverte à la date du comité qui a validé le plan.',
    'Coût horaire : montant engagé par le fonds ÷ heures de formation des plans validés, arrondi au centime.',
    'Cofinanceurs : noms distincts, sans tenir compte des majuscules ; le cofinancement prévu additionne leurs parts ' +
      'sur les plans validés ; sa part est rapportée au coût total de ces plans.',
    'Employeurs apportant des fonds propres : employeurs distincts ayant une part de cofinancement « employeur ».',
  ],
  async compute(ctx) {
    const d = await fundData(ctx)
    const c = d.current
    const p = d.previous
    const costPerHour = c.hours ? Math.round(c.fundCents / c.hours) / 100 : null
    const kinds = profCofunderKinds.codes.filter((k) => c.byKind.some((x) => x.kind === k))
    return {
      value: c.employees,
      figures: [
        valueFigure('envelope', 'Enveloppe du fonds', 'amount', euros(d.envelopeCents)),
        countFigure('plansValidated', 'Plans validés', c.plans),
        countFigure('previousPlansValidated', 'Plans validés, un an plus tôt', p.plans),
        countFigure('employeesFunded', 'Salariés financés', c.employees),
        countFigure('previousEmployeesFunded', 'Salariés financés, un an plus tôt', p.employees),
        valueFigure('amountCommitted', 'Montant engagé par le fonds', 'amount', euros(c.fundCents)),
        amountShare('envelopeUsed', 'Part de l’enveloppe engagée (%)', c.fundCents, d.envelopeCents),
        countFigure('trainingHours', 'Heures de formation', c.hours),
        valueFigure('costPerHour', 'Coût horaire (montant ÷ heures)', 'amount', costPerHour),
        countFigure('cofunders', 'Cofinanceurs', c.cofunders),
        valueFigure('cofundingForecast', 'Cofinancement prévu', 'amount', euros(c.cofundingCents)),
        amountShare(
          'cofundingShare',
          'Part du cofinancement dans le coût total (%)',
          c.cofundingCents,
          c.totalCostCents,
        ),
        countFigure('employersWithOwnFunds', 'Employeurs apportant des fonds propres', c.employersWithOwnFunds),
        countFigure(
          'previousEmployersWithOwnFunds',
          'Employeurs apportant des fonds propres, un an plus tôt',
          p.employersWithOwnFunds,
        ),
      ],
      tables: [
        {
          key: 'plans',
          title: 'Plans validés, salariés financés et employeurs, comparés à la même période un an plus tôt',
          rowHeader: 'Période',
          columns: [
            countColumn('plans', 'Plans validés', { additive: false }),
            countColumn('employees', 'Salariés financés', { additive: false }),
            countColumn('employersWithOwnFunds', 'Employeurs (fonds propres)', { additive: false }),
          ],
          rows: [
            { key: 'current', label: 'Période', values: [c.plans, c.employees, c.employersWithOwnFunds] },
            {
              key: 'previous',
              label: 'Même période un an plus tôt',
              values: [p.plans, p.employees, p.employersWithOwnFunds],
            },
          ],
        },
        {
          key: 'welfare',
          title: 'Salariés financés allocataires du RSA',
          rowHeader: 'Période',
          columns: [
            countColumn('employees', 'Salariés financés', { additive: false }),
            countColumn('welfareRecipients', 'dont allocataires du RSA', { additive: false }),
            shareColumn('welfareShare', '% allocataires du RSA', 'welfareRecipients'),
          ],
          rows: [
            {
              key: 'current',
              label: 'Période',
              values: [c.employees, c.welfareRecipients, percent(c.welfareRecipients, c.employees)],
            },
          ],
          note: 'Allocataire du RSA à la date du comité qui a validé son plan.',
          sensitive: true,
        },
        {
          key: 'byCofunderKind',
          title: 'Cofinancement prévu par type de cofinanceur',
          rowHeader: 'Type de cofinanceur',
          columns: [
            // a co-funder named on plans under two kinds counts in each
            countColumn('cofunders', 'Cofinanceurs', { additive: false }),
            amountColumn('amount', 'Montant prévu'),
          ],
          rows: [
            ...kinds.map((k) => {
              const x = c.byKind.find((y) => y.kind === k)
              return { key: k, label: kindLabels[k] ?? k, values: [x?.cofunders ?? 0, euros(x?.cents ?? 0)] }
            }),
            { key: 'total', label: 'Total', values: [c.cofunders, euros(c.cofundingCents)], total: true },
          ],
        },
      ],
    }
  },
}
