import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'
import { item } from '../../reporting/report/sections.ts'

// The PLIE chapter of the annual report, as data (as mission-locale.report.ts): the outputs (JSON, spreadsheet, PDF)
// follow. Spreadsheet tabs are named by shortTitle (31 characters at most, unique in the workbook).

export const plieSections: ReportSection[] = [
  {
    key: 'plie_flow',
    title: 'Le PLIE en chiffres',
    shortTitle: 'PLIE en chiffres',
    intro:
      'Le Plan Local pour l’Insertion et l’Emploi accompagne des adultes éloignés de l’emploi sur un parcours, de ' +
      'l’entrée décidée en comité à la sortie, positive ou non.',
    items: [item('plie.flow'), item('plie.objectives')],
  },
  {
    key: 'plie_entries',
    title: 'Caractéristiques des personnes à l’entrée',
    shortTitle: 'PLIE entrées',
    items: [
      item('plie.entries', {
        charts: [{ table: 'byPublic', kind: 'years', title: 'Entrées par public cible' }],
      }),
    ],
  },
  {
    key: 'plie_positive_exits',
    title: 'Les sorties positives',
    shortTitle: 'PLIE sorties positives',
    items: [
      item('plie.positive_exits', {
        charts: [
          { table: 'byType', kind: 'pie', title: 'Détail des sorties positives' },
          { table: 'byYear', kind: 'years', title: 'Évolution des sorties positives sur 5 ans' },
        ],
      }),
    ],
  },
  {
    key: 'plie_employment',
    title: 'Reprises d’emploi et relations entreprises',
    shortTitle: 'PLIE emploi et partenaires',
    items: [item('plie.employment_steps'), item('plie.positive_exits.by_partner')],
  },
  {
    key: 'plie_funding',
    title: 'Les financements',
    shortTitle: 'PLIE financements',
    items: [item('plie.funding')],
  },
]
