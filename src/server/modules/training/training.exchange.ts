import { sql } from 'kysely'
import { nsfLabel } from '../../../shared/training/nsf.ts'
import {
  sessionStatuses,
  trainingFunders,
  trainingSituationKinds,
} from '../../../shared/training/training.nomenclature.ts'
import { cents, code, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, externalId, notBefore, text } from '../exchange/index.ts'
import { replaceBodyAccounts } from './training-exchange.repository.ts'
import { trainingPersonEntities } from './training-persons.exchange.ts'

// Training in the exchange bundle (issue 13, docs/import-format.md, docs/training/exchange.md): the catalogue — the
// training bodies with their partner accounts, their actions and sessions — and the professionalisation fund's
// envelopes (the configuration the admin moves, this file), then the prescriptions with their history and the fund's
// plans with their co-funders (training-persons.exchange.ts). What stays behind (versions, when a row was written
// here) is listed with its reason in exchange.not-exported.ts. The column helpers shared with the aids (cents, codes,
// references, keys of several columns) are imported from aids-exchange.write.ts.

const SIRET = /^[0-9]{14}$/
const FORMACODE = /^[0-9]{5}$/

const siret = (name: string, description: string): ColumnSpec => text(name, 14, description)
const siretIssue = (v: Record<string, unknown>, column: string): ColumnIssue[] =>
  typeof v[column] === 'string' && !SIRET.test(v[column] as string)
    ? [{ column, message: 'un SIRET s’écrit en 14 chiffres' }]
    : []
const lheoId = (what: string): ColumnSpec =>
  text(
    'lheo_id',
    100,
    `Identifiant ${what} dans l’offre LHEO d’un financeur (vide : aucun) ; unique dans la structure.`,
  )
const active = (what: string): ColumnSpec => ({
  name: 'active',
  type: { kind: 'boolean' },
  default: true,
  description: `${what} (vide : true).`,
})

export const bodiesEntity: EntitySpec = {
  name: 'training_body',
  label: 'organisme de formation',
  file: 'training_bodies.csv',
  summary: 'organismes de formation et leurs comptes partenaires',
  table: 'training_body',
  description:
    'Les organismes de formation du catalogue : SIRET, adresse, contact, et les comptes partenaires qui répondent ' +
    'en ligne aux prescriptions sur leurs sessions.',
  key: 'external_id',
  versioned: true,
  small: true,
  order: ['name', 'external_id'],
  columns: [
    externalId('de l’organisme'),
    text('name', 200, 'Raison sociale.', true),
    siret('siret', 'SIRET (14 chiffres), unique dans la structure.'),
    text('address', 300, 'Adresse.'),
    { name: 'commune_code', type: { kind: 'commune' }, description: 'Commune (code INSEE).' },
    text('contact_name', 200, 'Nom du contact.'),
    { name: 'contact_email', type: { kind: 'email' }, description: 'E-mail du contact.' },
    text('contact_phone', 30, 'Téléphone du contact.'),
    active('En activité'),
    lheoId('de l’organisme'),
    {
      name: 'partner_emails',
      type: { kind: 'refs', target: 'user' },
      db: false,
      exportSql: sql`(SELECT string_agg(u.email::text, '|' ORDER BY u.email::text COLLATE "C")
        FROM training_body_user bu JOIN app_user u ON u.id = bu.user_id
        WHERE bu.structure_id = t.structure_id AND bu.body_id = t.id)`,
      description:
        'Comptes partenaires de l’organisme (ils voient ses actions, ses sessions et les personnes qui y sont ' +
        'prescrites) : e-mails d’utilisateurs de users.csv ou de la base, séparés par | ; remplacent la liste ' +
        'enregistrée (vide : aucun).',
    },
  ],
  check: (v) => siretIssue(v, 'siret'),
  constraints: {
    training_body_siret_key: { column: 'siret', message: 'un autre organisme porte déjà ce SIRET' },
    training_body_lheo_id_key: { column: 'lheo_id', message: 'un autre organisme porte déjà cet identifiant LHEO' },
  },
  afterWrite: (tx, rows, ctx) =>
    replaceBodyAccounts(
      tx,
      ctx.structureId,
      new Map(rows.map((r) => [r.values.external_id as string, (r.values.partner_emails as string[] | null) ?? []])),
    ),
}

