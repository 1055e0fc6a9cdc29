import { interactionKinds, workforceBands } from '../../../shared/employment/employment.nomenclature.ts'
import { code, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, EntitySpec } from '../exchange/index.ts'
import { date, externalId, personRef, text, userRef } from '../exchange/index.ts'
import {
  activeColumn,
  commune,
  communeName,
  employerRef,
  romeColumn,
  romeIssue,
  SIRET,
} from './employment-exchange.common.ts'

// The employers' files of the bundle (issue 14, docs/employment/exchange.md): the companies, their contacts, every
// contact with them; and the persons' job projects that matching reads.

const NAF = /^[0-9]{2}\.[0-9]{2}[A-Z]$/
const LEGAL_FORM = /^[0-9]{4}$/

export const employersEntity: EntitySpec = {
  name: 'employer',
  label: 'entreprise',
  file: 'employers.csv',
  summary: 'entreprises (employeurs)',
  table: 'employer',
  description:
    'Les entreprises et autres employeurs avec qui la structure travaille : SIRET, activité (NAF), forme juridique, ' +
    'tranche d’effectif, adresse, le chargé de relation entreprise qui les suit. Les autres fichiers de l’emploi les ' +
    'désignent par leur external_id (employer_external_id).',
  key: 'external_id',
  versioned: true,
  order: ['name', 'external_id'],
  columns: [
    externalId('de l’entreprise'),
    text('name', 200, 'Raison sociale (ou enseigne quand il n’y a pas de raison sociale).', true),
    text('trade_name', 200, 'Enseigne de l’établissement, quand elle diffère de la raison sociale.'),
    text('siret', 14, 'SIRET de l’établissement (14 chiffres), unique dans la structure (vide : inconnu).'),
    text('naf_code', 6, 'Activité principale, code NAF rév. 2 (47.11F).'),
    text('legal_form', 4, 'Catégorie juridique INSEE, 4 chiffres (5710 : SAS).'),
    code('workforce_band', workforceBands, 'Tranches d’effectif salarié', 'Tranche d’effectif salarié (INSEE).'),
    text('address', 300, 'Adresse.'),
    text('postcode', 10, 'Code postal.'),
    commune,
    communeName,
    text('phone', 30, 'Téléphone.'),
    { name: 'email', type: { kind: 'email' }, description: 'E-mail.' },
    text('note', 4000, 'Note.'),
    userRef('officer_email', 'officer_id', 'Le chargé de relation entreprise qui la suit'),
    activeColumn('En relation'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (typeof v.siret === 'string' && !SIRET.test(v.siret))
      out.push({ column: 'siret', message: 'un SIRET s’écrit en 14 chiffres' })
    if (typeof v.naf_code === 'string' && !NAF.test(v.naf_code))
      out.push({
        column: 'naf_code',
        message: 'un code NAF s’écrit 2 chiffres, un point, 2 chiffres et une lettre (47.11F)',
      })
    if (typeof v.legal_form === 'string' && !LEGAL_FORM.test(v.legal_form))
      out.push({ column: 'legal_form', message: 'une catégorie juridique s’écrit en 4 chiffres' })
    return out
  },
  constraints: {
    employer_siret_key: { column: 'siret', message: 'une autre entreprise porte déjà ce SIRET' },
  },
}

export const contactsEntity: EntitySpec = {
  name: 'employer_contact',
  label: 'contact d’entreprise',
  file: 'employer_contacts.csv',
  summary: 'contacts dans les entreprises',
  table: 'employer_contact',
  description: 'Les interlocuteurs de chaque entreprise : nom, fonction, téléphone, e-mail, le contact principal.',
  key: 'external_id',
  versioned: true,
  order: ['employer_external_id', 'external_id'],
  columns: [
    externalId('du contact'),
    employerRef(),
    text('name', 200, 'Nom.', true),
    text('job_title', 200, 'Fonction.'),
    text('phone', 30, 'Téléphone.'),
    { name: 'email', type: { kind: 'email' }, description: 'E-mail.' },
    { name: 'is_primary', type: { kind: 'boolean' }, default: false, description: 'Contact principal (vide : false).' },
    activeColumn('Toujours en poste'),
  ],
}

export const interactionsEntity: EntitySpec = {
  name: 'employer_interaction',
  label: 'contact avec une entreprise',
  file: 'employer_interactions.csv',
  summary: 'visites, appels et rendez-vous avec les entreprises',
  table: 'employer_interaction',
  description:
    'Chaque contact avec une entreprise (visite, appel, courrier, rendez-vous, forum) : quand, par qui, avec quel ' +
    'interlocuteur, à quel sujet.',
  key: 'external_id',
  versioned: true,
  order: ['date', 'external_id'],
  columns: [
    externalId('du contact'),
    employerRef(),
    date('date', 'Date.', true),
    code('kind', interactionKinds, 'Natures de contact avec une entreprise', 'Nature du contact.', true),
    userRef('officer_email', 'officer_id', 'Le chargé de relation entreprise'),
    ref(
      'contact_external_id',
      'employer_contact',
      'contact_id',
      'L’interlocuteur : external_id d’un contact de employer_contacts.csv ou de la base (vide : aucun).',
    ),
    text('subject', 300, 'Objet.', true),
    text('note', 4000, 'Compte rendu.'),
  ],
}

export const jobProjectsEntity: EntitySpec = {
  name: 'job_project',
  label: 'projet professionnel',
  file: 'job_projects.csv',
  summary: 'projets professionnels (métiers visés) des personnes',
  table: 'job_project',
  description:
    'Les métiers qu’une personne vise (fiche ROME), la distance qu’elle peut parcourir et la date à partir de ' +
    'laquelle elle est disponible : ce que le rapprochement avec les offres lit.',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'external_id'],
  columns: [
    externalId('du projet'),
    personRef,
    romeColumn('Métier visé (code ROME, une lettre et 4 chiffres : D1106).', true),
    text('label', 200, 'Le métier en clair, tel que la personne le dit.'),
    {
      name: 'max_distance_km',
      type: { kind: 'integer', min: 0, max: 1000 },
      description: 'Distance maximale acceptée, en kilomètres.',
    },
    date('available_from', 'Disponible à partir du (vide : tout de suite).'),
    activeColumn('Projet en cours'),
    userRef('created_by_email', 'created_by', 'Saisi par'),
  ],
  check: (v) => romeIssue(v),
}

export const employerEntities = [employersEntity, contactsEntity, interactionsEntity, jobProjectsEntity]
