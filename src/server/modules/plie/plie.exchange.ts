import { sql } from 'kysely'
import {
  caseKinds,
  committeeDecisions,
  funders,
  organisationKinds,
  proposalStatuses,
} from '../../../shared/plie/plie.nomenclature.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, externalId, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import { enrolmentsOf, proposalPersons, replacePartnerAccounts } from './plie.exchange.repository.ts'
import { compositeKey, keyedWrite, ref } from './plie.exchange-write.ts'
import { pathwaysEntity, plieEsfEntity, referentsEntity, stepsEntity } from './plie-pathway.exchange.ts'

// The PLIE in the exchange bundle (issue 11, docs/import-format.md, docs/plie.md): its configuration — the member
// communes, the host organisations and partners with their partner accounts, the funding — then the way in —
// proposals, committees with their members and cases — and the pathways (plie-pathway.exchange.ts). What stays
// behind (ids, versions, when a row was written here) is listed with its reason in exchange.not-exported.ts.

export const communesEntity: EntitySpec = {
  name: 'plie_commune',
  label: 'commune du PLIE',
  file: 'plie_communes.csv',
  summary: 'communes membres du PLIE',
  table: 'plie_commune',
  description:
    'Les communes membres du PLIE : y habiter est l’une des règles d’éligibilité d’une proposition de parcours.',
  key: 'commune_code',
  small: true,
  order: ['commune_code'],
  columns: [
    { name: 'commune_code', type: { kind: 'commune' }, required: true, description: 'Code commune INSEE.' },
    text('commune_name', 100, 'Nom de la commune.', true),
  ],
}

export const organisationsEntity: EntitySpec = {
  name: 'plie_organisation',
  label: 'structure du PLIE',
  file: 'plie_organisations.csv',
  summary: 'SIAE, partenaires, organismes d’accueil des étapes',
  table: 'plie_organisation',
  description:
    'Les structures qui accueillent les étapes des parcours (structures d’insertion par l’activité économique : ' +
    'ACI, EI, AI, ETTI ; organismes de formation ; employeurs) et les partenaires des relations entreprises ' +
    'crédités des sorties, avec les comptes partenaires qui voient leurs personnes et leurs étapes.',
  key: 'external_id',
  versioned: true,
  small: true,
  order: ['name', 'external_id'],
  columns: [
    externalId('de la structure'),
    {
      name: 'kind',
      type: { kind: 'code', list: organisationKinds, listName: 'Types de structure du PLIE' },
      required: true,
      description: 'Type de structure.',
    },
    text('name', 200, 'Nom, unique dans la structure.', true),
    text('agreement', 200, 'Conventionnement (tel qu’écrit).'),
    {
      name: 'places',
      type: { kind: 'integer', min: 0, max: 100000 },
      description: 'Nombre de places d’insertion (vide : non précisé).',
    },
    { name: 'active', type: { kind: 'boolean' }, default: true, description: 'En activité (vide : true).' },
    {
      name: 'partner_emails',
      type: { kind: 'refs', target: 'user' },
      db: false,
      exportSql: sql`(SELECT string_agg(u.email::text, '|' ORDER BY u.email::text COLLATE "C")
        FROM plie_organisation_user ou JOIN app_user u ON u.id = ou.user_id
        WHERE ou.structure_id = t.structure_id AND ou.organisation_id = t.id)`,
      description:
        'Comptes partenaires de la structure (ils voient ses personnes et ses étapes) : e-mails d’utilisateurs de ' +
        'users.csv ou de la base, séparés par | ; remplacent la liste enregistrée (vide : aucun).',
    },
  ],
  constraints: {
    plie_organisation_name_key: { column: 'name', message: 'une autre structure porte déjà ce nom' },
  },
  afterWrite: (tx, rows, ctx) =>
    replacePartnerAccounts(
      tx,
      ctx.structureId,
      new Map(rows.map((r) => [r.values.external_id as string, (r.values.partner_emails as string[] | null) ?? []])),
    ),
}

