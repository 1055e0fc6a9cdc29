import { sql } from 'kysely'
import { enrolmentExitReasons } from '../../../shared/accompaniment/situations.schema.ts'
import {
  attendances,
  eventKinds,
  type PropositionTheme,
  propositionDomains,
  propositionOutcomes,
  propositionThemes,
  situationKindCodes,
  situationKinds,
} from '../../../shared/nomenclatures/accompaniment.ts'
import type { ColumnIssue, EntitySpec, LookupTarget } from '../exchange/index.ts'
import { date, externalId, minutes, notBefore, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import { loadThemeKeys } from './themes.repository.ts'

// The counsellor's record: events, propositions, situations, enrolments in programmes.

export const eventsEntity: EntitySpec = {
  name: 'event',
  label: 'événement',
  file: 'events.csv',
  summary: 'événements (accueil, entretiens, ateliers…)',
  table: 'event',
  description: 'Les événements : premier accueil, entretiens, ateliers, informations collectives, appels, courriers…',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'date', 'external_id'],
  columns: [
    externalId('de l’événement'),
    personRef,
    {
      name: 'kind',
      type: { kind: 'code', list: eventKinds, listName: 'Types d’événement' },
      required: true,
      description: 'Type d’événement.',
    },
    date('date', 'Date.', true),
    siteRef('Lieu'),
    userRef('counsellor_email', 'counsellor_id', 'Conseiller'),
    minutes,
    {
      name: 'attendance',
      type: { kind: 'code', list: attendances, listName: 'Présence' },
      description: 'Présence (vide : non renseignée).',
    },
    text('note', 4000, 'Commentaire.'),
  ],
}

/** The theme list is configurable (national themes plus the structure's own): it is read from the database. */
export const themeLookup: LookupTarget = {
  name: 'theme',
  label: 'thème',
  load: loadThemeKeys,
  entity: 'proposition_theme',
  where: 'ni parmi les thèmes nationaux, ni dans proposition_themes.csv ou la base',
  documented: {
    listName: 'Thèmes nationaux de proposition',
    list: {
      codes: Object.keys(propositionThemes),
      labels: Object.fromEntries(
        Object.entries(propositionThemes).map(([code, t]) => [
          code,
          `${t.label} (domaine ${t.domain}${t.sensitive ? ', sensible' : ''})`,
        ]),
      ),
    },
  },
}

const nationalThemes = themeLookup.documented!.list

export const themesEntity: EntitySpec = {
  name: 'proposition_theme',
  label: 'thème',
  file: 'proposition_themes.csv',
  summary: 'thèmes de proposition propres à la structure',
  table: 'proposition_theme',
  description:
    'Les thèmes de proposition propres à la structure (les thèmes nationaux sont déjà dans Jalon). Chacun est rattaché ' +
    'à un thème national du même domaine, pour que les statistiques restent comparables ; un thème local qui porte ' +
    'le code d’un thème national le remplace pour la structure.',
  key: 'code',
  small: true,
  order: ['code'],
  conflict: sql`((coalesce(structure_id, '')), code)`,
  columns: [
    text('code', 40, 'Code du thème : minuscules, chiffres ou _ (ex. mobility).', true),
    {
      name: 'domain',
      type: { kind: 'code', list: propositionDomains, listName: 'Domaines de proposition' },
      required: true,
      description: 'Domaine.',
    },
    text('label', 120, 'Libellé.', true),
    {
      name: 'national_code',
      type: { kind: 'code', list: nationalThemes, listName: 'Thèmes nationaux de proposition' },
      required: true,
      description: 'Le thème national auquel il correspond.',
    },
    {
      name: 'sensitive',
      type: { kind: 'boolean' },
      default: false,
      description: 'Donnée sensible, vue seulement de ceux qui suivent la personne (vide : false).',
    },
    { name: 'active', type: { kind: 'boolean' }, default: true, description: 'Proposable (vide : true).' },
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (!/^[a-z0-9_]{2,40}$/.test(v.code as string))
      out.push({ column: 'code', message: `code invalide « ${v.code} » (minuscules, chiffres ou _)` })
    const national = propositionThemes[v.national_code as PropositionTheme]
    if (national && national.domain !== v.domain)
      out.push({
        column: 'national_code',
        message: `le thème national « ${v.national_code} » est du domaine ${national.domain}, pas ${v.domain}`,
      })
    return out
  },
}

