import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'
import { item } from '../../reporting/report/sections.ts'

// The training department's chapter of the annual report, as data (as aids.report.ts): placed by the manifest
// (order 30) after the PLIE's chapter. Spreadsheet tabs are named by shortTitle (31 characters at most, unique).

export const trainingSections: ReportSection[] = [
  {
    key: 'training_offer',
    title: 'L’offre de formation',
    shortTitle: 'Offre de formation',
    intro:
      'Les étapes de formation des jeunes suivis par la Mission Locale : entrées en formation prescrites, part du ' +
      'programme régional de formation, jeunes concernés, orientations vers l’AFPA, retours en formation initiale ; ' +
      'et les actions de formation mises en place dans l’année.',
    items: [item('training.steps'), item('training.actions')],
  },
  {
    key: 'training_professionalisation_fund',
    title: 'Le fonds de professionnalisation',
    shortTitle: 'Fonds de professionnalisation',
    intro:
      'Les plans de formation des salariés en contrat aidé validés par le comité du fonds : salariés financés, ' +
      'montant engagé, heures et coût horaire, cofinanceurs et fonds propres des employeurs.',
    items: [item('training.professionalisation_fund')],
  },
]