const fundingKey = compositeKey(['year', 'funder', 'operation'])
const cents = (name: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'integer', min: 0, max: 1e13 },
  required,
  description: `${description} en centimes d’euro (123456 : 1 234,56 €).`,
})
const fundingColumns: ColumnSpec[] = [
  { name: 'year', type: { kind: 'integer', min: 1990, max: 2100 }, required: true, description: 'Année.' },
  {
    name: 'funder',
    type: { kind: 'code', list: funders, listName: 'Financeurs du PLIE' },
    required: true,
    description: 'Financeur.',
  },
  text('operation', 200, 'L’opération financée (son intitulé).', true),
  cents('programmed_cents', 'Montant programmé,', true),
  cents('realised_cents', 'Montant réalisé (vide : pas encore connu),'),
]
export const fundingEntity: EntitySpec = {
  name: 'plie_funding',
  label: 'financement',
  file: 'plie_funding.csv',
  summary: 'financements du PLIE par année et financeur',
  table: 'plie_funding',
  description:
    'Les opérations du PLIE par année et financeur (FSE+, État, département…) : montants programmés et réalisés.',
  key: fundingKey.name,
  versioned: true,
  order: ['year', 'funder', 'operation'],
  columns: fundingColumns,
  check(v) {
    fundingKey.set(v)
    return []
  },
  write: keyedWrite(fundingColumns, {
    table: 'plie_funding',
    conflict: ['structure_id', 'year', 'funder', 'operation'],
    versioned: true,
  }),
}

export const proposalsEntity: EntitySpec = {
  name: 'plie_proposal',
  label: 'proposition de parcours',
  file: 'plie_proposals.csv',
  summary: 'propositions d’entrée dans un parcours PLIE',
  table: 'plie_proposal',
  description:
    'Les propositions d’entrée dans un parcours PLIE, avec l’éligibilité constatée le jour de la proposition ; le ' +
    'comité en décide (plie_committee_cases.csv).',
  key: 'external_id',
  versioned: true,
  order: ['proposed_on', 'external_id'],
  columns: [
    externalId('de la proposition'),
    personRef,
    date('proposed_on', 'Date de la proposition.', true),
    userRef('proposed_by_email', 'proposed_by', 'Proposée par'),
    siteRef('Site dont le comité examine la proposition', true),
    text('motivation', 4000, 'Motivation (obligatoire dans Jalon pour une personne non éligible).'),
    {
      name: 'status',
      type: { kind: 'code', list: proposalStatuses, listName: 'États d’une proposition' },
      default: 'pending',
      description: 'État (vide : pending).',
    },
    {
      name: 'eligibility',
      type: { kind: 'text', max: 20000 },
      required: true,
      db: false,
      exportSql: sql`t.eligibility::text`,
      description:
        'L’éligibilité constatée le jour de la proposition, telle que Jalon l’enregistre : un objet JSON (chaque ' +
        'règle, remplie ou manquante).',
    },
  ],
  check(v): ColumnIssue[] {
    try {
      const parsed: unknown = JSON.parse(v.eligibility as string)
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return []
    } catch {}
    return [{ column: 'eligibility', message: 'objet JSON attendu ({…})' }]
  },
  derive: ({ values }) => ({ eligibility: JSON.parse(values.eligibility as string) }),
}

export const committeesEntity: EntitySpec = {
  name: 'plie_committee',
  label: 'comité',
  file: 'plie_committees.csv',
  summary: 'comités d’entrée et de suivi des parcours',
  table: 'plie_committee',
  description: 'Les comités de chaque site, prévus ou tenus ; leurs membres et leurs dossiers suivent.',
  key: 'external_id',
  versioned: true,
  order: ['date', 'external_id'],
  columns: [
    externalId('du comité'),
    siteRef('Site', true),
    date('date', 'Date du comité.', true),
    {
      name: 'status',
      type: {
        kind: 'code',
        list: { codes: ['planned', 'held'], labels: { planned: 'Prévu', held: 'Tenu' } },
        listName: 'États d’un comité',
      },
      default: 'planned',
      description: 'Prévu ou tenu (vide : planned).',
    },
    text('note', 4000, 'Note.'),
    userRef('created_by_email', 'created_by', 'Créé par'),
  ],
}

const committeeRef = ref(
  'committee_external_id',
  'plie_committee',
  'committee_id',
  'Le comité : external_id d’un comité de plie_committees.csv ou de la base.',
  true,
)
const position = (what: string): ColumnSpec => ({
  name: 'position',
  type: { kind: 'integer', min: 0, max: 999 },
  required: true,
  description: `Rang ${what} dans le comité (de 0 à 999), unique dans le comité.`,
})

const memberKey = compositeKey(['committee_external_id', 'position'])
const memberColumns: ColumnSpec[] = [
  committeeRef,
  position('du membre'),
  userRef('user_email', 'user_id', 'Le membre, s’il est un utilisateur de la structure'),
  text('name', 200, 'Nom du membre, tel qu’écrit.', true),
  text('organisation', 200, 'Son organisme (un partenaire).'),
  { name: 'present', type: { kind: 'boolean' }, default: true, description: 'Présent (vide : true).' },
]
export const membersEntity: EntitySpec = {
  name: 'plie_committee_member',
  label: 'membre du comité',
  file: 'plie_committee_members.csv',
  summary: 'membres des comités et présence',
  table: 'plie_committee_member',
  description: 'Qui siège à chaque comité, utilisateur de la structure ou personne extérieure, et sa présence.',
  key: memberKey.name,
  order: ['committee_external_id', 'position'],
  columns: memberColumns,
  check(v) {
    memberKey.set(v)
    return []
  },
  write: keyedWrite(memberColumns, {
    table: 'plie_committee_member',
    conflict: ['structure_id', 'committee_id', 'position'],
  }),
}

