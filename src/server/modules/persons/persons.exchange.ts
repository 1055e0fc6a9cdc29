import { referralSources } from '../../../shared/nomenclatures/accompaniment.ts'
import {
  attributeKinds,
  attributeLabels,
  priorityAreas,
  sexes,
  statuses,
} from '../../../shared/nomenclatures/person.ts'
import type { ColumnIssue, EntitySpec } from '../exchange/index.ts'
import { date, externalId, notBefore, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import { resolveCommune } from '../reference/communes.ts'

// The person and what is recorded about the person over time: dated attributes, statuses, notes.

export const personsEntity: EntitySpec = {
  name: 'person',
  label: 'personne',
  file: 'persons.csv',
  summary: 'les personnes',
  table: 'person',
  description: 'Les personnes accompagnées : identité, coordonnées, site de rattachement, référent.',
  key: 'external_id',
  versioned: true,
  touch: ['updated_at'],
  order: ['external_id'],
  columns: [
    externalId('de la personne'),
    text('last_name', 100, 'Nom de famille.', true),
    text('first_name', 100, 'Prénom.', true),
    { name: 'sex', type: { kind: 'code', list: sexes, listName: 'Sexe' }, required: true, description: 'Sexe.' },
    date('birth_date', 'Date de naissance.', true),
    text('phone', 30, 'Téléphone.'),
    { name: 'email', type: { kind: 'email' }, description: 'Adresse e-mail.' },
    text('address', 300, 'Adresse (rue).'),
    text('postcode', 10, 'Code postal (5 chiffres).'),
    {
      name: 'commune_code',
      type: { kind: 'commune' },
      description:
        'Commune de résidence : code INSEE de la liste officielle (le nom en est déduit). Le code d’une ancienne ' +
        'commune (59540, Saint-Pol-sur-Mer, associée à Dunkerque en 2010) est accepté et gardé tel qu’écrit ; les ' +
        'rapports par commune le comptent dans la commune actuelle.',
    },
    {
      name: 'priority_area',
      type: { kind: 'code', list: priorityAreas, listName: 'Quartiers prioritaires' },
      description: 'Réside dans un quartier prioritaire (vide : non).',
    },
    siteRef('Site de rattachement', true),
    userRef('referent_email', 'referent_id', 'Référent'),
    date('first_reception_date', 'Date du premier accueil.'),
    {
      name: 'referral_source',
      type: { kind: 'code', list: referralSources, listName: 'Origines de l’orientation' },
      description: 'Qui a orienté la personne.',
    },
  ],
  insertOnly: { search_name: '' },
  derive: ({ values }) => ({
    commune_name: values.commune_code ? (resolveCommune(values.commune_code as string)?.name ?? null) : null,
  }),
  check(v, { today }): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if ((v.birth_date as string) > today)
      out.push({ column: 'birth_date', message: `date de naissance dans le futur « ${v.birth_date} »` })
    if (v.postcode && !/^\d{5}$/.test(v.postcode as string))
      out.push({ column: 'postcode', message: `code postal invalide « ${v.postcode} » (5 chiffres)` })
    return [...out, ...notBefore(v, 'first_reception_date', 'birth_date', 'premier accueil avant la date de naissance')]
  },
}

const attributeList = { codes: Object.keys(attributeKinds), labels: attributeLabels }

export const personAttributesEntity: EntitySpec = {
  name: 'person_attribute',
  label: 'attribut daté',
  file: 'person_attributes.csv',
  summary: 'situation datée (logement, ressources, niveau…)',
  table: 'person_attribute',
  description:
    'La situation de la personne au fil du temps (logement, ressources, niveau de formation…) : chaque ligne est une ' +
    'valeur prise à une date, l’historique est conservé. Une personne a au plus une valeur par attribut et par date.',
  key: 'external_id',
  order: ['person_external_id', 'attribute', 'valid_from', 'external_id'],
  columns: [
    externalId('de la valeur'),
    personRef,
    {
      name: 'attribute',
      type: { kind: 'code', list: attributeList, listName: 'Attributs datés' },
      required: true,
      description: 'L’attribut.',
    },
    {
      name: 'value',
      type: {
        kind: 'codeBy',
        column: 'attribute',
        lists: attributeKinds,
        listNames: attributeLabels,
      },
      required: true,
      description: 'La valeur : un code de la liste de l’attribut (voir les listes ci-dessous).',
    },
    {
      name: 'level_2019',
      type: { kind: 'integer', min: 1, max: 8 },
      description: 'Pour education_level seulement : le niveau dans la nomenclature de 2019 (1 à 8).',
    },
    date('valid_from', 'Date à partir de laquelle la valeur vaut.', true),
    userRef('recorded_by_email', 'recorded_by', 'Qui l’a saisie'),
  ],
  check: (v) =>
    v.level_2019 !== null && v.attribute !== 'education_level'
      ? [{ column: 'level_2019', message: 'level_2019 ne vaut que pour l’attribut education_level' }]
      : [],
  constraints: {
    person_attribute_person_id_attribute_valid_from_key: {
      column: 'valid_from',
      message: 'la personne a déjà une valeur de cet attribut à cette date (sur une autre ligne)',
    },
  },
}

export const statusesEntity: EntitySpec = {
  name: 'status_period',
  label: 'statut',
  file: 'statuses.csv',
  summary: 'statuts datés (RSA, RQTH, DELD, justice)',
  table: 'status_period',
  description:
    'Les statuts datés (RSA, RQTH, demandeur d’emploi de longue durée, sous main de justice). RSA, RQTH et justice ' +
    'sont des données sensibles (comme les ressources : AAH, prestations familiales).',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'start_date', 'external_id'],
  columns: [
    externalId('de la période'),
    personRef,
    {
      name: 'status',
      type: { kind: 'code', list: statuses, listName: 'Statuts' },
      required: true,
      description: 'Le statut.',
    },
    text('detail', 200, 'Précision (ex. RSA socle ou activité).'),
    date('start_date', 'Début.', true),
    date('end_date', 'Fin (vide : en cours).'),
    userRef('recorded_by_email', 'recorded_by', 'Qui l’a saisi'),
  ],
  check: (v) => notBefore(v, 'end_date', 'start_date', 'date de fin avant la date de début'),
}

export const notesEntity: EntitySpec = {
  name: 'person_note',
  label: 'note',
  file: 'notes.csv',
  summary: 'notes du dossier',
  table: 'person_note',
  description: 'Les notes libres du dossier.',
  key: 'external_id',
  versioned: true,
  touch: ['updated_at'],
  order: ['person_external_id', 'created_at', 'external_id'],
  columns: [
    externalId('de la note'),
    personRef,
    {
      name: 'created_at',
      type: { kind: 'datetime' },
      required: true,
      description: 'Date et heure d’écriture (AAAA-MM-JJTHH:MM:SSZ en UTC ; une date seule vaut minuit UTC).',
    },
    userRef('author_email', 'author_id', 'Auteur'),
    text('text', 20000, 'Le texte de la note.', true),
  ],
}
