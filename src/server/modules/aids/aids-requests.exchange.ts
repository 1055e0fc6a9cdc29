import { sql } from 'kysely'
import { aidPurposes, aidTracks, paymentModes, requestStatuses } from '../../../shared/aids/aids.nomenclature.ts'
import type { ColumnIssue, ColumnSpec, EntitySpec, ImportRow } from '../exchange/index.ts'
import { date, externalId, notBefore, personRef, siteRef, text, userRef } from '../exchange/index.ts'
import {
  adoptPaymentUuids,
  cents,
  code,
  codesColumn,
  compositeKey,
  fundRef,
  keyedWrite,
  keyOf,
  paymentsByKey,
  ref,
  requestFunds,
  runsOf,
  splitCodes,
  upsertBy,
} from './aids-exchange.write.ts'

// The aids' files about persons (aids.exchange.ts has the funds, commissions and projects): the requests with their
// decision, the reinforced aids' contracts, the allowance's monthly payment runs, the payments — a counter-entry names
// the payment it cancels — and the indirect aids.

const firstOfMonth = (v: Record<string, unknown>, column: string): ColumnIssue[] =>
  typeof v[column] === 'string' && !(v[column] as string).endsWith('-01')
    ? [{ column, message: 'un mois s’écrit par son premier jour (AAAA-MM-01)' }]
    : []
/** a day's noon in UTC: the instant of a row whose file gives only the day (the same day in France) */
const noon = (day: unknown) => (typeof day === 'string' ? `${day}T12:00:00Z` : null)
const instant = (name: string, description: string): ColumnSpec => ({ name, type: { kind: 'datetime' }, description })
const requestRef = (db: string, description: string): ColumnSpec =>
  ref('request_external_id', 'aid_request', db, description, true)
const REQUEST = 'La demande : external_id d’une demande de aid_requests.csv ou de la base.'

export const requestsEntity: EntitySpec = {
  name: 'aid_request',
  label: 'demande d’aide',
  file: 'aid_requests.csv',
  summary: 'demandes d’aide et décisions',
  table: 'aid_request',
  description:
    'Les demandes d’aide des personnes : fonds, circuit (urgence sous 48 h, ponctuelle, renforcée), objet, montant ' +
    'demandé, pièces reçues, puis la décision (accordée, accordée en partie, refusée hors critères avec le critère, ' +
    'réorientée vers un autre fonds) et la réception des justificatifs.',
  key: 'external_id',
  versioned: true,
  order: ['asked_on', 'external_id'],
  columns: [
    externalId('de la demande'),
    personRef,
    fundRef(),
    {
      name: 'track',
      type: { kind: 'code', list: aidTracks, listName: 'Circuits d’une demande' },
      default: 'ordinary',
      description: 'Circuit (vide : ordinary).',
    },
    code('purpose', aidPurposes, 'Objets d’aide', 'Objet de l’aide.', true),
    date('month', 'Le mois d’allocation demandé, par son premier jour (allocation CIVIS / CEJ).'),
    ref('project_external_id', 'aid_project', 'project_id', 'Le projet financé (aid_projects.csv ou la base).'),
    siteRef('Site de la demande', true),
    cents('amount_asked_cents', 'Montant demandé,', true, 1),
    text('argument', 4000, 'Argumentaire du conseiller.'),
    codesColumn('documents', null, 'Pièces reçues (libellés des pièces du fonds)'),
    date('asked_on', 'Date de la demande.', true),
    instant('asked_at', 'Quand la demande a été enregistrée (vide : le jour de la demande à midi, UTC).'),
    userRef('asked_by_email', 'asked_by', 'Demandée par'),
    instant('due_at', 'Échéance d’une demande d’urgence (48 heures après son enregistrement).'),
    {
      name: 'status',
      type: { kind: 'code', list: requestStatuses, listName: 'États d’une demande' },
      default: 'submitted',
      description: 'État (vide : submitted).',
    },
    ref(
      'commission_external_id',
      'aid_commission',
      'commission_id',
      'La commission qui l’examine (aid_commissions.csv ou la base).',
    ),
    date('decided_on', 'Date de la décision.'),
    instant('decided_at', 'Quand la décision a été enregistrée.'),
    userRef('decided_by_email', 'decided_by', 'Décidée par'),
    cents('amount_granted_cents', 'Montant accordé (seulement pour une demande accordée, même en partie),'),
    text('refusal_criterion', 200, 'Le critère non rempli (seulement pour un refus).'),
    ref(
      'redirected_fund_external_id',
      'aid_fund',
      'redirected_fund_id',
      'Le fonds vers lequel la demande est réorientée (seulement pour une réorientation).',
    ),
    text('decision_reason', 4000, 'Motif de la décision.'),
    date('proof_received_on', 'Date de réception des justificatifs.'),
  ],
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = [...firstOfMonth(v, 'month')]
    const granted = v.status === 'granted' || v.status === 'partly_granted'
    if (granted !== (v.amount_granted_cents !== null))
      out.push({
        column: 'amount_granted_cents',
        message: granted
          ? 'une demande accordée demande le montant accordé'
          : 'un montant accordé demande l’état granted ou partly_granted',
      })
    if (v.refusal_criterion !== null && v.status !== 'refused')
      out.push({ column: 'refusal_criterion', message: 'un critère de refus demande l’état refused' })
    if ((v.status === 'redirected') !== (v.redirected_fund_external_id !== null))
      out.push({
        column: 'redirected_fund_external_id',
        message: 'une réorientation (état redirected) et son fonds vont ensemble',
      })
    return [...out, ...notBefore(v, 'decided_on', 'asked_on', 'la décision est avant la demande')]
  },
  derive: ({ values }) => ({
    documents: splitCodes(values.documents),
    asked_at: values.asked_at ?? noon(values.asked_on),
  }),
}

