import { sql } from 'kysely'
import { appointmentKinds, attendances, places } from '../../../shared/agenda/agenda.schema.ts'
import {
  channels,
  deliveryStatuses,
  placeholders,
  purposes,
  templateKeys,
  templateLabels,
} from '../../../shared/agenda/messages.schema.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, externalId, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import { replaceLeaders } from './agenda.exchange.repository.ts'
import { wallOf } from './wall-time.ts'

// The agenda in the exchange bundle (issue 10, docs/import-format.md): rooms and message templates (the
// organisation's configuration), permanences, appointments — collective sessions included: a workshop or an
// information session is an appointment with several persons — their persons with attendance (a session's
// registrations), and the messages sent. What stays behind (the iCal feeds' hashes, consent, reception's
// arrivals…) is listed with its reason in exchange.not-exported.ts.

const instant = (name: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'datetime' },
  required,
  description: `${description} (AAAA-MM-JJTHH:MM:SSZ en UTC, ou avec un décalage : 2026-03-02T09:30:00+01:00).`,
})

const ref = (name: string, target: string, db: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'ref', target },
  required,
  db,
  description,
})

const kindColumn: ColumnSpec = {
  name: 'kind',
  type: { kind: 'code', list: appointmentKinds, listName: 'Types de rendez-vous' },
  required: true,
  description: 'Type de rendez-vous (atelier et information collective : une séance collective).',
}

const capacity = (description: string): ColumnSpec => ({
  name: 'capacity',
  type: { kind: 'integer', min: 1, max: 500 },
  default: 1,
  description,
})

const roomRef = ref(
  'room_external_id',
  'agenda_room',
  'room_id',
  'La salle : external_id d’une salle de agenda_rooms.csv ou de la base.',
)

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/
/** an instant cell as the import reads it (ISO text) or as the database gives it back */
const ms = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v)))

export const roomsEntity: EntitySpec = {
  name: 'agenda_room',
  label: 'salle',
  file: 'agenda_rooms.csv',
  summary: 'salles des sites (agenda)',
  table: 'agenda_room',
  description: 'Les salles de chaque site, où l’on réserve les rendez-vous et les séances collectives.',
  key: 'external_id',
  versioned: true,
  small: true,
  order: ['site_code', 'name', 'external_id'],
  columns: [
    externalId('de la salle'),
    siteRef('Site', true),
    text('name', 100, 'Nom de la salle, unique dans son site.', true),
    {
      name: 'capacity',
      type: { kind: 'integer', min: 1, max: 500 },
      description: 'Nombre de places (vide : non précisé).',
    },
    { name: 'active', type: { kind: 'boolean' }, default: true, description: 'Réservable (vide : true).' },
  ],
  constraints: {
    agenda_room_name_key: { column: 'name', message: 'le site a déjà une salle de ce nom (sur une autre ligne)' },
  },
}

const templateKeyList = { codes: templateKeys, labels: templateLabels }
const unknownPlaceholder = (text: string) =>
  [...text.matchAll(/\{([^{}]*)\}/g)].find((m) => !(m[1]! in placeholders))?.[0]

