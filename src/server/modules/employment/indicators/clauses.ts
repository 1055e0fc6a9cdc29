import { sql } from 'kysely'
import { clauseCriteria } from '../../../../shared/employment/employment.nomenclature.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, ratio, shareColumn, valueFigure } from '../../../reporting/tables.ts'
import { inPeriod, inScope, longContract, n, ofStructures } from './common.ts'

// « Les clauses d'insertion » (employment.clauses): the hours worked under procurement social clauses in the period.
//
// Output keys (figures): hours, persons, companies, sites, hoursPerPerson, hoursPerSite (averages), contracts,
//   contractsLong, contractsLongProfessionalisation, youthBelowBac.
// Tables: participants (sensitive: rows the eligibility criteria present, total; columns persons, share).
// value = hours. Hours: the monthly hours whose month is in the period; persons, companies (the lots' companies), sites
// (the clause operations): those with hours in the period; contracts: clause contracts starting in the period. The
// RSA criterion is a welfare status: only in the sensitive table.

export const employmentClauses: IndicatorDeclaration = {
  id: 'employment.clauses',
  family: 'employment',
  label: 'Les clauses d’insertion dans les marchés publics',
  valueLabel: 'Heures de travail réalisées dans la période',
  definition:
    'Clauses sociales des marchés publics : heures de travail réalisées dans la période, personnes, entreprises et ' +
    'chantiers concernés, heures par personne et par chantier, contrats de travail signés (dont de 6 mois ou plus, ' +
    'dont contrats de professionnalisation), personnes par critère d’éligibilité (allocataires du RSA, jeunes de ' +
    'niveau inférieur au bac…).',
  population: 'Heures et contrats des participants aux clauses de la structure, dans le périmètre demandé.',
  breakdowns: ['critère d’éligibilité'],
  notes: [
    'Heures : relevés mensuels dont le mois tombe dans la période ; personnes, entreprises (attributaires des lots) et ' +
      'chantiers (opérations) : ceux qui ont des heures dans la période.',
    'Contrats : contrats des clauses débutés dans la période ; « plus de 6 mois » se lit « 6 mois ou plus » (ou CDI).',
    'Critère : celui que le facilitateur a validé pour l’éligibilité de la personne ; le critère RSA (et RQTH) n’est ' +
      'publié que dans le tableau sensible.',
  ],
  async compute(ctx) {
    const h = await sql<Record<string, number>>`
      select coalesce(sum(h.hours), 0)::float8 as hours, count(distinct h.person_id)::int as persons,
        count(distinct l.employer_id)::int as companies, count(distinct l.operation_id)::int as sites
      from clause_hours h join clause_lot l on l.id = h.lot_id and l.structure_id = h.structure_id
      where ${ofStructures(ctx, 'h.structure_id')} and ${inPeriod(ctx, 'h.month')} and ${inScope(ctx, 'h.person_id')}`.execute(
      ctx.q,
    )
    const c = await sql<Record<string, number>>`
      select count(*)::int as contracts, count(*) filter (where ${longContract('c')})::int as long,
        count(*) filter (where ${longContract('c')} and c.contract_kind = 'professionalisation')::int as prof
      from clause_contract c
      where ${ofStructures(ctx, 'c.structure_id')} and ${inPeriod(ctx, 'c.starts_on')}
        and ${inScope(ctx, 'c.person_id')}`.execute(ctx.q)
    const byCriterion = await sql<{ criterion: string; persons: number }>`
      select cp.criterion, count(distinct h.person_id)::int as persons
      from clause_hours h join clause_participant cp on cp.person_id = h.person_id and cp.structure_id = h.structure_id
      where ${ofStructures(ctx, 'h.structure_id')} and ${inPeriod(ctx, 'h.month')} and ${inScope(ctx, 'h.person_id')}
      group by cp.criterion`.execute(ctx.q)
    const x = h.rows[0]
    const k = c.rows[0]
    const hours = Math.round(n(x.hours) * 100) / 100
    const persons = n(x.persons)
    const crit = (code: string) => n(byCriterion.rows.find((r) => r.criterion === code)?.persons)
    const labels = clauseCriteria.labels as Record<string, string>
    const codes = clauseCriteria.codes.filter((code) => crit(code) > 0)
    return {
      value: hours,
      figures: [
        countFigure('hours', 'Heures de travail réalisées', hours),
        countFigure('persons', 'Personnes ayant travaillé', persons),
        countFigure('companies', 'Entreprises', n(x.companies)),
        countFigure('sites', 'Chantiers', n(x.sites)),
        valueFigure('hoursPerPerson', 'Heures par personne (moyenne)', 'average', ratio(hours, persons)),
        valueFigure('hoursPerSite', 'Heures par chantier (moyenne)', 'average', ratio(hours, n(x.sites))),
        countFigure('contracts', 'Contrats de travail signés', n(k.contracts)),
        countFigure('contractsLong', 'dont de 6 mois ou plus', n(k.long)),
        countFigure('contractsLongProfessionalisation', 'dont contrats de professionnalisation', n(k.prof)),
        countFigure('youthBelowBac', 'Jeunes de niveau inférieur au bac', crit('youth_below_bac')),
      ],
      tables: [
        {
          key: 'participants',
          title: 'Personnes ayant travaillé, par critère d’éligibilité',
          rowHeader: 'Critère',
          columns: [countColumn('persons', 'Personnes'), shareColumn('share', '%', 'persons')],
          rows: [
            ...codes.map((code) => ({
              key: code,
              label: labels[code] ?? code,
              values: [crit(code), percent(crit(code), persons)],
            })),
            { key: 'total', label: 'Total', values: [persons, persons ? 100 : null], total: true },
          ],
          note: 'Le critère validé par le facilitateur à l’entrée dans le vivier des clauses.',
          sensitive: true,
        },
      ],
    }
  },
}
