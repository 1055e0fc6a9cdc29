import type { ReportSection } from '../../../shared/reporting/reporting.schema.ts'
import { item } from '../../reporting/report/sections.ts'

// The employment department's chapter of the annual report, as data (as training.report.ts): placed by the manifest
// (order 40) after the training's chapter, in the 2009 report's order. Spreadsheet tabs are named by shortTitle (31
// characters at most, unique).

export const employmentSections: ReportSection[] = [
  {
    key: 'employment_apprenticeship',
    title: 'Un programme spécifique pour développer l’accès à l’apprentissage',
    shortTitle: 'Programme apprentissage',
    intro:
      'Les jeunes sensibilisés à l’apprentissage, reçus en entretien et entrés dans le programme, leurs immersions en ' +
      'entreprise et les contrats en alternance qui les ont suivies, les emplois durables obtenus.',
    items: [item('employment.apprenticeship')],
  },
  {
    key: 'employment_immersions',
    title: 'Les modules d’immersion en entreprise des jeunes en CIVIS',
    shortTitle: 'Immersions CIVIS',
    intro:
      'Les périodes en entreprise pour découvrir un métier (module 1), faire évaluer ses compétences (module 2) et être ' +
      'évalué sur une offre d’emploi (module 3), et les contrats signés à leur issue.',
    items: [item('employment.immersions')],
  },
  {
    key: 'employment_recruitment_operations',
    title: 'Les opérations emploi formation et les recrutements en nombre',
    shortTitle: 'Opérations de recrutement',
    intro:
      'Les opérations menées avec les employeurs du territoire : postes à pourvoir, candidatures, réunions ' +
      'd’information collective, entretiens et recrutements.',
    items: [item('employment.recruitment_operations')],
  },
  {
    key: 'employment_clauses',
    title: 'Les clauses d’insertion dans les marchés publics',
    shortTitle: 'Clauses d’insertion',
    intro:
      'Les heures de travail réalisées par des personnes en difficulté sur les chantiers des marchés publics, les ' +
      'entreprises et chantiers concernés, les contrats signés.',
    items: [item('employment.clauses')],
  },
  {
    key: 'employment_candidate_pools',
    title: 'Les viviers de candidats : la cellule emploi des services à la personne',
    shortTitle: 'Viviers de candidats',
    intro:
      'Les réunions d’information collective, les personnes positionnées et reçues en entretien, intégrées au vivier, ' +
      'et celles qui ont retrouvé un emploi.',
    items: [item('employment.candidate_pools')],
  },
]