export const actionsEntity: EntitySpec = {
  name: 'training_action',
  label: 'action de formation',
  file: 'training_actions.csv',
  summary: 'actions de formation du catalogue',
  table: 'training_action',
  description:
    'Les actions de formation de chaque organisme : financeur, domaine (NSF, Formacode), niveau atteint, public, ' +
    'prérequis, durée, places par session, et la situation qu’une entrée ouvre à la personne.',
  key: 'external_id',
  versioned: true,
  small: true,
  order: ['body_external_id', 'external_id'],
  columns: [
    externalId('de l’action'),
    ref(
      'body_external_id',
      'training_body',
      'body_id',
      'L’organisme : external_id d’un organisme de training_bodies.csv ou de la base.',
      true,
    ),
    text('code', 50, 'Numéro de l’action chez le financeur ou au département formation.'),
    text('title', 300, 'Intitulé.', true),
    code('funder', trainingFunders, 'Financeurs d’une action de formation', 'Financeur.', true),
    text('nsf_code', 4, 'Spécialité NSF : 3 chiffres, éventuellement une lettre (311, 311m).'),
    text('formacode', 5, 'Formacode (5 chiffres).'),
    {
      name: 'situation_kind',
      type: { kind: 'code', list: trainingSituationKinds, listName: 'Situations ouvertes par une entrée en formation' },
      default: 'qualifying_training',
      description: 'La situation de la personne qu’une entrée crée (vide : qualifying_training).',
    },
    {
      name: 'level_2019',
      type: { kind: 'integer', min: 1, max: 8 },
      description: 'Niveau atteint, nomenclature 2019 (3 : CAP, 4 : bac…).',
    },
    text('public', 1000, 'Public visé.'),
    text('prerequisites', 2000, 'Prérequis.'),
    text('objective', 2000, 'Objectif.'),
    {
      name: 'duration_hours',
      type: { kind: 'integer', min: 0, max: 10000 },
      description: 'Durée en heures.',
    },
    {
      name: 'places',
      type: { kind: 'integer', min: 0, max: 10000 },
      description: 'Places par session, par défaut.',
    },
    active('Au catalogue'),
    lheoId('de l’action'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (typeof v.nsf_code === 'string' && nsfLabel(v.nsf_code) === null)
      out.push({ column: 'nsf_code', message: `code NSF inconnu « ${v.nsf_code} »` })
    if (typeof v.formacode === 'string' && !FORMACODE.test(v.formacode))
      out.push({ column: 'formacode', message: 'un Formacode s’écrit en 5 chiffres' })
    return out
  },
  constraints: {
    training_action_lheo_id_key: { column: 'lheo_id', message: 'une autre action porte déjà cet identifiant LHEO' },
  },
}

export const sessionsEntity: EntitySpec = {
  name: 'training_session',
  label: 'session de formation',
  file: 'training_sessions.csv',
  summary: 'sessions des actions et informations collectives',
  table: 'training_session',
  description:
    'Les sessions de chaque action : dates, lieu, places, l’information collective où les personnes prescrites sont ' +
    'convoquées, clôture des candidatures. Les places prises et restantes se calculent des prescriptions.',
  key: 'external_id',
  versioned: true,
  order: ['starts_on', 'external_id'],
  columns: [
    externalId('de la session'),
    ref(
      'action_external_id',
      'training_action',
      'action_id',
      'L’action : external_id d’une action de training_actions.csv ou de la base.',
      true,
    ),
    date('starts_on', 'Début.', true),
    date('ends_on', 'Fin.'),
    text('place', 300, 'Lieu.'),
    { name: 'commune_code', type: { kind: 'commune' }, description: 'Commune du lieu (code INSEE).' },
    {
      name: 'places',
      type: { kind: 'integer', min: 0, max: 10000 },
      required: true,
      description: 'Places ouvertes.',
    },
    {
      name: 'info_session_at',
      type: { kind: 'datetime' },
      description: 'Date et heure de l’information collective.',
    },
    text('info_session_place', 300, 'Lieu de l’information collective.'),
    date('applications_close_on', 'Clôture des candidatures.'),
    {
      name: 'status',
      type: { kind: 'code', list: sessionStatuses, listName: 'États d’une session' },
      default: 'open',
      description: 'État (vide : open).',
    },
    lheoId('de la session'),
  ],
  check: (v) => notBefore(v, 'ends_on', 'starts_on', 'la fin est avant le début'),
  constraints: {
    training_session_lheo_id_key: { column: 'lheo_id', message: 'une autre session porte déjà cet identifiant LHEO' },
  },
}

export const envelopesEntity: EntitySpec = {
  name: 'prof_fund_envelope',
  label: 'enveloppe du fonds de professionnalisation',
  file: 'prof_fund_envelopes.csv',
  summary: 'enveloppes annuelles du fonds de professionnalisation',
  table: 'prof_fund_envelope',
  description:
    'Ce qu’un financeur alloue au fonds de professionnalisation pour une année ; l’engagé se calcule des plans.',
  key: 'external_id',
  versioned: true,
  order: ['year', 'funder', 'external_id'],
  columns: [
    externalId('de l’enveloppe'),
    { name: 'year', type: { kind: 'integer', min: 1990, max: 2100 }, required: true, description: 'Année.' },
    text('funder', 200, 'Financeur, tel qu’écrit.', true),
    cents('allocated_cents', 'Montant alloué,', true),
  ],
  constraints: {
    prof_fund_envelope_year_key: {
      column: 'funder',
      message: 'le fonds a déjà une enveloppe de ce financeur cette année',
    },
  },
}

/** Training's files, in bundle order (a file refers only to earlier ones: persons, sites, users, situations). */
export const trainingEntities: EntitySpec[] = [
  bodiesEntity,
  actionsEntity,
  sessionsEntity,
  envelopesEntity,
  ...trainingPersonEntities,
]

/** the files that are configuration (the catalogue, the fund's envelopes): the admin may move them (no person data) */
export const trainingConfiguration: string[] = [
  bodiesEntity.file,
  actionsEntity.file,
  sessionsEntity.file,
  envelopesEntity.file,
]
