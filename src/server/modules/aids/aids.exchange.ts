import { sql } from 'kysely'
import { programmeTypeLabels, programmeTypes } from '../../../shared/admin/admin.schema.ts'
import {
  aidPurposes,
  aidTracks,
  decisionModes,
  fundKinds,
  paymentModes,
  projectDecisions,
  projectForms,
  projectNatures,
  projectSectors,
  projectStatuses,
} from '../../../shared/aids/aids.nomenclature.ts'
import type { CodeList, ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, externalId, notBefore, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import {
  cents,
  checkCodes,
  code,
  codesColumn,
  compositeKey,
  fundRef,
  keyedWrite,
  ref,
  splitCodes,
} from './aids-exchange.write.ts'
import { aidsRequestEntities } from './aids-requests.exchange.ts'

// The financial aids in the exchange bundle (issue 12, docs/import-format.md, docs/aids.md): the funds and their
// envelopes (the configuration the admin moves), the commissions with their members, the youth projects with their
// holders (this file), then the requests with their decisions, the reinforced aids' contracts, the allowance's payment
// runs, the payments and the indirect aids (aids-requests.exchange.ts). What stays behind (ids, versions, when a row
// was written here) is listed with its reason in exchange.not-exported.ts.

const programmeTypeList: CodeList = { codes: programmeTypes, labels: programmeTypeLabels }

const fundLists: [string, CodeList | null][] = [
  ['programme_types', programmeTypeList],
  ['purposes', aidPurposes],
  ['tracks', aidTracks],
  ['payment_modes', paymentModes],
  ['documents', null],
]

export const fundsEntity: EntitySpec = {
  name: 'aid_fund',
  label: 'fonds d’aide',
  file: 'aid_funds.csv',
  summary: 'fonds d’aides financières et leurs règles',
  table: 'aid_fund',
  description:
    'Les fonds d’aides financières (FIPJ, FDAJ, allocation CIVIS / CEJ, CLAP, aides aux vacances…) : qui peut ' +
    'demander, pour quoi, jusqu’à combien, décidé par qui, payé comment.',
  key: 'external_id',
  versioned: true,
  small: true,
  order: ['code', 'external_id'],
  columns: [
    externalId('du fonds'),
    text('code', 20, 'Code court du fonds (FIPJ, FDAJ…), unique dans la structure.', true),
    text('name', 200, 'Nom du fonds.', true),
    code('kind', fundKinds, 'Natures de fonds', 'Nature du fonds.', true),
    text('funder', 200, 'Financeur (État, département…), tel qu’écrit.', true),
    {
      name: 'decided_by',
      type: { kind: 'code', list: decisionModes, listName: 'Décideurs d’une aide' },
      default: 'officer',
      description: 'Qui décide une demande ordinaire (vide : officer).',
    },
    codesColumn(
      'programme_types',
      programmeTypeList,
      'Natures de programme dont les inscrits peuvent demander (vide : tous)',
    ),
    { name: 'min_age', type: { kind: 'integer', min: 0, max: 120 }, description: 'Âge minimum (vide : aucun).' },
    { name: 'max_age', type: { kind: 'integer', min: 0, max: 120 }, description: 'Âge maximum (vide : aucun).' },
    {
      name: 'communes',
      type: { kind: 'communes' },
      db: false,
      exportSql: sql`(SELECT string_agg(a.v, '|' ORDER BY a.n) FROM jsonb_array_elements_text(t.communes)
        WITH ORDINALITY AS a(v, n))`,
      description: 'Communes de résidence admises, codes INSEE séparés par | (vide : partout).',
    },
    codesColumn('purposes', aidPurposes, 'Objets d’aide que le fonds finance'),
    codesColumn('tracks', aidTracks, 'Circuits de demande ouverts', true),
    codesColumn('payment_modes', paymentModes, 'Modes de paiement', true),
    codesColumn('documents', null, 'Pièces qu’une demande complète porte (libellés)'),
    cents('ceiling_request_cents', 'Plafond par demande (vide : aucun),'),
    cents('ceiling_person_year_cents', 'Plafond par personne et par an (vide : aucun),'),
    cents('ceiling_month_cents', 'Plafond mensuel de l’allocation par personne (vide : aucun),'),
    cents('fixed_amount_cents', 'Montant forfaitaire par jeune d’une aide aux vacances (vide : aucun),'),
    date('opens_on', 'Ouvert à partir de ce jour (vide : toujours).'),
    date('closes_on', 'Fermé après ce jour (vide : jamais).'),
    { name: 'active', type: { kind: 'boolean' }, default: true, description: 'En service (vide : true).' },
  ],
  check(v): ColumnIssue[] {
    const out = fundLists.flatMap(([column, list]) => (list ? checkCodes(v, column, list) : []))
    for (const c of ['ceiling_request_cents', 'ceiling_person_year_cents', 'ceiling_month_cents', 'fixed_amount_cents'])
      if (v[c] === 0) out.push({ column: c, message: 'un plafond ou un forfait est positif (vide : aucun)' })
    if (v.min_age !== null && v.max_age !== null && (v.max_age as number) < (v.min_age as number))
      out.push({ column: 'max_age', message: 'l’âge maximum est avant l’âge minimum' })
    return [...out, ...notBefore(v, 'closes_on', 'opens_on', 'la fermeture est avant l’ouverture')]
  },
  derive: ({ values }) => ({
    ...Object.fromEntries(fundLists.map(([c]) => [c, splitCodes(values[c])])),
    communes: (values.communes as string[] | null) ?? [],
  }),
  constraints: {
    aid_fund_code_key: { column: 'code', message: 'un autre fonds porte déjà ce code' },
  },
}

export const envelopesEntity: EntitySpec = {
  name: 'aid_envelope',
  label: 'enveloppe',
  file: 'aid_envelopes.csv',
  summary: 'enveloppes annuelles des fonds par financeur',
  table: 'aid_envelope',
  description:
    'Ce qu’un financeur alloue à un fonds pour une année ; l’engagé et le payé se calculent des décisions et des ' +
    'paiements.',
  key: 'external_id',
  versioned: true,
  order: ['fund_external_id', 'year', 'funder', 'external_id'],
  columns: [
    externalId('de l’enveloppe'),
    fundRef(),
    { name: 'year', type: { kind: 'integer', min: 1990, max: 2100 }, required: true, description: 'Année.' },
    text('funder', 200, 'Financeur, tel qu’écrit.', true),
    cents('allocated_cents', 'Montant alloué,', true),
  ],
  constraints: {
    aid_envelope_funder_key: { column: 'funder', message: 'ce fonds a déjà une enveloppe de ce financeur cette année' },
  },
}

export const commissionsEntity: EntitySpec = {
  name: 'aid_commission',
  label: 'commission d’attribution',
  file: 'aid_commissions.csv',
  summary: 'commissions d’attribution des aides',
  table: 'aid_commission',
  description: 'Les commissions d’un fonds (l’aide renforcée du FDAJ, le comité CLAP), prévues ou tenues.',
  key: 'external_id',
  versioned: true,
  order: ['date', 'external_id'],
  columns: [
    externalId('de la commission'),
    fundRef(),
    date('date', 'Date de la commission.', true),
    {
      name: 'status',
      type: {
        kind: 'code',
        list: { codes: ['planned', 'held'], labels: { planned: 'Prévue', held: 'Tenue' } },
        listName: 'États d’une commission',
      },
      default: 'planned',
      description: 'Prévue ou tenue (vide : planned).',
    },
    text('note', 4000, 'Note.'),
    userRef('created_by_email', 'created_by', 'Créée par'),
  ],
}

const commissionRef = (required: boolean, description: string) =>
  ref('commission_external_id', 'aid_commission', 'commission_id', description, required)

const memberKey = compositeKey(['commission_external_id', 'position'])
const memberColumns: ColumnSpec[] = [
  commissionRef(true, 'La commission : external_id d’une commission de aid_commissions.csv ou de la base.'),
  {
    name: 'position',
    type: { kind: 'integer', min: 0, max: 999 },
    required: true,
    description: 'Rang du membre dans la commission (de 0 à 999), unique dans la commission.',
  },
  userRef('user_email', 'user_id', 'Le membre, s’il est un utilisateur de la structure'),
  text('name', 200, 'Nom du membre, tel qu’écrit.', true),
  text('organisation', 200, 'Son organisme (le département, un partenaire).'),
  { name: 'present', type: { kind: 'boolean' }, default: true, description: 'Présent (vide : true).' },
]
export const membersEntity: EntitySpec = {
  name: 'aid_commission_member',
  label: 'membre de commission',
  file: 'aid_commission_members.csv',
  summary: 'membres des commissions et présence',
  table: 'aid_commission_member',
  description: 'Qui siège à chaque commission, utilisateur de la structure ou personne extérieure, et sa présence.',
  key: memberKey.name,
  order: ['commission_external_id', 'position'],
  columns: memberColumns,
  check(v) {
    memberKey.set(v)
    return []
  },
  write: keyedWrite(memberColumns, {
    table: 'aid_commission_member',
    conflict: ['structure_id', 'commission_id', 'position'],
  }),
}

export const projectsEntity: EntitySpec = {
  name: 'aid_project',
  label: 'projet de jeunes',
  file: 'aid_projects.csv',
  summary: 'projets de jeunes (CLAP) et projets de vacances',
  table: 'aid_project',
  description:
    'Les projets de jeunes (CLAP : individuels ou collectifs, économiques par secteur, sociaux, culturels) et les ' +
    'projets de vacances : budget, présentation au comité, décision, financement, suivi et emplois créés.',
  key: 'external_id',
  versioned: true,
  order: ['fund_external_id', 'external_id'],
  columns: [
    externalId('du projet'),
    fundRef(),
    text('title', 200, 'Intitulé du projet.', true),
    code('form', projectForms, 'Formes de projet', 'Individuel ou collectif.', true),
    code('nature', projectNatures, 'Natures de projet', 'Nature du projet.', true),
    code('sector', projectSectors, 'Secteurs d’un projet économique', 'Secteur d’un projet économique.'),
    siteRef('Site qui suit le projet'),
    userRef('followed_by_email', 'followed_by', 'Suivi par'),
    cents('budget_cents', 'Budget du projet,'),
    cents('asked_cents', 'Montant demandé,'),
    commissionRef(false, 'Le comité où il est présenté (aid_commissions.csv ou la base).'),
    date('presented_on', 'Date de présentation au comité.'),
    code('decision', projectDecisions, 'Décisions sur un projet', 'Décision (vide : pas encore décidé).'),
    date('decided_on', 'Date de la décision.'),
    cents('granted_cents', 'Financement accordé (seulement pour un projet financé),'),
    {
      name: 'jobs_created',
      type: { kind: 'integer', min: 0, max: 10000 },
      description: 'Emplois créés (vide : pas encore connu).',
    },
    text('follow_up', 4000, 'Suivi du projet.'),
    {
      name: 'status',
      type: { kind: 'code', list: projectStatuses, listName: 'États d’un projet' },
      default: 'accompanied',
      description: 'État (vide : accompanied).',
    },
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (v.granted_cents !== null && v.decision !== 'funded')
      out.push({ column: 'granted_cents', message: 'un financement accordé demande la décision funded' })
    return [...out, ...notBefore(v, 'decided_on', 'presented_on', 'la décision est avant la présentation')]
  },
}

const holderKey = compositeKey(['project_external_id', 'person_external_id'])
const holderColumns: ColumnSpec[] = [
  ref(
    'project_external_id',
    'aid_project',
    'project_id',
    'Le projet : external_id d’un projet de aid_projects.csv ou de la base.',
    true,
  ),
  personRef,
]
export const holdersEntity: EntitySpec = {
  name: 'aid_project_holder',
  label: 'porteur de projet',
  file: 'aid_project_holders.csv',
  summary: 'porteurs des projets (les jeunes)',
  table: 'aid_project_holder',
  description:
    'Les jeunes qui portent chaque projet (un projet collectif en a plusieurs, un séjour de vacances aussi).',
  key: holderKey.name,
  order: ['project_external_id', 'person_external_id'],
  columns: holderColumns,
  check(v) {
    holderKey.set(v)
    return []
  },
  write: keyedWrite(holderColumns, {
    table: 'aid_project_holder',
    conflict: ['structure_id', 'project_id', 'person_id'],
  }),
}

/** The aids' files, in bundle order (a file refers only to earlier ones: the persons', sites' and users'). */
export const aidsEntities: EntitySpec[] = [
  fundsEntity,
  envelopesEntity,
  commissionsEntity,
  membersEntity,
  projectsEntity,
  holdersEntity,
  ...aidsRequestEntities,
]

/** the files that are configuration (funds, envelopes): the admin may move them (no person data) */
export const aidsConfiguration: string[] = [fundsEntity.file, envelopesEntity.file]
