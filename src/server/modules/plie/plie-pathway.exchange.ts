import { sql } from 'kysely'
import { esfMoments, esfQuestionCodes, esfQuestions } from '../../../shared/plie/plie.nomenclature.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, text, userRef } from '../exchange/index.ts'
import { casesOf, enrolmentsOf, situationPersons } from './plie.exchange.repository.ts'
import { compositeKey, keyedWrite, keyOf, ref } from './plie.exchange-write.ts'

// The PLIE's pathways in the bundle: a pathway is the person's enrolment in the PLIE programme (enrolments.csv, with
// its entry, exit date and reason); these files keep what only the PLIE adds beside it — the committee case it came
// from, the exit's proof and the partner credited, its referents over time, its steps (each a situation of
// situations.csv, at a host organisation) and the ESF+ answers. The person is the enrolment's (or the situation's).

const enrolmentRef = (description: string): ColumnSpec =>
  ref('enrolment_external_id', 'enrolment', 'enrolment_id', description, true)
const PATHWAY = 'Le parcours : external_id de son inscription au PLIE (enrolments.csv ou la base).'
const notPlie: ColumnIssue = { column: 'enrolment_external_id', message: 'cette inscription n’est pas au PLIE' }

const pathwayColumns: ColumnSpec[] = [
  { ...enrolmentRef(PATHWAY), db: false, exportSql: keyOf('enrolment', 'enrolment_id') },
  {
    name: 'committee_external_id',
    type: { kind: 'ref', target: 'plie_committee' },
    db: false,
    exportSql: sql`(SELECT coalesce(x.external_id, x.id::text) FROM plie_committee_case c
      JOIN plie_committee x ON x.structure_id = c.structure_id AND x.id = c.committee_id
      WHERE c.structure_id = t.structure_id AND c.id = t.committee_case_id)`,
    description: 'Le comité qui a décidé l’entrée (plie_committees.csv ou la base) ; vide : entrée sans comité.',
  },
  {
    name: 'case_position',
    type: { kind: 'integer', min: 0, max: 999 },
    db: false,
    exportSql: sql`(SELECT c.position FROM plie_committee_case c
      WHERE c.structure_id = t.structure_id AND c.id = t.committee_case_id)`,
    description: 'Le rang du dossier d’entrée dans ce comité (plie_committee_cases.csv position).',
  },
  ref(
    'exit_situation_external_id',
    'situation',
    'exit_situation_id',
    'La situation qui prouve une sortie positive (un CDI, un CDD de plus de 6 mois…) : situations.csv ou la base.',
  ),
  ref(
    'partner_external_id',
    'plie_organisation',
    'partner_id',
    'Le partenaire des relations entreprises crédité de la sortie (plie_organisations.csv ou la base).',
  ),
]
export const pathwaysEntity: EntitySpec = {
  name: 'plie_pathway',
  label: 'parcours PLIE',
  file: 'plie_pathways.csv',
  summary: 'parcours PLIE : comité d’entrée, preuve de la sortie',
  table: 'plie_pathway',
  description:
    'Ce que le PLIE garde de chaque parcours à côté de son inscription (enrolments.csv : entrée, sortie, motif) : ' +
    'le dossier de comité qui l’a ouvert, la situation qui prouve une sortie positive, le partenaire crédité.',
  key: 'enrolment_external_id',
  versioned: true,
  order: ['enrolment_external_id'],
  columns: pathwayColumns,
  check(v): ColumnIssue[] {
    return (v.committee_external_id === null) !== (v.case_position === null)
      ? [{ column: 'case_position', message: 'le comité et le rang du dossier vont ensemble' }]
      : []
  },
  write: keyedWrite(pathwayColumns, {
    table: 'plie_pathway',
    conflict: ['structure_id', 'enrolment_id'],
    versioned: true,
    dbOf: { enrolment_external_id: 'enrolment_id' },
    async complete(tx, items, ctx) {
      const enrolments = await enrolmentsOf(
        tx,
        ctx.structureId,
        items.map((i) => i.db.enrolment_id as string),
      )
      const cases = await casesOf(
        tx,
        ctx.structureId,
        items.flatMap((i) =>
          i.row.values.committee_external_id ? [i.row.values.committee_external_id as string] : [],
        ),
      )
      return items.map(({ row, db }) => {
        const enrolment = enrolments.get(db.enrolment_id as string)!
        db.person_id = enrolment.personId
        db.committee_case_id = null
        if (!enrolment.plie) return [notPlie]
        if (row.values.committee_external_id === null) return []
        const found = cases.get(`${row.values.committee_external_id}/${row.values.case_position}`)
        if (!found) return [{ column: 'case_position', message: 'ce comité n’a pas de dossier à ce rang' }]
        if (found.personId !== enrolment.personId)
          return [{ column: 'case_position', message: 'ce dossier de comité est celui d’une autre personne' }]
        db.committee_case_id = found.id
        return []
      })
    },
  }),
}

/** Referents, steps and answers belong to a PLIE pathway: an enrolment in another programme is refused. */
async function plieOnly(tx: Parameters<typeof enrolmentsOf>[0], items: { db: Record<string, unknown> }[], s: string) {
  const enrolments = await enrolmentsOf(
    tx,
    s,
    items.map((i) => i.db.enrolment_id as string),
  )
  return items.map(({ db }) => (enrolments.get(db.enrolment_id as string)?.plie ? [] : [notPlie]))
}

