import { sql } from 'kysely'
import {
  candidateStatuses,
  followUpOutcomes,
  offerStatuses,
  refusalReasons,
} from '../../../shared/employment/employment.nomenclature.ts'
import { code, compositeKey, keyedWrite, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, externalId, personRef, text, userRef } from '../exchange/index.ts'
import {
  commune,
  communeName,
  contractKind,
  durationMonths,
  employerRef,
  hoursPerWeek,
  instant,
  placementRef,
  romeColumn,
  romeIssue,
  twoDecimals,
} from './employment-exchange.common.ts'
import { replaceOfferSites, upsertCandidateEvents } from './employment-exchange.repository.ts'

// The offers' files of the bundle (issue 14, docs/employment/exchange.md): the offers with the sites they are broadcast
// to, the hires (placements) with their follow-ups at 1, 3 and 6 months, the persons positioned on the offers with
// their history. Placements come before the positionings since a positioning names the hire it led to.

const contactRef = ref(
  'contact_external_id',
  'employer_contact',
  'contact_id',
  'L’interlocuteur dans l’entreprise : external_id d’un contact de employer_contacts.csv ou de la base (vide : aucun).',
)

export const offersEntity: EntitySpec = {
  name: 'job_offer',
  label: 'offre d’emploi',
  file: 'job_offers.csv',
  summary: 'offres d’emploi et sites qui les reçoivent',
  table: 'job_offer',
  description:
    'Les offres recueillies auprès des entreprises (la fiche d’offre commune) : le poste, le contrat, le lieu, les ' +
    'exigences, l’état, et les sites dont les conseillers la reçoivent.',
  key: 'external_id',
  versioned: true,
  order: ['employer_external_id', 'external_id'],
  columns: [
    externalId('de l’offre'),
    employerRef(),
    text('title', 300, 'Intitulé du poste.', true),
    romeColumn(),
    contractKind(),
    durationMonths,
    hoursPerWeek(60),
    {
      name: 'positions',
      type: { kind: 'integer', min: 1, max: 10000 },
      default: 1,
      description: 'Postes à pourvoir (vide : 1).',
    },
    text('place', 300, 'Lieu de travail.'),
    text('postcode', 10, 'Code postal du lieu.'),
    commune,
    communeName,
    {
      name: 'level_2019',
      type: { kind: 'integer', min: 1, max: 8 },
      description: 'Niveau demandé, nomenclature 2019 (3 : CAP, 4 : bac…).',
    },
    {
      name: 'driving_licence_required',
      type: { kind: 'boolean' },
      default: false,
      description: 'Permis B exigé (vide : false).',
    },
    {
      name: 'experience_months',
      type: { kind: 'integer', min: 0, max: 600 },
      description: 'Expérience demandée, en mois.',
    },
    text('requirements', 4000, 'Exigences (savoir-faire, habilitations…).'),
    text('description', 8000, 'Description du poste.'),
    date('starts_on', 'Prise de poste.'),
    date('closes_on', 'Clôture de l’offre.'),
    {
      name: 'status',
      type: { kind: 'code', list: offerStatuses, listName: 'États d’une offre' },
      default: 'open',
      description: 'État (vide : open).',
    },
    userRef('officer_email', 'officer_id', 'Le chargé de relation entreprise'),
    contactRef,
    {
      name: 'site_codes',
      type: { kind: 'refs', target: 'site' },
      db: false,
      exportSql: sql`(SELECT string_agg(s.code, '|' ORDER BY s.code COLLATE "C")
        FROM job_offer_site os JOIN site s ON s.id = os.site_id
        WHERE os.structure_id = t.structure_id AND os.offer_id = t.id)`,
      description:
        'Les sites dont les conseillers reçoivent l’offre : codes de sites.csv ou de la base, séparés par | ; ' +
        'remplacent la liste enregistrée (vide : aucun).',
    },
  ],
  check: (v) => [...romeIssue(v), ...twoDecimals(v, 'hours_per_week')],
  afterWrite: (tx, rows, ctx) =>
    replaceOfferSites(
      tx,
      ctx.structureId,
      new Map(rows.map((r) => [r.values.external_id as string, (r.values.site_codes as string[] | null) ?? []])),
    ),
}

