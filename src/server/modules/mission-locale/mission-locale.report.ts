import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'
import { item } from '../../reporting/report/sections.ts'

// The Mission Locale chapter of the annual report, as data: an ordered list of sections naming indicators. Adding a
// table to the report is a line here; the outputs (JSON, spreadsheet, PDF) follow.

export const missionLocaleSections: ReportSection[] = [
  {
    key: 'youth_in_contact',
    title: 'Les jeunes en contact',
    shortTitle: 'Jeunes en contact',
    intro: 'Jeunes suivis par la Mission Locale ayant eu au moins un contact pendant la période.',
    items: [
      item('ml.youth_in_contact', {
        tables: ['byLevelAndAgeBand', 'bySex', 'bySite'],
        charts: [
          { table: 'byLevelAndAgeBand', kind: 'stacked', title: 'Jeunes en contact par niveau et tranche d’âge' },
        ],
      }),
    ],
  },
  {
    key: 'characteristics',
    title: 'Caractéristiques générales des jeunes accompagnés',
    shortTitle: 'Caractéristiques',
    items: [
      item('ml.youth_in_contact.shares'),
      item('ml.youth_in_contact', { tables: ['priorityArea'], figures: false }),
    ],
  },
  {
    key: 'situation_at_end',
    title: 'Situation des jeunes au dernier jour de la période',
    shortTitle: 'Situation en fin de période',
    intro:
      'Situation familiale, logement, ressources et permis de conduire des jeunes en contact, au 31/12 pour une année.',
    items: [
      item('ml.youth_in_contact', {
        tables: ['familySituation', 'housing', 'resources', 'drivingLicence'],
        figures: false,
        charts: [
          { table: 'housing', kind: 'pie', title: 'Situation logement' },
          { table: 'resources', kind: 'pie', title: 'Type de ressources' },
        ],
      }),
    ],
  },
  {
    key: 'first_receptions',
    title: 'Les jeunes accueillis pour la première fois',
    shortTitle: 'Premiers accueils',
    items: [
      item('ml.first_receptions', {
        charts: [
          { table: 'byAgeBand', kind: 'bar', title: 'Par tranche d’âge au premier accueil' },
          { table: 'byLevel', kind: 'bar', title: 'Par niveau scolaire au premier accueil' },
        ],
      }),
    ],
  },
  {
    key: 'propositions',
    title: 'Propositions faites aux jeunes',
    shortTitle: 'Propositions',
    intro:
      'Tout acte professionnel d’un conseiller à destination d’un jeune est décrit en propositions, classées en ' +
      '3 domaines (professionnel, social, vie sociale) et 7 thèmes.',
    items: [
      item('ml.propositions', {
        charts: [{ table: 'byDomainAndTheme', kind: 'bar', title: 'Propositions par thème' }],
      }),
    ],
  },
  {
    key: 'situation_entries',
    title: 'Entrées en emploi et en formation',
    shortTitle: 'Entrées emploi et formation',
    items: [
      item('ml.situation_entries', {
        charts: [{ table: 'byYear', kind: 'years', title: 'Comparaison annuelle du nombre de mesures' }],
      }),
    ],
  },
  {
    key: 'civis',
    title: 'Le programme CIVIS',
    shortTitle: 'CIVIS',
    intro:
      'Accompagnement renforcé vers l’emploi des jeunes de moins de 26 ans en difficulté (aujourd’hui le Contrat ' +
      'd’Engagement Jeune).',
    items: [item('ml.civis')],
  },
]