const caseKey = compositeKey(['committee_external_id', 'position'])
const caseColumns: ColumnSpec[] = [
  committeeRef,
  position('du dossier'),
  personRef,
  {
    name: 'kind',
    type: { kind: 'code', list: caseKinds, listName: 'Types de dossier de comité' },
    required: true,
    description: 'Entrée (une proposition) ou point de parcours (un parcours ouvert).',
  },
  ref(
    'proposal_external_id',
    'plie_proposal',
    'proposal_id',
    'Pour une entrée : la proposition (plie_proposals.csv ou la base).',
  ),
  ref(
    'enrolment_external_id',
    'enrolment',
    'enrolment_id',
    'Pour un point de parcours : le parcours, external_id de son inscription au PLIE (enrolments.csv ou la base).',
  ),
  {
    name: 'decision',
    type: { kind: 'code', list: committeeDecisions, listName: 'Décisions du comité' },
    description: 'Décision (vide : pas encore décidé).',
  },
  text('refusal_reason', 1000, 'Motif du refus (seulement pour un refus).'),
  text('minute', 4000, 'Compte rendu.'),
  userRef('referent_email', 'referent_id', 'Référent donné à une entrée acceptée'),
  userRef('decided_by_email', 'decided_by', 'Décision enregistrée par'),
]
export const casesEntity: EntitySpec = {
  name: 'plie_committee_case',
  label: 'dossier de comité',
  file: 'plie_committee_cases.csv',
  summary: 'dossiers examinés en comité et décisions',
  table: 'plie_committee_case',
  description:
    'L’ordre du jour de chaque comité : une entrée (une proposition) ou un point sur un parcours ouvert, avec la ' +
    'décision (acceptée, refusée avec son motif, ajournée) et le compte rendu.',
  key: caseKey.name,
  versioned: true,
  order: ['committee_external_id', 'position'],
  columns: caseColumns,
  check(v): ColumnIssue[] {
    caseKey.set(v)
    const out: ColumnIssue[] = []
    if (v.kind === 'entry' && !v.proposal_external_id)
      out.push({ column: 'proposal_external_id', message: 'une entrée demande une proposition' })
    if (v.kind === 'review' && !v.enrolment_external_id)
      out.push({ column: 'enrolment_external_id', message: 'un point de parcours demande le parcours' })
    if (v.refusal_reason && v.decision !== 'refused')
      out.push({ column: 'refusal_reason', message: 'un motif de refus demande la décision refused' })
    return out
  },
  write: keyedWrite(caseColumns, {
    table: 'plie_committee_case',
    conflict: ['structure_id', 'committee_id', 'position'],
    versioned: true,
    // the case's person is its proposal's, or its pathway's (a PLIE enrolment)
    async complete(tx, items, ctx) {
      const ids = (column: string) => items.flatMap((i) => (i.db[column] ? [i.db[column] as string] : []))
      const proposals = await proposalPersons(tx, ctx.structureId, ids('proposal_id'))
      const enrolments = await enrolmentsOf(tx, ctx.structureId, ids('enrolment_id'))
      return items.map(({ db }): ColumnIssue[] => {
        const proposal = db.proposal_id ? proposals.get(db.proposal_id as string) : undefined
        const enrolment = db.enrolment_id ? enrolments.get(db.enrolment_id as string) : undefined
        if (proposal && proposal !== db.person_id)
          return [{ column: 'proposal_external_id', message: 'cette proposition est celle d’une autre personne' }]
        if (enrolment && !enrolment.plie)
          return [{ column: 'enrolment_external_id', message: 'cette inscription n’est pas au PLIE' }]
        if (enrolment && enrolment.personId !== db.person_id)
          return [{ column: 'enrolment_external_id', message: 'ce parcours est celui d’une autre personne' }]
        return []
      })
    },
  }),
}

/** The PLIE's files, in bundle order (a file refers only to earlier ones: the persons', enrolments' and situations'). */
export const plieEntities = [
  communesEntity,
  organisationsEntity,
  fundingEntity,
  proposalsEntity,
  committeesEntity,
  membersEntity,
  casesEntity,
  pathwaysEntity,
  referentsEntity,
  stepsEntity,
  plieEsfEntity,
]

/** the organisation's configuration: the admin may move these files (no person data) */
export const plieConfiguration = [communesEntity.file, organisationsEntity.file, fundingEntity.file]