export const templatesEntity: EntitySpec = {
  name: 'agenda_template',
  label: 'modèle de message',
  file: 'message_templates.csv',
  summary: 'modèles des convocations et rappels',
  table: 'agenda_template',
  description:
    'Les textes des convocations et des rappels, modifiés par l’administrateur (un modèle absent garde le texte ' +
    `par défaut de Jalon). Champs à remplacer : ${Object.keys(placeholders)
      .map((p) => `{${p}}`)
      .join(' ')}.`,
  key: 'key',
  versioned: true,
  small: true,
  order: ['key'],
  columns: [
    {
      name: 'key',
      type: { kind: 'code', list: templateKeyList, listName: 'Modèles de message' },
      required: true,
      description: 'Le modèle.',
    },
    text('subject', 200, 'Objet (courriel seulement).'),
    text('body', 2000, 'Le texte.', true),
    instant('updated_at', 'Dernière modification (vide : l’heure de l’import)'),
    userRef('updated_by_email', 'updated_by', 'Modifié par'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    for (const column of ['subject', 'body']) {
      const wrong = v[column] ? unknownPlaceholder(v[column] as string) : undefined
      if (wrong) out.push({ column, message: `champ inconnu ${wrong} (voir la description du fichier)` })
    }
    if (v.subject && String(v.key).endsWith('_sms')) out.push({ column: 'subject', message: 'un SMS n’a pas d’objet' })
    return out
  },
  derive: ({ values }, ctx) => ({ updated_at: values.updated_at ?? ctx.now.toISOString() }),
}

export const seriesEntity: EntitySpec = {
  name: 'agenda_series',
  label: 'permanence',
  file: 'agenda_series.csv',
  summary: 'permanences (créneaux répétés)',
  table: 'agenda_series',
  description:
    'Les permanences : un créneau répété selon une règle RFC 5545 ; chaque occurrence est un rendez-vous de ' +
    'appointments.csv qui nomme la permanence (series_external_id).',
  key: 'external_id',
  order: ['first_day', 'external_id'],
  columns: [
    externalId('de la permanence'),
    text('rule', 1000, 'La règle de répétition RFC 5545 (ex. RRULE:FREQ=WEEKLY;BYDAY=TU).', true),
    kindColumn,
    siteRef('Site', true),
    roomRef,
    { ...userRef('counsellor_email', 'counsellor_id', 'Conseiller'), required: true },
    text('start_time', 8, 'Heure de début, heure de la structure (HH:MM).', true),
    text('end_time', 8, 'Heure de fin (HH:MM).', true),
    date('first_day', 'Premier jour.', true),
    date('last_day', 'Dernier jour.', true),
    text('title', 200, 'Titre.'),
    capacity('Nombre de places de chaque occurrence (vide : 1).'),
    userRef('created_by_email', 'created_by', 'Créée par'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    for (const c of ['start_time', 'end_time'])
      if (!TIME.test(v[c] as string)) out.push({ column: c, message: `heure invalide « ${v[c]} » (attendu HH:MM)` })
    if (!out.length && (v.end_time as string).slice(0, 5) <= (v.start_time as string).slice(0, 5))
      out.push({ column: 'end_time', message: 'heure de fin avant l’heure de début' })
    if ((v.last_day as string) < (v.first_day as string))
      out.push({ column: 'last_day', message: 'dernier jour avant le premier' })
    return out
  },
}

export const appointmentsEntity: EntitySpec = {
  name: 'appointment',
  label: 'rendez-vous',
  file: 'appointments.csv',
  summary: 'rendez-vous et séances collectives',
  table: 'appointment',
  description:
    'Les rendez-vous de l’agenda, et les séances collectives (ateliers, informations collectives : un rendez-vous ' +
    'de plusieurs places). Un rendez-vous annulé reste, avec sa date d’annulation. Le jour est celui de starts_at ' +
    'dans le fuseau de la structure.',
  key: 'external_id',
  versioned: true,
  order: ['starts_at', 'external_id'],
  columns: [
    externalId('du rendez-vous'),
    kindColumn,
    instant('starts_at', 'Début', true),
    instant('ends_at', 'Fin, au plus 24 h après le début', true),
    {
      name: 'place',
      type: { kind: 'code', list: places, listName: 'Lieux de rendez-vous' },
      default: 'site',
      description: 'Où (vide : site).',
    },
    siteRef('Site (aussi pour un rendez-vous par téléphone ou en visioconférence : celui qui l’organise)', true),
    roomRef,
    text('video_url', 500, 'Lien de visioconférence (https://…), pour place = video.'),
    { ...userRef('counsellor_email', 'counsellor_id', 'Conseiller (l’animateur d’une séance)'), required: true },
    {
      name: 'leader_emails',
      type: { kind: 'refs', target: 'user' },
      db: false,
      exportSql: sql`(SELECT string_agg(u.email::text, '|' ORDER BY u.email::text COLLATE "C")
        FROM appointment_leader al JOIN app_user u ON u.id = al.user_id
        WHERE al.structure_id = t.structure_id AND al.appointment_id = t.id)`,
      description:
        'Co-animateurs d’une séance : e-mails d’utilisateurs de users.csv ou de la base, séparés par | ; remplacent ' +
        'la liste du rendez-vous (vide : aucun).',
    },
    text('title', 200, 'Titre.'),
    text('note', 4000, 'Note interne.'),
    capacity('Nombre de places : 1 pour un entretien, davantage pour une séance collective (vide : 1).'),
    ref('series_external_id', 'agenda_series', 'series_id', 'La permanence dont il est une occurrence.'),
    instant('cancelled_at', 'Annulé le (vide : maintenu)'),
    userRef('created_by_email', 'created_by', 'Réservé par'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    const length = ms(v.ends_at) - ms(v.starts_at)
    if (length <= 0) out.push({ column: 'ends_at', message: 'fin avant le début' })
    else if (length > 24 * 3600_000) out.push({ column: 'ends_at', message: 'plus de 24 heures après le début' })
    if (v.place === 'video' && !/^https:\/\/\S+$/.test((v.video_url as string | null) ?? ''))
      out.push({ column: 'video_url', message: 'un rendez-vous en visioconférence demande un lien https://…' })
    if (v.place !== 'video' && v.video_url)
      out.push({ column: 'video_url', message: 'un lien de visioconférence demande place = video' })
    return out
  },
  checkResolved(row): ColumnIssue[] {
    const leaders = (row.values.leader_emails as string[] | null) ?? []
    return leaders.includes(row.values.counsellor_email as string)
      ? [{ column: 'leader_emails', message: 'le conseiller du rendez-vous en est déjà l’animateur' }]
      : []
  },
  derive: ({ values }, ctx) => ({ day: wallOf(new Date(values.starts_at as string), ctx.timeZone).date }),
  afterWrite: (tx, rows, ctx) =>
    replaceLeaders(
      tx,
      ctx.structureId,
      new Map(rows.map((r) => [r.values.external_id as string, (r.values.leader_emails as string[] | null) ?? []])),
    ),
}

export const appointmentPersonsEntity: EntitySpec = {
  name: 'appointment_person',
  label: 'participant',
  file: 'appointment_persons.csv',
  summary: 'personnes des rendez-vous, inscriptions aux séances, présence',
  table: 'appointment_person',
  description:
    'Les personnes de chaque rendez-vous (les inscrits d’une séance collective) et leur présence. La présence ' +
    'notée dans Jalon a écrit un événement du suivi (events.csv) : event_external_id le nomme.',
  key: 'external_id',
  versioned: true,
  order: ['appointment_external_id', 'person_external_id', 'external_id'],
  columns: [
    externalId('de la ligne'),
    ref(
      'appointment_external_id',
      'appointment',
      'appointment_id',
      'Le rendez-vous : external_id d’un rendez-vous de appointments.csv ou de la base.',
      true,
    ),
    personRef,
    {
      name: 'attendance',
      type: { kind: 'code', list: attendances, listName: 'Présence' },
      description: 'Présence (vide : pas encore notée).',
    },
    ref('event_external_id', 'event', 'event_id', 'L’événement du suivi qui note la présence (events.csv).'),
    instant('reminder_due_at', 'Rappel prévu le (vide : pas de rappel)'),
    instant('reminded_at', 'Rappel traité le'),
    instant('added_at', 'Inscrit le (vide : l’heure de l’import)'),
    instant('arrived_at', 'Arrivée signalée par l’accueil le'),
    userRef('arrived_by_email', 'arrived_by', 'Arrivée signalée par'),
  ],
  constraints: {
    appointment_person_pkey: {
      column: 'person_external_id',
      message: 'la personne est déjà de ce rendez-vous (sur une autre ligne)',
    },
  },
  derive: ({ values }, ctx) => ({ added_at: values.added_at ?? ctx.now.toISOString() }),
}

export const messagesEntity: EntitySpec = {
  name: 'agenda_message',
  label: 'message',
  file: 'agenda_messages.csv',
  summary: 'convocations et rappels envoyés',
  table: 'agenda_message',
  description:
    'Les messages envoyés aux personnes (convocations, rappels), par courriel ou SMS, gardés dans le dossier : ' +
    'envoyés ou en échec, avec la raison, et pour un SMS ce que le fournisseur a dit de sa remise.',
  key: 'external_id',
  order: ['person_external_id', 'sent_at', 'external_id'],
  columns: [
    externalId('du message'),
    personRef,
    ref('appointment_external_id', 'appointment', 'appointment_id', 'Le rendez-vous dont il parle.'),
    {
      name: 'channel',
      type: { kind: 'code', list: channels, listName: 'Canaux' },
      required: true,
      description: 'Canal.',
    },
    {
      name: 'purpose',
      type: { kind: 'code', list: purposes, listName: 'Objets de message' },
      required: true,
      description: 'Convocation ou rappel.',
    },
    text('recipient', 320, 'Adresse ou numéro du destinataire.', true),
    text('subject', 500, 'Objet (courriel).'),
    text('body', 20000, 'Le texte envoyé.', true),
    {
      name: 'status',
      type: { kind: 'code', list: sendStatuses(), listName: 'États d’envoi' },
      required: true,
      description: 'Envoyé ou en échec.',
    },
    text('error', 500, 'Raison de l’échec.'),
    text('provider_ref', 100, 'Référence du message chez le fournisseur de SMS.'),
    instant('sent_at', 'Envoyé le', true),
    userRef('sent_by_email', 'sent_by', 'Envoyé par (vide : le rappel automatique)'),
    {
      name: 'delivery_status',
      type: { kind: 'code', list: deliveryStatuses, listName: 'Remise des SMS' },
      description: 'SMS : le dernier état de remise dit par le fournisseur.',
    },
    instant('delivery_at', 'SMS : quand le fournisseur l’a constaté'),
  ],
}

function sendStatuses() {
  return { codes: ['sent', 'failed'] as const, labels: { sent: 'Envoyé', failed: 'En échec' } }
}

export const agendaEntities = [
  roomsEntity,
  templatesEntity,
  seriesEntity,
  appointmentsEntity,
  appointmentPersonsEntity,
  messagesEntity,
]