const referentKey = compositeKey(['enrolment_external_id', 'from_date'])
const referentColumns: ColumnSpec[] = [
  enrolmentRef(PATHWAY),
  date('from_date', 'Référent à partir de ce jour.', true),
  { ...userRef('referent_email', 'referent_id', 'Le référent'), required: true },
  userRef('recorded_by_email', 'recorded_by', 'Changement enregistré par'),
]
export const referentsEntity: EntitySpec = {
  name: 'plie_referent',
  label: 'référent de parcours',
  file: 'plie_referents.csv',
  summary: 'référents des parcours, datés',
  table: 'plie_referent',
  description:
    'Les référents successifs de chaque parcours, chacun à partir d’un jour (le dernier est celui de l’inscription, ' +
    'enrolments.csv referent_email).',
  key: referentKey.name,
  order: ['enrolment_external_id', 'from_date'],
  columns: referentColumns,
  check(v) {
    referentKey.set(v)
    return []
  },
  write: keyedWrite(referentColumns, {
    table: 'plie_referent',
    conflict: ['structure_id', 'enrolment_id', 'from_date'],
    complete: (tx, items, ctx) => plieOnly(tx, items, ctx.structureId),
  }),
}

const stepColumns: ColumnSpec[] = [
  {
    name: 'situation_external_id',
    type: { kind: 'ref', target: 'situation' },
    required: true,
    db: false,
    exportSql: keyOf('situation', 'situation_id'),
    description: 'L’étape est cette situation (situations.csv ou la base) : son type, ses dates, ses heures.',
  },
  enrolmentRef(PATHWAY),
  ref(
    'organisation_external_id',
    'plie_organisation',
    'organisation_id',
    'La structure qui accueille l’étape (plie_organisations.csv ou la base).',
  ),
  text('step_referent', 200, 'Qui suit l’étape dans la structure d’accueil, tel qu’écrit.'),
]
export const stepsEntity: EntitySpec = {
  name: 'plie_step',
  label: 'étape de parcours',
  file: 'plie_steps.csv',
  summary: 'étapes des parcours et structures d’accueil',
  table: 'plie_step',
  description:
    'Les étapes des parcours : chacune est une situation de la personne (situations.csv : emploi d’insertion, ' +
    'formation, emploi…) faite dans le parcours, dans une structure d’accueil.',
  key: 'situation_external_id',
  versioned: true,
  order: ['enrolment_external_id', 'situation_external_id'],
  columns: stepColumns,
  write: keyedWrite(stepColumns, {
    table: 'plie_step',
    conflict: ['structure_id', 'situation_id'],
    versioned: true,
    dbOf: { situation_external_id: 'situation_id' },
    async complete(tx, items, ctx) {
      const ids = items.map((i) => i.db.situation_id as string)
      const persons = await situationPersons(tx, ctx.structureId, ids)
      const enrolments = await enrolmentsOf(
        tx,
        ctx.structureId,
        items.map((i) => i.db.enrolment_id as string),
      )
      return items.map(({ db }) => {
        const enrolment = enrolments.get(db.enrolment_id as string)!
        db.person_id = persons.get(db.situation_id as string)
        if (!enrolment.plie) return [notPlie]
        return db.person_id === enrolment.personId
          ? []
          : [{ column: 'situation_external_id', message: 'cette situation est celle d’une autre personne' }]
      })
    },
  }),
}

const esfKey = compositeKey(['enrolment_external_id', 'moment', 'question'])
const esfColumns: ColumnSpec[] = [
  enrolmentRef(PATHWAY),
  {
    name: 'moment',
    type: { kind: 'code', list: esfMoments, listName: 'Moments FSE+' },
    required: true,
    description: 'Quand la question est posée.',
  },
  {
    name: 'question',
    type: {
      kind: 'code',
      list: {
        codes: esfQuestionCodes,
        labels: Object.fromEntries(esfQuestionCodes.map((q) => [q, esfQuestions[q].label])),
      },
      listName: 'Questions FSE+',
    },
    required: true,
    description: 'La question (chacune a son moment).',
  },
  {
    name: 'answer',
    type: {
      kind: 'codeBy',
      column: 'question',
      lists: Object.fromEntries(
        esfQuestionCodes.map((q) => [
          q,
          { codes: Object.keys(esfQuestions[q].answers), labels: esfQuestions[q].answers },
        ]),
      ),
      listNames: Object.fromEntries(esfQuestionCodes.map((q) => [q, esfQuestions[q].label])),
    },
    required: true,
    description: 'La réponse, de la liste de la question (declined : ne souhaite pas répondre, là où c’est permis).',
  },
  date('answered_on', 'Date de la réponse.', true),
  userRef('recorded_by_email', 'recorded_by', 'Enregistrée par'),
]
export const plieEsfEntity: EntitySpec = {
  name: 'esf_answer',
  label: 'réponse FSE+',
  file: 'esf_answers.csv',
  summary: 'données FSE+ des participants (entrée, sortie, six mois)',
  table: 'esf_answer',
  description:
    'Ce que le FSE+ demande de chaque participant (règlement (UE) 2021/1057, annexe I), à l’entrée, à la sortie et ' +
    'six mois après, chaque réponse datée.',
  key: esfKey.name,
  order: ['enrolment_external_id', 'moment', 'question'],
  columns: esfColumns,
  check(v): ColumnIssue[] {
    esfKey.set(v)
    const expected = esfQuestions[v.question as keyof typeof esfQuestions].moment
    return expected === v.moment
      ? []
      : [{ column: 'question', message: `question posée au moment ${expected}, pas ${v.moment}` }]
  },
  write: keyedWrite(esfColumns, {
    table: 'esf_answer',
    conflict: ['structure_id', 'enrolment_id', 'moment', 'question'],
    complete: (tx, items, ctx) => plieOnly(tx, items, ctx.structureId),
  }),
}