const contractColumns: ColumnSpec[] = [
  { ...requestRef('request_id', REQUEST), db: false, exportSql: keyOf('aid_request', 'request_id') },
  date('starts_on', 'Premier mois du contrat.', true),
  { name: 'months', type: { kind: 'integer', min: 1, max: 24 }, required: true, description: 'Durée en mois.' },
  cents('monthly_cents', 'Montant mensuel,', true, 1),
  text('commitments', 4000, 'Les engagements du jeune, tels que signés.', true),
  date('signed_on', 'Date de signature (vide : pas encore signé).'),
]
export const contractsEntity: EntitySpec = {
  name: 'aid_contract',
  label: 'contrat d’aide renforcée',
  file: 'aid_contracts.csv',
  summary: 'contrats des aides renforcées',
  table: 'aid_contract',
  description:
    'Le contrat d’une aide renforcée décidée en commission : durée, montant mensuel, engagements, signature ; ses ' +
    'mensualités sont des paiements prévus (aid_payments.csv).',
  key: 'request_external_id',
  versioned: true,
  order: ['request_external_id'],
  columns: contractColumns,
  write: keyedWrite(contractColumns, {
    table: 'aid_contract',
    conflict: ['structure_id', 'request_id'],
    versioned: true,
    dbOf: { request_external_id: 'request_id' },
  }),
}

const runKey = compositeKey(['fund_external_id', 'month'])
const runColumns: ColumnSpec[] = [
  fundRef(),
  date('month', 'Le mois versé, par son premier jour (un seul versement par fonds et par mois).', true),
  {
    name: 'payments',
    type: { kind: 'integer', min: 0, max: 1000000 },
    required: true,
    description: 'Nombre de paiements du versement.',
  },
  cents('total_cents', 'Total du versement,', true, -1e13),
  userRef('created_by_email', 'created_by', 'Préparé par'),
]
export const runsEntity: EntitySpec = {
  name: 'aid_payment_run',
  label: 'versement mensuel',
  file: 'aid_payment_runs.csv',
  summary: 'versements mensuels groupés de l’allocation',
  table: 'aid_payment_run',
  description: 'Les versements mensuels groupés de l’allocation CIVIS / CEJ : un par fonds et par mois.',
  key: runKey.name,
  order: ['fund_external_id', 'month'],
  columns: runColumns,
  check(v) {
    runKey.set(v)
    return firstOfMonth(v, 'month')
  },
  write: keyedWrite(runColumns, { table: 'aid_payment_run', conflict: ['structure_id', 'fund_id', 'month'] }),
}

const paymentColumns: ColumnSpec[] = [
  externalId('du paiement'),
  requestRef('request_id', REQUEST),
  cents('amount_cents', 'Montant (négatif pour une contre-passation),', true, -1e13),
  code('mode', paymentModes, 'Modes de paiement', 'Mode de paiement.', true),
  text('payee', 200, 'Le tiers payé (paiement à un tiers), tel qu’écrit.'),
  date('due_on', 'Échéance d’une mensualité prévue.'),
  date('paid_on', 'Date du paiement (vide : prévu, pas encore payé).'),
  {
    name: 'run_month',
    type: { kind: 'date' },
    db: false,
    exportSql: sql`(SELECT r.month FROM aid_payment_run r WHERE r.structure_id = t.structure_id AND r.id = t.run_id)`,
    description:
      'Le versement mensuel groupé qui l’a payé : son mois (aid_payment_runs.csv, du fonds de la demande ; vide : aucun).',
  },
  {
    name: 'cancels_external_id',
    type: { kind: 'text', max: 100 },
    db: false,
    exportSql: keyOf('aid_payment', 'cancels_id'),
    description:
      'Pour une contre-passation : le paiement qu’elle annule, external_id d’un paiement de la même demande, plus ' +
      'haut dans ce fichier ou déjà dans la base.',
  },
  text('reason', 1000, 'Motif de la contre-passation (obligatoire pour elle).'),
  userRef('recorded_by_email', 'recorded_by', 'Enregistré par'),
  instant('recorded_at', 'Quand il a été enregistré (vide : le jour du paiement ou de l’échéance à midi, UTC).'),
]
const PAYMENT_DB = ['external_id', 'amount_cents', 'mode', 'payee', 'due_on', 'paid_on', 'reason'] as const

