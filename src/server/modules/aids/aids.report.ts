import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'
import { item } from '../../reporting/report/sections.ts'

// The aids' chapter of the annual report, as data (as plie.report.ts): placed after the Mission Locale's chapter and
// before the PLIE's, as the 2009 report prints its aids in the Mission Locale part. Spreadsheet tabs are named by
// shortTitle (31 characters at most, unique in the workbook).

export const aidsSections: ReportSection[] = [
  {
    key: 'aids_requests',
    title: 'Les aides financières',
    shortTitle: 'Aides financières',
    intro:
      'Les aides financières directes aux jeunes (FIPJ, FDAJ, allocation CIVIS…) : demandes, décisions, montants ' +
      'accordés et payés, finalités, circuits, et les aides indirectes.',
    items: [item('aid.requests')],
  },
  {
    key: 'aids_projects',
    title: 'Les projets de jeunes et les vacances',
    shortTitle: 'Projets de jeunes et vacances',
    intro:
      'Le comité local d’aide aux projets (CLAP) et l’aide aux projets de départ en vacances : projets accompagnés ' +
      'et financés, jeunes soutenus, montants, emplois créés.',
    items: [item('aid.projects')],
  },
]
