import {
  infoAttendances,
  prescriptionStatuses,
  profCofunderKinds,
  profContractKinds,
  profPlanStatuses,
  trainingExitKinds,
} from '../../../shared/training/training.nomenclature.ts'
import { cents, code, compositeKey, keyedWrite, ref } from '../aids/aids-exchange.write.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec } from '../exchange/index.ts'
import { date, externalId, notBefore, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import { upsertEvents } from './training-exchange.repository.ts'

// Training's files about persons (training.exchange.ts has the catalogue and the fund's envelopes): the prescriptions
// with every answer, their history, the professionalisation fund's plans and their co-funders' shares.

const instant = (name: string, description: string, required = false): ColumnSpec => ({
  name,
  type: { kind: 'datetime' },
  required,
  description,
})
/** the day of an instant as the file writes it (yyyy-mm-dd…): enough to compare it with a day */
const dayOf = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null)

const ENTERED = new Set(['entered', 'exited'])
const DECIDED = new Set(['validated', 'refused', 'accepted', 'waiting_list', 'not_accepted', 'entered', 'exited'])

export const prescriptionsEntity: EntitySpec = {
  name: 'training_prescription',
  label: 'prescription de formation',
  file: 'training_prescriptions.csv',
  summary: 'prescriptions sur les sessions et leurs réponses',
  table: 'training_prescription',
  description:
    'Les prescriptions d’un conseiller pour une personne sur une session, et chaque réponse : la décision du ' +
    'département formation, la convocation à l’information collective, la présence, les tests et la réponse de ' +
    'l’organisme, l’entrée (la situation de formation qu’elle a ouverte), les heures suivies, la sortie et son résultat.',
  key: 'external_id',
  versioned: true,
  order: ['filed_at', 'external_id'],
  columns: [
    externalId('de la prescription'),
    personRef,
    ref(
      'session_external_id',
      'training_session',
      'session_id',
      'La session : external_id d’une session de training_sessions.csv ou de la base.',
      true,
    ),
    userRef('prescriber_email', 'prescriber_id', 'Le conseiller prescripteur'),
    siteRef('Site du prescripteur'),
    text('argument', 4000, 'L’argumentaire du conseiller.', true),
    {
      name: 'status',
      type: { kind: 'code', list: prescriptionStatuses, listName: 'États d’une prescription' },
      default: 'submitted',
      description: 'État (vide : submitted).',
    },
    instant('filed_at', 'Quand la prescription a été déposée.', true),
    date('answer_due_on', 'Le jour où le département doit avoir répondu.'),
    userRef('decided_by_email', 'decided_by', 'Décidée par'),
    instant('decided_at', 'Quand le département a décidé.'),
    text('department_note', 4000, 'Ce que le département demande en complément, ou le motif de son refus.'),
    instant('convened_at', 'Quand la convocation à l’information collective a été produite.'),
    code('info_attendance', infoAttendances, 'Présences à l’information collective', 'Présence.'),
    text('test_result', 1000, 'Résultat des tests de positionnement.'),
    text('outcome_reason', 2000, 'Motif de non-retenue, ou rang et note en liste complémentaire.'),
    instant('answered_at', 'Quand l’organisme a répondu.'),
    date('entry_date', 'Entrée en formation.'),
    ref(
      'situation_external_id',
      'situation',
      'situation_id',
      'La situation de formation que l’entrée a ouverte : external_id d’une situation de la personne dans ' +
        'situations.csv ou la base (vide : aucune).',
    ),
    {
      name: 'hours_attended',
      type: { kind: 'integer', min: 0, max: 10000 },
      description: 'Heures suivies.',
    },
    date('exit_date', 'Sortie de formation (jamais avant l’entrée).'),
    code('exit_kind', trainingExitKinds, 'Motifs de sortie de formation', 'Motif de sortie.'),
    {
      name: 'qualification_obtained',
      type: { kind: 'boolean' },
      description: 'Qualification obtenue (vide : pas encore connu).',
    },
    text('result_note', 2000, 'Résultat de la formation, en clair.'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    const status = v.status as string
    if (v.exit_date !== null && v.entry_date === null)
      out.push({ column: 'exit_date', message: 'une sortie demande une entrée (entry_date)' })
    out.push(...notBefore(v, 'exit_date', 'entry_date', 'la sortie est avant l’entrée'))
    if (ENTERED.has(status) && v.entry_date === null)
      out.push({ column: 'entry_date', message: `l’état ${status} demande la date d’entrée` })
    if (status === 'exited' && v.exit_date === null)
      out.push({ column: 'exit_date', message: 'l’état exited demande la date de sortie' })
    if (v.entry_date !== null && !ENTERED.has(status))
      out.push({ column: 'entry_date', message: 'une entrée demande l’état entered ou exited' })
    if (v.exit_date !== null && status !== 'exited')
      out.push({ column: 'exit_date', message: 'une sortie demande l’état exited' })
    if (v.decided_at !== null && !DECIDED.has(status) && status !== 'more_info' && status !== 'cancelled')
      out.push({ column: 'decided_at', message: 'une décision demande un état décidé' })
    const filed = dayOf(v.filed_at)
    if (filed && v.entry_date !== null && (v.entry_date as string) < filed)
      out.push({ column: 'entry_date', message: 'l’entrée est avant le dépôt de la prescription' })
    if (typeof v.decided_at === 'string' && typeof v.filed_at === 'string' && v.decided_at < v.filed_at)
      out.push({ column: 'decided_at', message: 'la décision est avant le dépôt' })
    return out
  },
}

const eventKey = compositeKey(['prescription_external_id', 'at', 'to_status'])
const statusOf = (name: string, description: string, required = false): ColumnSpec =>
  code(name, prescriptionStatuses, 'États d’une prescription', description, required)
export const eventsEntity: EntitySpec = {
  name: 'training_prescription_event',
  label: 'étape de l’historique d’une prescription',
  file: 'training_prescription_events.csv',
  summary: 'historique des prescriptions',
  table: 'training_prescription_event',
  description:
    'L’historique de chaque prescription : chaque changement d’état, par qui, quand, avec sa note. Une ligne est ' +
    'reconnue par sa prescription, son instant et son nouvel état ; l’import ajoute ou met à jour, il ne retire rien.',
  key: eventKey.name,
  order: ['prescription_external_id', 'at', 'to_status'],
  columns: [
    ref(
      'prescription_external_id',
      'training_prescription',
      'prescription_id',
      'La prescription : external_id d’une prescription de training_prescriptions.csv ou de la base.',
      true,
    ),
    instant('at', 'Quand.', true),
    userRef('actor_email', 'actor_id', 'Par qui'),
    statusOf('from_status', 'État d’avant (vide : la prescription vient d’être déposée).'),
    statusOf('to_status', 'Nouvel état.', true),
    text('note', 4000, 'Note (le motif, la demande de complément…).'),
  ],
  check(v) {
    eventKey.set(v)
    return v.from_status !== null && v.from_status === v.to_status
      ? [{ column: 'to_status', message: 'le nouvel état est celui d’avant' }]
      : []
  },
  async write(tx, rows, ctx) {
    const counts = await upsertEvents(
      tx,
      ctx.structureId,
      rows.map(({ values: v }) => ({
        prescription_id: v.prescription_external_id as string,
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

export const plansEntity: EntitySpec = {
  name: 'prof_plan',
  label: 'plan de formation du fonds de professionnalisation',
  file: 'prof_plans.csv',
  summary: 'plans de formation des salariés en contrat aidé',
  table: 'prof_plan',
  description:
    'Les plans de formation des salariés en contrat aidé que le fonds de professionnalisation cofinance : ' +
    'employeur, contrat, formation, heures, coût total et part du fonds, décision du comité, remboursement.',
  key: 'external_id',
  versioned: true,
  order: ['person_external_id', 'external_id'],
  columns: [
    externalId('du plan'),
    personRef,
    text('employer_name', 200, 'Employeur.', true),
    text('employer_siret', 14, 'SIRET de l’employeur (14 chiffres).'),
    code('contract_kind', profContractKinds, 'Contrats aidés', 'Contrat aidé du salarié.', true),
    date('contract_start', 'Début du contrat.'),
    date('contract_end', 'Fin du contrat.'),
    text('training_title', 300, 'La formation.', true),
    ref(
      'body_external_id',
      'training_body',
      'body_id',
      'L’organisme, s’il est au catalogue : external_id d’un organisme de training_bodies.csv ou de la base.',
    ),
    text('body_name', 200, 'L’organisme tel qu’écrit, s’il n’est pas au catalogue.'),
    { name: 'hours', type: { kind: 'integer', min: 1, max: 10000 }, required: true, description: 'Heures.' },
    cents('total_cost_cents', 'Coût total,', true),
    cents('fund_cents', 'Part du fonds (au plus le coût total),', true),
    {
      name: 'status',
      type: { kind: 'code', list: profPlanStatuses, listName: 'États d’un plan' },
      default: 'submitted',
      description: 'État (vide : submitted).',
    },
    date('committee_date', 'Date du comité qui l’a validé ou refusé.'),
    text('decision_note', 2000, 'Note de la décision.'),
    userRef('decided_by_email', 'decided_by', 'Décidé par'),
    cents('reimbursed_cents', 'Remboursé à l’employeur à ce jour (vide : rien),'),
    userRef('created_by_email', 'created_by', 'Saisi par'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = []
    if (typeof v.employer_siret === 'string' && !/^[0-9]{14}$/.test(v.employer_siret))
      out.push({ column: 'employer_siret', message: 'un SIRET s’écrit en 14 chiffres' })
    if ((v.fund_cents as number) > (v.total_cost_cents as number))
      out.push({ column: 'fund_cents', message: 'la part du fonds dépasse le coût total' })
    if ((v.status === 'validated' || v.status === 'refused') && v.committee_date === null)
      out.push({ column: 'committee_date', message: `l’état ${v.status} demande la date du comité` })
    if (v.reimbursed_cents !== null && (v.reimbursed_cents as number) > (v.fund_cents as number))
      out.push({ column: 'reimbursed_cents', message: 'le remboursé dépasse la part du fonds' })
    if (v.body_external_id !== null && v.body_name !== null)
      out.push({ column: 'body_name', message: 'un organisme du catalogue ou un nom écrit, pas les deux' })
    return [...out, ...notBefore(v, 'contract_end', 'contract_start', 'la fin du contrat est avant son début')]
  },
}

const shareKey = compositeKey(['plan_external_id', 'position'])
const shareColumns: ColumnSpec[] = [
  ref(
    'plan_external_id',
    'prof_plan',
    'plan_id',
    'Le plan : external_id d’un plan de prof_plans.csv ou de la base.',
    true,
  ),
  {
    name: 'position',
    type: { kind: 'integer', min: 0, max: 99 },
    required: true,
    description: 'Rang du cofinanceur dans le plan (de 0 à 99), unique dans le plan.',
  },
  text('cofunder', 200, 'Le cofinanceur, tel qu’écrit.', true),
  code('kind', profCofunderKinds, 'Natures de cofinanceur', 'Nature du cofinanceur.', true),
  cents('amount_cents', 'Sa part,', true),
]
export const cofundingEntity: EntitySpec = {
  name: 'prof_plan_cofunding',
  label: 'part d’un cofinanceur',
  file: 'prof_plan_cofunding.csv',
  summary: 'cofinanceurs des plans et leurs parts',
  table: 'prof_plan_cofunding',
  description: 'Ce que chaque cofinanceur (OPCO, CCAS, AFPA, l’employeur, le salarié…) paie d’un plan.',
  key: shareKey.name,
  order: ['plan_external_id', 'position'],
  columns: shareColumns,
  check(v) {
    shareKey.set(v)
    return []
  },
  write: keyedWrite(shareColumns, { table: 'prof_plan_cofunding', conflict: ['structure_id', 'plan_id', 'position'] }),
}

export const trainingPersonEntities = [prescriptionsEntity, eventsEntity, plansEntity, cofundingEntity]