export const paymentsEntity: EntitySpec = {
  name: 'aid_payment',
  label: 'paiement',
  file: 'aid_payments.csv',
  summary: 'paiements, mensualités prévues et contre-passations',
  table: 'aid_payment',
  description:
    'Les paiements des demandes accordées, les mensualités prévues d’un contrat (échéance, pas encore payées) et les ' +
    'contre-passations : un paiement n’est jamais modifié, il est annulé par une ligne négative qui le nomme, avec ' +
    'son motif.',
  key: 'external_id',
  order: ['recorded_at', 'external_id'],
  columns: paymentColumns,
  check(v): ColumnIssue[] {
    const out: ColumnIssue[] = [...firstOfMonth(v, 'run_month')]
    const amount = v.amount_cents as number
    if (amount === 0) out.push({ column: 'amount_cents', message: 'un paiement n’est jamais nul' })
    else if (amount < 0 !== (v.cancels_external_id !== null))
      out.push({
        column: 'amount_cents',
        message:
          amount < 0
            ? 'un montant négatif est une contre-passation : elle nomme le paiement annulé (cancels_external_id)'
            : 'une contre-passation est négative',
      })
    if (v.cancels_external_id !== null && v.reason === null)
      out.push({ column: 'reason', message: 'une contre-passation demande son motif' })
    if (v.paid_on === null && v.due_on === null)
      out.push({ column: 'paid_on', message: 'un paiement a sa date, ou son échéance s’il est prévu' })
    return out
  },
  // the generic upsert cannot: a counter-entry names a payment of the same file, written first
  async write(tx, rows, ctx) {
    const s = ctx.structureId
    const issues: (ColumnIssue & { line: number })[] = []
    await adoptPaymentUuids(
      tx,
      s,
      rows.map((r) => r.values.external_id as string),
    )
    const funds = await requestFunds(
      tx,
      s,
      rows.map((r) => r.values.request_external_id as string),
    )
    const runs = await runsOf(tx, s, [...funds.values()])
    const dbOf = (row: ImportRow) => {
      const v = row.values
      const db: Record<string, unknown> = { structure_id: s, request_id: v.request_external_id }
      for (const c of PAYMENT_DB) db[c] = v[c] ?? null
      db.recorded_by = v.recorded_by_email ?? null
      db.recorded_at = v.recorded_at ?? noon(v.paid_on ?? v.due_on)
      db.run_id = null
      db.cancels_id = null
      if (v.run_month !== null) {
        db.run_id = runs.get(`${funds.get(v.request_external_id as string)}/${v.run_month}`) ?? null
        if (!db.run_id)
          issues.push({
            line: row.line,
            column: 'run_month',
            message: 'pas de versement mensuel de ce mois pour le fonds de la demande',
          })
      }
      return db
    }
    const write = (items: { row: ImportRow; db: Record<string, unknown> }[]) => {
      const good = items.filter((i) => !issues.some((x) => x.line === i.row.line)).map((i) => i.db)
      return upsertBy(tx, 'aid_payment', ['structure_id', 'external_id'], good, false)
    }
    const items = rows.map((row) => ({ row, db: dbOf(row) }))
    const first = await write(items.filter((i) => i.row.values.cancels_external_id === null))
    const counters = items.filter((i) => i.row.values.cancels_external_id !== null)
    const cancelled = await paymentsByKey(
      tx,
      s,
      counters.map((i) => i.row.values.cancels_external_id as string),
    )
    for (const { row, db } of counters) {
      const key = row.values.cancels_external_id as string
      const target = cancelled.get(key)
      const issue = (message: string) => issues.push({ line: row.line, column: 'cancels_external_id', message })
      if (!target) issue(`paiement introuvable « ${key} » (ni plus haut dans aid_payments.csv, ni dans la base)`)
      else if (target.requestId !== db.request_id) issue('ce paiement est celui d’une autre demande')
      else if (target.amount < 0) issue('une contre-passation ne s’annule pas')
      else db.cancels_id = target.id
    }
    const second = await write(counters)
    return { inserted: first.inserted + second.inserted, updated: first.updated + second.updated, issues }
  },
  constraints: {
    aid_payment_cancels_key: { column: 'cancels_external_id', message: 'ce paiement est déjà contre-passé' },
  },
}

export const indirectEntity: EntitySpec = {
  name: 'aid_indirect',
  label: 'aide indirecte',
  file: 'aid_indirect.csv',
  summary: 'aides indirectes (actions financées sans demande nominative)',
  table: 'aid_indirect',
  description: 'Les actions qu’un fonds finance sans demande d’une personne (une formation pour des emplois repérés).',
  key: 'external_id',
  versioned: true,
  order: ['spent_on', 'external_id'],
  columns: [
    externalId('de l’aide indirecte'),
    fundRef(),
    date('spent_on', 'Date de la dépense.', true),
    text('label', 200, 'L’action financée.', true),
    cents('amount_cents', 'Montant,', true, 1),
    {
      name: 'participants',
      type: { kind: 'integer', min: 0, max: 100000 },
      description: 'Nombre de bénéficiaires (vide : non précisé).',
    },
  ],
}

export const aidsRequestEntities = [requestsEntity, contractsEntity, runsEntity, paymentsEntity, indirectEntity]
