// The departments' columns that stay out of an exchange bundle (agenda, PLIE, aids, training, employment), each with
// its reason: the list of exchange.not-exported.ts continues here, one department after the other, so that neither
// file outgrows the others. exchange.coverage.test.ts checks both against the migrated database.

export interface NotExported {
  table: string
  columns: string[]
  reason: string
}

/** One column, the same reason, in each of these tables (written out, table by table). */
export const tablesOf = (column: string, reason: string, ...tables: string[][]): NotExported[] =>
  tables.flat().map((table) => ({ table, columns: [column], reason }))

export const departmentsNotExported: NotExported[] = [
  // the agenda (issue 10, docs/agenda.md): its files (agenda.exchange.ts) carry rooms, templates, permanences,
  // appointments — collective sessions included — their persons and the messages sent; these stay behind
  ...tablesOf('structure_id', 'the bundle is one structure’s: the import sets the target structure', [
    'agenda_room',
    'agenda_template',
    'agenda_series',
    'appointment',
    'appointment_person',
    'agenda_message',
  ]),
  ...tablesOf('version', 'optimistic-locking counter of this database; an import bumps it when it changes a row', [
    'agenda_room',
    'agenda_template',
    'appointment',
    'appointment_person',
  ]),
  ...tablesOf('created_at', 'when the row was written in this database (the import’s time for an imported row)', [
    'agenda_series',
    'appointment',
  ]),
  {
    table: 'appointment',
    columns: ['day'],
    reason: 'computed from starts_at in the structure’s time zone (structure.csv time_zone) at import',
  },
  {
    table: 'appointment_leader',
    columns: ['structure_id', 'appointment_id', 'user_id'],
    reason: 'exported as appointments.csv leader_emails (a session’s co-leaders)',
  },
  {
    table: 'appointment_leader',
    columns: ['added_at'],
    reason: 'when the co-leader was named in this database (the import’s time for an imported one)',
  },
  {
    table: 'agenda_contact',
    columns: ['structure_id', 'person_id', 'consent', 'channel', 'recorded_at', 'recorded_by', 'version'],
    reason: 'consent to the agenda’s messages is asked again in the installation that sends them',
  },
  {
    table: 'agenda_feed',
    columns: ['structure_id', 'user_id', 'token_hash', 'created_at'],
    reason:
      'private calendar links of this installation: a hash of a secret (the link is the key to a counsellor’s ' +
      'agenda); moved, it would keep a link alive that its owner may believe revoked — each counsellor makes a new one',
  },
  // the PLIE (issue 11, docs/plie.md): its files (plie.exchange.ts, plie-pathway.exchange.ts) carry the communes,
  // organisations with their partner accounts, funding, proposals, committees with members and cases, pathways,
  // referents, steps and ESF+ answers; these stay behind
  ...tablesOf('structure_id', 'the bundle is one structure’s: the import sets the target structure', [
    'plie_commune',
    'plie_organisation',
    'plie_funding',
    'plie_proposal',
    'plie_committee',
    'plie_committee_member',
    'plie_committee_case',
    'plie_pathway',
    'plie_referent',
    'plie_step',
    'esf_answer',
  ]),
  ...tablesOf('version', 'optimistic-locking counter of this database; an import bumps it when it changes a row', [
    'plie_organisation',
    'plie_funding',
    'plie_proposal',
    'plie_committee',
    'plie_committee_case',
    'plie_pathway',
    'plie_step',
  ]),
  ...tablesOf('created_at', 'when the row was written in this database (the import’s time for an imported row)', [
    'plie_proposal',
    'plie_committee',
  ]),
  {
    table: 'plie_funding',
    columns: ['id'],
    reason: 'a funding line is matched by year, funder and operation; ids are this database’s',
  },
  {
    table: 'plie_committee_case',
    columns: ['id'],
    reason: 'a committee case is matched by its committee and position; ids are this database’s',
  },
  {
    table: 'plie_proposal',
    columns: ['eligibility'],
    reason: 'exported as plie_proposals.csv eligibility, its JSON text (read back as JSON by the import)',
  },
  {
    table: 'plie_organisation_user',
    columns: ['structure_id', 'organisation_id', 'user_id'],
    reason: 'exported as plie_organisations.csv partner_emails (the partner accounts)',
  },
  {
    table: 'plie_pathway',
    columns: ['enrolment_id'],
    reason: 'exported as plie_pathways.csv enrolment_external_id, the pathway’s key',
  },
  {
    table: 'plie_pathway',
    columns: ['committee_case_id'],
    reason: 'exported as plie_pathways.csv committee_external_id and case_position (a case has no external id)',
  },
  {
    table: 'plie_step',
    columns: ['situation_id'],
    reason: 'exported as plie_steps.csv situation_external_id, the step’s key',
  },
  {
    table: 'plie_pathway',
    columns: ['person_id'],
    reason: 'the person of the pathway’s enrolment, set again at import',
  },
  {
    table: 'plie_step',
    columns: ['person_id'],
    reason: 'the person of the step’s situation, set again at import',
  },
  {
    table: 'esf_answer',
    columns: ['recorded_at'],
    reason: 'when the answer was recorded in this database (an imported answer: the import’s time)',
  },
  // the financial aids (issue 12, docs/aids.md): their files (aids.exchange.ts, aids-requests.exchange.ts) carry the
  // funds, envelopes, commissions with members, projects with holders, requests, contracts, runs, payments and
  // indirect aids; these stay behind
  ...tablesOf('structure_id', 'the bundle is one structure’s: the import sets the target structure', [
    'aid_fund',
    'aid_envelope',
    'aid_commission',
    'aid_commission_member',
    'aid_project',
    'aid_project_holder',
    'aid_request',
    'aid_contract',
    'aid_payment_run',
    'aid_payment',
    'aid_indirect',
  ]),
  ...tablesOf('version', 'optimistic-locking counter of this database; an import bumps it when it changes a row', [
    'aid_fund',
    'aid_envelope',
    'aid_commission',
    'aid_project',
    'aid_request',
    'aid_contract',
    'aid_indirect',
  ]),
  ...tablesOf('created_at', 'when the row was written in this database (the import’s time for an imported row)', [
    'aid_commission',
    'aid_project',
    'aid_payment_run',
  ]),
  {
    table: 'aid_fund',
    columns: ['programme_types', 'communes', 'purposes', 'tracks', 'payment_modes', 'documents'],
    reason: 'exported as aid_funds.csv columns of the same names, the lists’ codes separated by |',
  },
  {
    table: 'aid_request',
    columns: ['documents'],
    reason: 'exported as aid_requests.csv documents, the labels separated by |',
  },
  {
    table: 'aid_contract',
    columns: ['id', 'request_id'],
    reason: 'a contract is matched by its request (aid_contracts.csv request_external_id); ids are this database’s',
  },
  {
    table: 'aid_payment_run',
    columns: ['id'],
    reason: 'a payment run is matched by its fund and month; ids are this database’s',
  },
  {
    table: 'aid_payment',
    columns: ['run_id', 'cancels_id'],
    reason: 'exported as aid_payments.csv run_month (the run of the request’s fund) and cancels_external_id',
  },
  // training (issue 13, docs/training/exchange.md): its files (training.exchange.ts, training-persons.exchange.ts)
  // carry the bodies with their partner accounts, actions, sessions, the fund's envelopes, prescriptions with their
  // history, plans and co-funders; these stay behind
  ...tablesOf('structure_id', 'the bundle is one structure’s: the import sets the target structure', [
    'training_body',
    'training_action',
    'training_session',
    'training_prescription',
    'training_prescription_event',
    'prof_fund_envelope',
    'prof_plan',
    'prof_plan_cofunding',
  ]),
  ...tablesOf('version', 'optimistic-locking counter of this database; an import bumps it when it changes a row', [
    'training_body',
    'training_action',
    'training_session',
    'training_prescription',
    'prof_fund_envelope',
    'prof_plan',
  ]),
  {
    table: 'training_body_user',
    columns: ['structure_id', 'body_id', 'user_id'],
    reason: 'exported as training_bodies.csv partner_emails (the training body’s partner accounts)',
  },
  {
    table: 'training_prescription_event',
    columns: ['id'],
    reason: 'an event is matched by its prescription, instant and new status; ids are this database’s',
  },
  {
    table: 'prof_plan',
    columns: ['created_at'],
    reason: 'when the plan was written in this database (the import’s time for an imported plan)',
  },
  // employment (issue 14, docs/employment/exchange.md): its files (employment.exchange.ts, employment-*.exchange.ts)
  // carry the immersion programmes and modules, employers with contacts and interactions, job projects, offers with
  // their sites, operations, pools, placements with follow-ups, positionings with their history, applications,
  // immersions and the social clauses; these stay behind
  ...tablesOf('structure_id', 'the bundle is one structure’s: the import sets the target structure', [
    ...['employer', 'employer_contact', 'employer_interaction', 'job_project', 'job_offer', 'placement'],
    ...['placement_follow_up', 'offer_candidate', 'offer_candidate_event', 'recruitment_operation'],
    ...['operation_info_session', 'operation_application', 'candidate_pool', 'pool_info_session', 'pool_member'],
    ...['immersion_programme', 'immersion_module', 'immersion', 'clause_operation', 'clause_lot'],
    ...['clause_participant', 'clause_contract', 'clause_statement', 'clause_hours'],
  ]),
  ...tablesOf('version', 'optimistic-locking counter of this database; an import bumps it when it changes a row', [
    ...['employer', 'employer_contact', 'employer_interaction', 'job_project', 'job_offer', 'placement'],
    ...['placement_follow_up', 'offer_candidate', 'recruitment_operation', 'operation_info_session'],
    ...['operation_application', 'candidate_pool', 'pool_info_session', 'pool_member', 'immersion_programme'],
    ...['immersion', 'clause_operation', 'clause_lot', 'clause_participant', 'clause_contract', 'clause_hours'],
  ]),
  ...tablesOf('created_at', 'when the row was written in this database (the import’s time for an imported row)', [
    ...['employer', 'employer_interaction', 'job_project', 'job_offer', 'placement', 'recruitment_operation'],
    'immersion',
  ]),
  {
    table: 'job_offer_site',
    columns: ['structure_id', 'offer_id', 'site_id'],
    reason: 'exported as job_offers.csv site_codes (the sites an offer is broadcast to)',
  },
  {
    table: 'placement_follow_up',
    columns: ['id'],
    reason: 'a follow-up is matched by its placement and milestone; ids are this database’s',
  },
  {
    table: 'offer_candidate_event',
    columns: ['id'],
    reason: 'an event is matched by its positioning, instant and new status; ids are this database’s',
  },
  {
    table: 'clause_hours',
    columns: ['recorded_at'],
    reason: 'when the hours were recorded in this database (imported hours: the import’s time)',
  },
]
