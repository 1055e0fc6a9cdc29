import { z } from 'zod'

export const roles = [
  'admin',
  'director',
  'counsellor',
  'reception',
  'training_officer',
  'employment_officer',
  'aid_officer',
  'statistician',
  'partner',
] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

export const roleLabels: Record<Role, string> = {
  admin: 'Administrateur',
  director: 'Direction',
  counsellor: 'Conseiller',
  reception: "Chargé d'accueil",
  training_officer: 'Chargé de formation',
  employment_officer: 'Chargé de relations entreprises',
  aid_officer: 'Chargé des aides financières',
  statistician: 'Statisticien',
  partner: 'Partenaire',
}

/**
 * Every list of roles the system knows, by name: the navigation reads them, and each module's policy names them (no
 * policy writes a role list of its own), so the screens and the server cannot drift apart.
 */
export const capabilities = {
  administration: ['admin'],
  /** roles that must sign in with a second factor whatever the configuration (TOTP_REQUIRED_FOR_ALL adds the others) */
  secondFactorRequired: ['admin'],
  audit: ['admin', 'director'],
  /** a person's file in the audit trail: who read its sensitive fields and who changed it, persons named (director) */
  personAudit: ['director'],
  // Indicators and the annual report: reportingPolicy (src/server/reporting/reporting.policy.ts).
  statistics: ['director', 'statistician', 'counsellor'],
  /** figures of the whole structure; the other readers of statistics see their own sites */
  statisticsWholeStructure: ['director', 'statistician'],
  /** the indicator catalogue (the admin reads it to set objectives, without any figure) */
  indicatorCatalogue: ['director', 'statistician', 'counsellor', 'admin'],
  objectivesRead: ['director', 'statistician', 'admin'],
  objectivesManage: ['admin'],
  // Person files: personPolicy (src/server/modules/persons/person.policy.ts).
  /** search, identity and contact, and the reference lists the person forms need */
  persons: ['director', 'counsellor', 'reception', 'training_officer', 'employment_officer', 'aid_officer'],
  personCreate: ['counsellor', 'reception'],
  personEditIdentity: ['counsellor', 'reception'],
  personDuplicates: ['director', 'counsellor', 'reception'],
  personFile: ['director', 'counsellor'],
  personWrite: ['counsellor'],
  personSensitive: ['director', 'counsellor'],
  /** every person of the structure, whatever the sites, referents and enrolments */
  personsWholeStructure: ['director'],
  /** who can be a person's referent (the forms' list of counsellors) */
  referent: ['counsellor'],
  caseload: ['counsellor', 'director'],
  /** another user's caseload (a departed counsellor's, a team's) */
  caseloadOfOthers: ['director'],
  // Export/import of the person files (jalon bundle, API): the director only, on a session that gave the second factor
  // (exchangePolicy, src/server/modules/exchange/exchange.policy.ts). The admin moves the configuration only.
  dataExchange: ['director'],
  // Agenda: agendaPolicy (src/server/modules/agenda/agenda.policy.ts).
  /** the agenda's views: counsellors their sites', reception the day's of their sites, the director the structure's */
  agenda: ['director', 'counsellor', 'reception'],
  /** book, move, cancel appointments, take attendance, send convocations; a private iCal feed of one's agenda */
  agendaBook: ['counsellor'],
  /** book a new file's first interview in its referent's agenda, at its creation (reception: nothing else) */
  agendaFirstInterview: ['counsellor', 'reception'],
  // Lists and exports, data quality: docs/quality.md (exports: the list's own readers who work with files).
  /** export a list of persons (caseload, search, people behind a figure, files to fix) as CSV or XLSX, audited */
  listExport: ['director', 'counsellor'],
  /** open the persons behind an indicator's cell (the statistician sees the figures only) */
  indicatorPersons: ['director', 'counsellor'],
  /** the data-quality counts: counsellors their own scope, the director and the statistician the structure */
  quality: ['director', 'counsellor', 'statistician'],
  /** the files breaking a quality rule, to fix (one click to the file) */
  qualityFiles: ['director', 'counsellor'],
  /** the quality counts month by month */
  qualityTrend: ['director', 'statistician'],
  // PLIE (issue 11, docs/plie.md; pliePolicy, src/server/modules/plie/plie.policy.ts). A PLIE counsellor is a counsellor
  // whose programmes include the PLIE: the person policy still decides whose file they see.
  /** a person's PLIE pathway, proposals and committee decisions, on the files the reader sees */
  pliePathways: ['director', 'counsellor'],
  /** propose a person, record the pathway's referent, steps, exit and ESF+ answers */
  plieWrite: ['counsellor'],
  /** the sites' committees: agenda, members, decisions and minutes (the PLIE's coordinators are counsellors) */
  plieCommittees: ['director', 'counsellor'],
  /** the PLIE's configuration: member communes, host organisations and partner accounts, funding */
  plieSetup: ['admin', 'director'],
  /** a partner's own people and steps (the organisation the account is linked to), nothing else */
  pliePartner: ['partner'],
  /** the ESF+ participant export (persons named): the director, on the structure's files */
  esfExport: ['director'],
  // Financial aids (issue 12, docs/aids.md; aidsPolicy, src/server/modules/aids/aids.policy.ts).
  /** a person's aid requests, decisions and payments, on the files the reader sees */
  aidRequests: ['director', 'counsellor', 'aid_officer'],
  /** ask an aid for a person of one's files (the counsellor's request form) */
  aidAsk: ['counsellor'],
  /** check, decide, pay, cancel a payment, run the allowance's monthly payments; the commissions; the projects */
  aidManage: ['aid_officer'],
  /** every fund's requests and envelopes, whatever the site (the aid officer serves the whole structure) */
  aidWholeStructure: ['director', 'aid_officer'],
  /** the funds, their envelopes, ceilings and documents */
  aidSetup: ['admin', 'director'],
  // Training (issue 13, docs/training/; trainingPolicy, src/server/modules/training/training.policy.ts).
  /** the catalogue: bodies, actions, sessions and their places left (the counsellor searches it to prescribe) */
  trainingCatalogue: ['director', 'counsellor', 'training_officer', 'admin'],
  /** a person's prescriptions and their answers, on the files the reader sees (the training officer: the structure's) */
  trainingPrescriptions: ['director', 'counsellor', 'training_officer'],
  /** file a prescription for a person of one's files, file it again, cancel it */
  trainingPrescribe: ['counsellor'],
  /** validate, ask for more, refuse; the convocations; the worklist; record a body's answers on its behalf */
  trainingManage: ['training_officer'],
  /** every site's prescriptions (the department serves the whole structure) */
  trainingWholeStructure: ['director', 'training_officer'],
  /** the catalogue's bodies, actions and sessions, LHEO and CSV imports, the bodies' partner accounts */
  trainingSetup: ['admin', 'training_officer'],
  /** a training body's partner account: its actions, sessions and the people prescribed to them, and its answers */
  trainingBodyPortal: ['partner'],
  /** the professionalisation fund's envelopes, plans and consumption: read */
  profFundRead: ['director', 'training_officer'],
  /** … and keep (plans, committee decisions, reimbursements, envelopes) */
  profFundManage: ['training_officer'],
  // Employment (issue 14, docs/employment/; employmentPolicy, src/server/modules/employment/employment.policy.ts).
  /**
   * employers and their history, offers (a counsellor: those broadcast to their sites), a person's job projects,
   * positionings, hires, immersions and pools, on the files the reader sees (the employment officer: the structure's)
   */
  employmentRead: ['director', 'counsellor', 'employment_officer'],
  /** position a person of one's files on an offer, keep their job projects, prepare an immersion */
  employmentPosition: ['counsellor', 'employment_officer'],
  /** companies, contacts and visits, offers, candidates' answers, hires and their follow-ups, operations, pools */
  employmentManage: ['employment_officer'],
  /** every site's offers and people (the department serves the whole structure) */
  employmentWholeStructure: ['director', 'employment_officer'],
  /** the procurement clauses: operations, lots, participants, contracts, hours and statements: read */
  clausesRead: ['director', 'employment_officer'],
  /** … and keep (the clause facilitator is an employment officer); import the companies' monthly statements */
  clausesManage: ['employment_officer'],
  // Home pages per role and the person file's summary: docs/home.md (homePolicy, src/server/modules/home/home.policy.ts).
  /** reception's one click "arrivé(e)" on today's appointments of its sites (the counsellor is notified) */
  arrivals: ['reception'],
  /** what changed on the files a counsellor follows since they last looked (the audit trail) */
  recentChanges: ['counsellor'],
  /** the year's key figures by site against the sites' objectives */
  keyFigures: ['director', 'statistician'],
  /** the sites' yearly objectives on the key figures: read */
  siteObjectivesRead: ['director', 'statistician', 'admin'],
  /** … and set */
  siteObjectivesManage: ['director', 'admin'],
} as const satisfies Record<string, readonly Role[]>
export type Capability = keyof typeof capabilities

export function can(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role)
}