export const placementsEntity: EntitySpec = {
  name: 'placement',
  label: 'embauche',
  file: 'placements.csv',
  summary: 'embauches (mises à l’emploi)',
  table: 'placement',
  description:
    'Les embauches : la personne, l’entreprise, le contrat, et d’où elle vient (une offre, une opération de ' +
    'recrutement, un vivier), la situation d’emploi de la personne qu’elle a ouverte.',
  key: 'external_id',
  versioned: true,
  order: ['start_date', 'external_id'],
  columns: [
    externalId('de l’embauche'),
    personRef,
    employerRef('L’employeur'),
    ref(
      'offer_external_id',
      'job_offer',
      'offer_id',
      'L’offre : external_id d’une offre de job_offers.csv ou de la base.',
    ),
    ref(
      'operation_external_id',
      'recruitment_operation',
      'operation_id',
      'L’opération de recrutement : external_id d’une opération de recruitment_operations.csv ou de la base.',
    ),
    ref(
      'pool_external_id',
      'candidate_pool',
      'pool_id',
      'Le vivier : external_id d’un vivier de candidate_pools.csv ou de la base.',
    ),
    contractKind(),
    text('job_title', 200, 'Poste occupé.'),
    romeColumn(),
    date('start_date', 'Début du contrat.', true),
    durationMonths,
    hoursPerWeek(60),
    ref(
      'situation_external_id',
      'situation',
      'situation_id',
      'La situation d’emploi de la personne que l’embauche a ouverte : external_id d’une situation de situations.csv ' +
        'ou de la base (vide : aucune).',
    ),
    userRef('officer_email', 'officer_id', 'Enregistrée par'),
  ],
  check: (v) => [...romeIssue(v), ...twoDecimals(v, 'hours_per_week')],
}

const followUpKey = compositeKey(['placement_external_id', 'milestone_months'])
const followUpColumns: ColumnSpec[] = [
  ref(
    'placement_external_id',
    'placement',
    'placement_id',
    'L’embauche : external_id d’une embauche de placements.csv ou de la base.',
    true,
  ),
  {
    name: 'milestone_months',
    type: { kind: 'integer', min: 1, max: 6 },
    required: true,
    description: 'Échéance du suivi : 1, 3 ou 6 mois après l’embauche ; une seule ligne par échéance.',
  },
  date('due_on', 'Date prévue.', true),
  date('done_on', 'Date où le suivi a été fait (vide : à faire).'),
  code('outcome', followUpOutcomes, 'Résultats d’un suivi dans l’emploi', 'Ce que le suivi a trouvé (avec done_on).'),
  text('note', 4000, 'Note.'),
  userRef('done_by_email', 'done_by', 'Fait par'),
]
export const followUpsEntity: EntitySpec = {
  name: 'placement_follow_up',
  label: 'suivi dans l’emploi',
  file: 'placement_follow_ups.csv',
  summary: 'suivis des embauches à 1, 3 et 6 mois',
  table: 'placement_follow_up',
  description:
    'Le suivi de chaque embauche à 1, 3 et 6 mois : la date prévue, et une fois fait, quand et ce qu’il a trouvé. ' +
    'Une ligne est reconnue par son embauche et son échéance.',
  key: followUpKey.name,
  versioned: true,
  order: ['placement_external_id', 'milestone_months'],
  columns: followUpColumns,
  check(v): ColumnIssue[] {
    followUpKey.set(v)
    const out: ColumnIssue[] = []
    if (![1, 3, 6].includes(v.milestone_months as number))
      out.push({ column: 'milestone_months', message: 'l’échéance est 1, 3 ou 6 mois' })
    if ((v.done_on === null) !== (v.outcome === null))
      out.push({
        column: v.done_on === null ? 'done_on' : 'outcome',
        message: 'un suivi fait a sa date (done_on) et son résultat (outcome), l’un ne va pas sans l’autre',
      })
    return out
  },
  write: keyedWrite(followUpColumns, {
    table: 'placement_follow_up',
    conflict: ['structure_id', 'placement_id', 'milestone_months'],
    versioned: true,
  }),
}

