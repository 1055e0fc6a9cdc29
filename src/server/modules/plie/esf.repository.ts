import type { EsfMoment } from '../../../shared/plie/plie.nomenclature.ts'
import type { Actor, Tx } from '../../deps.ts'
import { visiblePersons } from '../persons/person.policy.ts'

// The SQL of the ESF+ participant data (docs/plie.md « Import and export, ESF+ »).

/** Sets the answers of one moment (a question answered again: the new answer, its day, who recorded it). */
export async function upsertAnswers(
  tx: Tx,
  structureId: string,
  enrolmentId: string,
  moment: EsfMoment,
  answers: Record<string, string>,
  answeredOn: string,
  recordedBy: string,
) {
  const rows = Object.entries(answers).map(([question, answer]) => ({
    structure_id: structureId,
    enrolment_id: enrolmentId,
    moment,
    question,
    answer,
    answered_on: answeredOn,
    recorded_by: recordedBy,
  }))
  await tx
    .insertInto('esf_answer')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['enrolment_id', 'structure_id', 'moment', 'question']).doUpdateSet((eb) => ({
        answer: eb.ref('excluded.answer'),
        answered_on: eb.ref('excluded.answered_on'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: new Date(),
      })),
    )
    .execute()
}

/** The answers of these pathways, by moment and question. */
export function answersOf(tx: Tx, structureId: string, enrolmentIds: string[]) {
  if (!enrolmentIds.length) return Promise.resolve([])
  return tx
    .selectFrom('esf_answer')
    .select(['enrolment_id', 'moment', 'question', 'answer', 'answered_on'])
    .where('structure_id', '=', structureId)
    .where('enrolment_id', 'in', enrolmentIds)
    .orderBy('enrolment_id')
    .orderBy('moment')
    .orderBy('question')
    .execute()
}

/**
 * The PLIE pathways open during the period (entered by its last day, not left before its first) whose person the
 * actor sees, with the person's identity, sex and birth date.
 */
export function participantsOf(tx: Tx, actor: Actor, today: string, from: string, to: string) {
  return tx
    .selectFrom('plie_pathway as pp')
    .innerJoin('enrolment as e', (j) =>
      j.onRef('e.id', '=', 'pp.enrolment_id').onRef('e.structure_id', '=', 'pp.structure_id'),
    )
    .innerJoin('person', (j) =>
      j.onRef('person.id', '=', 'pp.person_id').onRef('person.structure_id', '=', 'pp.structure_id'),
    )
    .where('pp.structure_id', '=', actor.structureId)
    .where('e.entry_date', '<=', to)
    .where((eb) => eb.or([eb('e.exit_date', 'is', null), eb('e.exit_date', '>=', from)]))
    .where(visiblePersons(actor, today))
    .select([
      'e.id as enrolment_id',
      'e.external_id',
      'e.entry_date',
      'e.exit_date',
      'e.exit_reason',
      'person.id as person_id',
      'person.last_name',
      'person.first_name',
      'person.sex',
      'person.birth_date',
    ])
    .orderBy('person.last_name')
    .orderBy('person.first_name')
    .orderBy('e.entry_date')
    .orderBy('e.id')
    .execute()
}