export const propositionsEntity: EntitySpec = {
  name: 'proposition',
  label: 'proposition',
  file: 'propositions.csv',
  summary: 'propositions par domaine et thème',
  table: 'proposition',
  description: 'Les propositions faites à la personne, classées par domaine et thème.',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'date', 'external_id'],
  columns: [
    externalId('de la proposition'),
    personRef,
    date('date', 'Date.', true),
    {
      name: 'domain',
      type: { kind: 'code', list: propositionDomains, listName: 'Domaines de proposition' },
      description: 'Domaine (vide : celui du thème).',
    },
    {
      name: 'theme',
      type: { kind: 'ref', target: 'theme' },
      required: true,
      description: 'Thème : un code des thèmes nationaux ci-dessous ou des thèmes propres à la structure.',
    },
    text('text', 4000, 'Libellé ou détail de la proposition.'),
    {
      name: 'outcome',
      type: { kind: 'code', list: propositionOutcomes, listName: 'Suites de proposition' },
      default: 'pending',
      description: 'Suite donnée (vide : pending).',
    },
    minutes,
    userRef('counsellor_email', 'counsellor_id', 'Conseiller'),
    siteRef('Site'),
  ],
  checkResolved(row): ColumnIssue[] {
    const themeDomain = (row.refInfo.theme as { domain: string } | undefined)?.domain
    const domain = row.values.domain as string | null
    return domain && themeDomain && domain !== themeDomain
      ? [{ column: 'domain', message: `le thème « ${row.values.theme} » est du domaine ${themeDomain}, pas ${domain}` }]
      : []
  },
  derive: ({ values, refInfo }) => ({
    domain: values.domain ?? (refInfo.theme as { domain: string } | undefined)?.domain ?? null,
  }),
}

const situationKindList = {
  codes: situationKindCodes,
  labels: Object.fromEntries(situationKindCodes.map((k) => [k, situationKinds[k].label])),
}

export const situationsEntity: EntitySpec = {
  name: 'situation',
  label: 'situation',
  file: 'situations.csv',
  summary: 'emploi, formation, alternance…',
  table: 'situation',
  description: 'Ce que fait la personne, daté : emploi, alternance, contrat aidé, formation, immersion…',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'start_date', 'external_id'],
  columns: [
    externalId('de la situation'),
    personRef,
    {
      name: 'kind',
      type: { kind: 'code', list: situationKindList, listName: 'Types de situation' },
      required: true,
      description: 'Type de situation.',
    },
    date('start_date', 'Début.', true),
    date('planned_end_date', 'Fin prévue.'),
    date('end_date', 'Fin effective (vide : en cours).'),
    text('organisation_name', 200, 'Employeur ou organisme de formation.'),
    {
      name: 'hours_per_week',
      type: { kind: 'decimal', min: 0, max: 80 },
      description: 'Heures par semaine (point ou virgule décimale).',
    },
    userRef('counsellor_email', 'counsellor_id', 'Conseiller'),
    text('note', 4000, 'Commentaire.'),
  ],
  check: (v) => [
    ...notBefore(v, 'end_date', 'start_date', 'date de fin avant la date de début'),
    ...notBefore(v, 'planned_end_date', 'start_date', 'fin prévue avant la date de début'),
  ],
}

export const enrolmentsEntity: EntitySpec = {
  name: 'enrolment',
  label: 'inscription',
  file: 'enrolments.csv',
  summary: 'inscriptions dans un programme, sorties',
  table: 'enrolment',
  description: 'Les inscriptions dans un programme ou dispositif (CIVIS, CEJ, parcours PLIE…), avec la sortie.',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'entry_date', 'external_id'],
  columns: [
    externalId('de l’inscription'),
    personRef,
    {
      name: 'programme_code',
      type: { kind: 'ref', target: 'programme' },
      required: true,
      db: 'programme_id',
      description: 'Le programme : code d’un programme de programmes.csv ou de la base.',
    },
    date('entry_date', 'Date d’entrée.', true),
    date('exit_date', 'Date de sortie (vide : en cours).'),
    date(
      'planned_end_date',
      'Fin prévue, quand elle est fixée (CEJ prolongé ou raccourci ; vide : 12 mois après l’entrée pour un CEJ).',
    ),
    {
      name: 'exit_reason',
      type: { kind: 'code', list: enrolmentExitReasons, listName: 'Motifs de sortie' },
      description: 'Motif de sortie (demande une date de sortie).',
    },
    {
      name: 'reinforced',
      type: { kind: 'boolean' },
      default: false,
      description: 'Accompagnement renforcé (vide : false).',
    },
    userRef('referent_email', 'referent_id', 'Référent dans le programme'),
  ],
  check: (v) => [
    ...notBefore(v, 'exit_date', 'entry_date', 'date de sortie avant la date d’entrée'),
    ...notBefore(v, 'planned_end_date', 'entry_date', 'fin prévue avant la date d’entrée'),
    ...(v.exit_reason && !v.exit_date
      ? [{ column: 'exit_date', message: 'un motif de sortie demande une date de sortie' }]
      : []),
  ],
}