export const candidatesEntity: EntitySpec = {
  name: 'offer_candidate',
  label: 'positionnement sur une offre',
  file: 'offer_candidates.csv',
  summary: 'personnes positionnées sur les offres',
  table: 'offer_candidate',
  description:
    'Les personnes positionnées sur une offre (par leur conseiller, ou par le chargé de relation entreprise) et où ' +
    'en est chacune : proposée, candidature transmise, entretien, recrutée (l’embauche), non retenue (le motif), ' +
    'retirée. Une personne n’est positionnée qu’une fois sur une offre.',
  key: 'external_id',
  versioned: true,
  order: ['offer_external_id', 'external_id'],
  columns: [
    externalId('du positionnement'),
    ref(
      'offer_external_id',
      'job_offer',
      'offer_id',
      'L’offre : external_id d’une offre de job_offers.csv ou de la base.',
      true,
    ),
    personRef,
    {
      name: 'status',
      type: { kind: 'code', list: candidateStatuses, listName: 'États d’un positionnement' },
      default: 'proposed',
      description: 'État (vide : proposed).',
    },
    code('refusal_reason', refusalReasons, 'Motifs de non-retenue', 'Motif, pour l’état refused seulement.'),
    text('note', 4000, 'Note.'),
    userRef('positioned_by_email', 'positioned_by', 'Positionnée par'),
    instant('positioned_at', 'Quand la personne a été positionnée.', true),
    date('interview_on', 'Date de l’entretien.'),
    placementRef('L’embauche à laquelle il a mené'),
  ],
  check(v): ColumnIssue[] {
    if (v.status === 'refused' && v.refusal_reason === null)
      return [{ column: 'refusal_reason', message: 'l’état refused demande son motif' }]
    if (v.status !== 'refused' && v.refusal_reason !== null)
      return [{ column: 'refusal_reason', message: 'un motif de non-retenue demande l’état refused' }]
    return []
  },
  constraints: {
    offer_candidate_person_key: {
      column: 'person_external_id',
      message: 'la personne est déjà positionnée sur cette offre',
    },
  },
}

const eventKey = compositeKey(['candidate_external_id', 'at', 'to_status'])
const statusOf = (name: string, description: string, required = false): ColumnSpec =>
  code(name, candidateStatuses, 'États d’un positionnement', description, required)
export const candidateEventsEntity: EntitySpec = {
  name: 'offer_candidate_event',
  label: 'étape de l’historique d’un positionnement',
  file: 'offer_candidate_events.csv',
  summary: 'historique des positionnements',
  table: 'offer_candidate_event',
  description:
    'L’historique de chaque positionnement : chaque changement d’état, par qui, quand, avec sa note. Une ligne est ' +
    'reconnue par son positionnement, son instant et son nouvel état ; l’import ajoute ou met à jour, il ne retire rien.',
  key: eventKey.name,
  order: ['candidate_external_id', 'at', 'to_status'],
  columns: [
    ref(
      'candidate_external_id',
      'offer_candidate',
      'candidate_id',
      'Le positionnement : external_id d’un positionnement de offer_candidates.csv ou de la base.',
      true,
    ),
    instant('at', 'Quand.', true),
    userRef('actor_email', 'actor_id', 'Par qui'),
    statusOf('from_status', 'État d’avant (vide : la personne vient d’être positionnée).'),
    statusOf('to_status', 'Nouvel état.', true),
    text('note', 4000, 'Note (le motif…).'),
  ],
  check(v) {
    eventKey.set(v)
    return v.from_status !== null && v.from_status === v.to_status
      ? [{ column: 'to_status', message: 'le nouvel état est celui d’avant' }]
      : []
  },
  async write(tx, rows, ctx) {
    const counts = await upsertCandidateEvents(
      tx,
      ctx.structureId,
      rows.map(({ values: v }) => ({
        candidate_id: v.candidate_external_id as string,
        at: v.at as string,
        actor_id: (v.actor_email as string | null) ?? null,
        from_status: (v.from_status as string | null) ?? null,
        to_status: v.to_status as string,
        note: (v.note as string | null) ?? null,
      })),
    )
    return { ...counts, issues: [] }
  },
}
