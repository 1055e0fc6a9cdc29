import { type RawBuilder, type SqlBool, sql } from 'kysely'
import { DEFAULT_CONTACT_DAYS } from '../../../shared/accompaniment/caseload.schema.ts'
import { frenchDate } from '../../../shared/dates.ts'
import { type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import type { QualityRule, QualityRuleId } from '../../../shared/quality/quality.schema.ts'
import { type Day, enrolmentOpenOn } from '../accompaniment/index.ts'

// The statistics department's data-entry charter, one declaration per rule: its French words and the SQL that says
// whether a person's file breaks it on a given day. Nothing else lists the rules (the web reads them from the API;
// docs/quality.md lists them). Every rule reads the person row as `person`, the files in activity on that day only
// (an enrolment open that day: the accompaniment's one definition), and the rows as recorded now, dated on or before
// the day: the same rule gives today's count and each past month's count of the trend.

export interface QualityRuleDeclaration extends QualityRule {
  /** the person (`person`) breaks the rule on `day` ('yyyy-mm-dd', or a column of days: the trend's months) */
  breaks(day: Day): RawBuilder<SqlBool>
  /** a value that says what breaks it in this file (a date, a code), and its French words for the list to fix */
  detail: { value(day: string): RawBuilder<string | null>; words(value: string | null): string | null }
}

const p = (column: string) => sql.ref(`person.${column}`)
/** rows of the person in another table: same structure (one shard on Citus), same person */
const ofPerson = (alias: string) =>
  sql<SqlBool>`${sql.ref(`${alias}.structure_id`)} = ${p('structure_id')} AND ${sql.ref(`${alias}.person_id`)} = ${p('id')}`
const date = (day: Day) => sql`${day}::date`

/** The last contact on or before the day: an event attended, or whose attendance is not recorded (as the caseload). */
const lastContact = (day: Day) => sql<string | null>`(SELECT max(ev.date) FROM event ev
  WHERE ${ofPerson('ev')} AND ev.date <= ${date(day)} AND (ev.attendance = 'present' OR ev.attendance IS NULL))`

/** The first individual interview on or before the day. */
const firstInterview = (day: Day) => sql<string | null>`(SELECT min(ev.date) FROM event ev
  WHERE ${ofPerson('ev')} AND ev.kind = 'individual_interview' AND ev.date <= ${date(day)})`

/** The contact rule of the programme `pg` on the day: during a step (a situation open that day) when it sets one. */
const contactRule = (day: Day) => sql<number>`coalesce(CASE
    WHEN pg.contact_days_during_step IS NOT NULL AND EXISTS (SELECT 1 FROM situation s WHERE ${ofPerson('s')}
      AND s.start_date <= ${date(day)} AND (s.end_date IS NULL OR s.end_date >= ${date(day)}))
    THEN pg.contact_days_during_step ELSE pg.contact_days END, ${sql.lit(DEFAULT_CONTACT_DAYS)})`

/** The situations with no end date whose planned end has passed on the day. */
const overdueSituations = (day: Day) => sql`FROM situation s WHERE ${ofPerson('s')} AND s.start_date <= ${date(day)}
  AND s.end_date IS NULL AND s.planned_end_date < ${date(day)}`

/** The enrolments entered before the first reception (and on or before the day). */
const enrolmentsBeforeReception = (day: Day) => sql`FROM enrolment en JOIN programme pg ON pg.id = en.programme_id
  WHERE ${ofPerson('en')} AND en.entry_date <= ${date(day)} AND en.entry_date < ${p('first_reception_date')}`

const none = { value: () => sql<null>`NULL`, words: () => null }
const on = (v: string | null) => (v ? frenchDate(v) : '')

export const qualityRules: readonly QualityRuleDeclaration[] = [
  {
    id: 'education_level_missing',
    label: 'Niveau de formation non renseigné',
    explanation:
      'Le niveau de formation est la première ventilation du rapport annuel (jeunes accueillis et suivis par niveau). ' +
      'Un dossier en cours sans aucun niveau enregistré à cette date compte en « non renseigné ».',
    fix: 'Dans l’onglet Situation, enregistrez le niveau (nomenclature 2019 ou 1969) à sa date d’effet.',
    fileTab: 'situation',
    breaks: (day) => sql<SqlBool>`NOT EXISTS (SELECT 1 FROM person_attribute pa WHERE ${ofPerson('pa')}
      AND pa.attribute = 'education_level' AND pa.valid_from <= ${date(day)})`,
    detail: none,
  },
  {
    id: 'no_contact',
    label: 'Aucun contact depuis plus longtemps que la règle du programme',
    explanation:
      'Chaque programme fixe le délai maximal sans contact (90 jours si rien n’est fixé, le délai « pendant une étape » ' +
      'quand une situation est en cours). Un dossier dont une inscription en cours dépasse ce délai, compté depuis le ' +
      'dernier contact (un événement où la personne était présente, ou sans présence notée) ou depuis l’entrée dans ' +
      'le programme, est soit un suivi interrompu, soit un contact non saisi.',
    fix: 'Dans l’onglet Événements, saisissez le dernier contact, ou clôturez l’inscription si le suivi a pris fin.',
    fileTab: 'evenements',
    breaks: (day) => sql<SqlBool>`EXISTS (SELECT 1 FROM enrolment en JOIN programme pg ON pg.id = en.programme_id
      WHERE ${ofPerson('en')} AND ${enrolmentOpenOn('en', day)}
        AND ${date(day)} - greatest(en.entry_date, coalesce(${lastContact(day)}, en.entry_date)) > ${contactRule(day)})`,
    detail: {
      value: lastContact,
      words: (v) => (v ? `Dernier contact le ${on(v)}` : 'Aucun contact enregistré'),
    },
  },
  {
    id: 'situation_past_planned_end',
    label: 'Situation sans date de fin, fin prévue dépassée',
    explanation:
      'Une situation (emploi, formation…) dont la fin prévue est passée et qui n’a pas de date de fin compte encore ' +
      'comme en cours : elle fausse les situations au 31/12 et les sorties du rapport.',
    fix: 'Dans l’onglet Situations, saisissez la date de fin réelle, ou reportez la fin prévue si elle se prolonge.',
    fileTab: 'situations',
    breaks: (day) => sql<SqlBool>`EXISTS (SELECT 1 ${overdueSituations(day)})`,
    detail: {
      value: (day) =>
        sql<string | null>`(SELECT s.kind || '|' || s.planned_end_date ${overdueSituations(day)}
          ORDER BY s.planned_end_date LIMIT 1)`,
      words: (v) => {
        if (!v) return null
        const [kind, end] = v.split('|') as [string, string]
        return `${situationKinds[kind as SituationKind]?.label ?? kind}, fin prévue le ${on(end)}`
      },
    },
  },
  {
    id: 'enrolment_before_first_reception',
    label: 'Dates dans le désordre : entrée dans un programme avant le premier accueil',
    explanation:
      'Le premier accueil ouvre le parcours : une entrée dans un programme datée d’avant lui signale une date mal ' +
      'saisie (l’une ou l’autre), et place la personne hors des premiers accueils de la bonne année.',
    fix: 'Corrigez la date de premier accueil (onglet Identité) ou la date d’entrée du programme (onglet Programmes).',
    fileTab: 'programmes',
    breaks: (day) => sql<SqlBool>`EXISTS (SELECT 1 ${enrolmentsBeforeReception(day)})`,
    detail: {
      value: (day) =>
        sql<string | null>`(SELECT pg.code || '|' || en.entry_date || '|' || ${p('first_reception_date')}
          ${enrolmentsBeforeReception(day)} ORDER BY en.entry_date LIMIT 1)`,
      words: (v) => {
        if (!v) return null
        const [code, entry, reception] = v.split('|') as [string, string, string]
        return `Entrée ${code} le ${on(entry)}, premier accueil le ${on(reception)}`
      },
    },
  },
  {
    id: 'first_reception_after_first_interview',
    label: 'Premier accueil daté après le premier entretien',
    explanation:
      'Le premier accueil précède toujours le premier entretien individuel. L’inverse signale une date de premier ' +
      'accueil mal saisie (ou un entretien mal daté), et compte la personne dans les premiers accueils d’une autre ' +
      'période.',
    fix: 'Corrigez la date de premier accueil (onglet Identité) ou la date de l’entretien (onglet Événements).',
    fileTab: 'identite',
    breaks: (day) => sql<SqlBool>`${p('first_reception_date')} > ${firstInterview(day)}`,
    detail: {
      value: (day) => sql<string | null>`${firstInterview(day)} || '|' || ${p('first_reception_date')}`,
      words: (v) => {
        if (!v) return null
        const [interview, reception] = v.split('|') as [string, string]
        return `Premier entretien le ${on(interview)}, premier accueil le ${on(reception)}`
      },
    },
  },
  {
    id: 'first_reception_missing',
    label: 'Date de premier accueil manquante',
    explanation:
      'Les premiers accueils de l’année sont comptés sur cette date : un dossier en cours sans elle n’est compté dans ' +
      'les premiers accueils d’aucune année.',
    fix: 'Dans l’onglet Identité, saisissez la date de premier accueil.',
    fileTab: 'identite',
    breaks: () => sql<SqlBool>`${p('first_reception_date')} IS NULL`,
    detail: none,
  },
  {
    id: 'no_referent',
    label: 'Dossier en cours sans référent',
    explanation:
      'Un dossier sans référent n’apparaît dans le portefeuille de personne : aucune alerte de contact ne le signale.',
    fix: 'Dans l’onglet Identité, désignez le conseiller référent.',
    fileTab: 'identite',
    breaks: () => sql<SqlBool>`${p('referent_id')} IS NULL`,
    detail: none,
  },
] satisfies readonly (QualityRuleDeclaration & { id: QualityRuleId })[]

const byId = new Map(qualityRules.map((r) => [r.id, r]))
export const qualityRule = (id: QualityRuleId) => byId.get(id)!

/** The rule as the API describes it (its words, not its SQL). */
export const describeRule = (r: QualityRuleDeclaration): QualityRule => ({
  id: r.id,
  label: r.label,
  explanation: r.explanation,
  fix: r.fix,
  fileTab: r.fileTab,
})

/** A file in activity on the day: an enrolment open that day (the files the rules look at). */
export const activeOn = (day: Day) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM enrolment qa WHERE ${ofPerson('qa')} AND ${enrolmentOpenOn('qa', day)})`
