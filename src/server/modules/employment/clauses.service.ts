import type { z } from 'zod'
import type {
  ClauseDashboard,
  ClauseHome,
  ClauseOperationDetail,
  clauseContractInput,
  clauseLotInput,
  clauseLotUpdate,
  clauseOperationInput,
  clauseOperationUpdate,
  clauseParticipantInput,
  clauseParticipantUpdate,
} from '../../../shared/employment/clauses.schema.ts'
import { sensitiveClauseCriteria } from '../../../shared/employment/employment.nomenclature.ts'
import { notFound, versionConflict } from '../../errors.ts'
import { statementRows } from './clause-statements.repository.ts'
import {
  byCompany,
  contractRows,
  countContracts,
  countWorkers,
  lotRows,
  monthRows,
  operationSummaries,
  participantRows,
} from './clauses.repository.ts'
import { missingStatements, operationsThisYear } from './clauses-home.repository.ts'
import { conflict, type EmploymentCtx, invalid, loadEmploymentPerson, todayOf } from './employment-ctx.ts'

// The procurement social clauses (docs/employment/clauses.md): the facilitator's dashboard, an operation with its lots,
// participants, contracts and statements, and their records. Every edit names the version read (409 when stale); a
// read that shows a sensitive eligibility criterion (RSA, RQTH) leaves an audit line per person.

type OperationInput = z.output<typeof clauseOperationInput>
type LotInput = z.output<typeof clauseLotInput>

const isSensitive = (criterion: string) => (sensitiveClauseCriteria as readonly string[]).includes(criterion)

/** One audit line per person whose sensitive criterion the answer shows. */
export async function auditSensitiveCriteria(ctx: EmploymentCtx, shown: { personId: string; criterion: string }[]) {
  for (const p of shown.filter((s) => isSensitive(s.criterion)))
    await ctx.audit({
      action: 'sensitive.read',
      entity: 'person',
      entityId: p.personId,
      detail: { fields: ['clause_participant.criterion'] },
    })
}

export async function clauseDashboard(ctx: EmploymentCtx): Promise<ClauseDashboard> {
  const sid = ctx.actor.structureId
  const operations = await operationSummaries(ctx.tx, sid)
  const companies = byCompany(await lotRows(ctx.tx, sid))
  const sum = (k: 'requiredHours' | 'doneHours') => Math.round(operations.reduce((s, o) => s + o[k], 0) * 100) / 100
  return {
    operations,
    companies,
    totals: {
      requiredHours: sum('requiredHours'),
      doneHours: sum('doneHours'),
      participants: await countWorkers(ctx.tx, sid),
      contracts: await countContracts(ctx.tx, sid),
      sites: new Set(operations.map((o) => o.siteLabel)).size,
    },
  }
}

/** The operation's figures without its people (the PDF and the detail share them). */
export async function operationFigures(ctx: EmploymentCtx, id: string) {
  const sid = ctx.actor.structureId
  const [summary] = await operationSummaries(ctx.tx, sid, id)
  if (!summary) throw notFound('Cette opération')
  const lots = await lotRows(ctx.tx, sid, id)
  return {
    summary,
    lots,
    companies: byCompany(lots),
    participants: await participantRows(ctx.tx, sid, id),
    contracts: await contractRows(ctx.tx, sid, id),
    months: await monthRows(ctx.tx, sid, id),
  }
}

export async function readClauseOperation(ctx: EmploymentCtx, id: string): Promise<ClauseOperationDetail> {
  const f = await operationFigures(ctx, id)
  await auditSensitiveCriteria(ctx, f.participants)
  return {
    ...f.summary,
    lots: f.lots,
    participants: f.participants,
    contracts: f.contracts,
    statements: await statementRows(ctx.tx, ctx.actor.structureId, id),
    months: f.months,
    companies: f.companies,
  }
}

const operationValues = (b: OperationInput) => ({
  name: b.name,
  contracting_authority: b.contractingAuthority,
  contract_ref: b.contractRef,
  site_label: b.siteLabel,
  commune_name: b.communeName,
  starts_on: b.startsOn,
  ends_on: b.endsOn,
  status: b.status,
})

export async function createClauseOperation(ctx: EmploymentCtx, b: OperationInput) {
  const row = await ctx.tx
    .insertInto('clause_operation')
    .values({
      structure_id: ctx.actor.structureId,
      ...operationValues(b),
      commune_code: null,
      facilitator_id: ctx.actor.userId,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.audit({ action: 'create', entity: 'clause_operation', entityId: row.id })
  return readClauseOperation(ctx, row.id)
}

/** An update guarded by the version read: 404 when the row is not the structure's, 409 when it changed since. */
async function guardedUpdate(
  ctx: EmploymentCtx,
  table: 'clause_operation' | 'clause_lot' | 'clause_participant',
  id: string,
  version: number,
  values: Record<string, unknown>,
  what: string,
) {
  const done = await ctx.tx
    .updateTable(table)
    .set({ ...values, version: version + 1 } as never)
    .where('structure_id', '=', ctx.actor.structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
  if (done) return
  const exists = await ctx.tx
    .selectFrom(table)
    .select('id')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('id', '=', id)
    .executeTakeFirst()
  throw exists ? versionConflict() : notFound(what)
}

export async function changeClauseOperation(ctx: EmploymentCtx, id: string, b: z.output<typeof clauseOperationUpdate>) {
  await guardedUpdate(ctx, 'clause_operation', id, b.version, operationValues(b), 'Cette opération')
  await ctx.audit({ action: 'update', entity: 'clause_operation', entityId: id })
  return readClauseOperation(ctx, id)
}

async function checkEmployer(ctx: EmploymentCtx, employerId: string | null) {
  if (!employerId) return
  const found = await ctx.tx
    .selectFrom('employer')
    .select('id')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('id', '=', employerId)
    .executeTakeFirst()
  if (!found) throw invalid('employerId', 'Entreprise inconnue.')
}

const lotOf = async (ctx: EmploymentCtx, lotId: string) => {
  const lot = await ctx.tx
    .selectFrom('clause_lot')
    .select(['id', 'operation_id'])
    .where('structure_id', '=', ctx.actor.structureId)
    .where('id', '=', lotId)
    .executeTakeFirst()
  return lot
}

export async function createClauseLot(ctx: EmploymentCtx, operationId: string, b: LotInput) {
  const [op] = await operationSummaries(ctx.tx, ctx.actor.structureId, operationId)
  if (!op) throw notFound('Cette opération')
  await checkEmployer(ctx, b.employerId)
  const row = await ctx.tx
    .insertInto('clause_lot')
    .values({
      structure_id: ctx.actor.structureId,
      operation_id: operationId,
      label: b.label,
      employer_id: b.employerId,
      required_hours: b.requiredHours,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.audit({ action: 'create', entity: 'clause_lot', entityId: row.id, detail: { operationId } })
  return readClauseOperation(ctx, operationId)
}

export async function changeClauseLot(ctx: EmploymentCtx, id: string, b: z.output<typeof clauseLotUpdate>) {
  const lot = await lotOf(ctx, id)
  if (!lot) throw notFound('Ce lot')
  await checkEmployer(ctx, b.employerId)
  const values = { label: b.label, employer_id: b.employerId, required_hours: b.requiredHours }
  await guardedUpdate(ctx, 'clause_lot', id, b.version, values, 'Ce lot')
  await ctx.audit({ action: 'update', entity: 'clause_lot', entityId: id })
  return readClauseOperation(ctx, lot.operation_id)
}

/** The structure's participants (every operation), their criterion and their hours. */
export async function clauseParticipants(ctx: EmploymentCtx) {
  const rows = await participantRows(ctx.tx, ctx.actor.structureId)
  await auditSensitiveCriteria(ctx, rows)
  return rows
}

async function participantById(ctx: EmploymentCtx, id: string) {
  const rows = await participantRows(ctx.tx, ctx.actor.structureId)
  const p = rows.find((r) => r.id === id)
  if (!p) throw notFound('Ce participant')
  await auditSensitiveCriteria(ctx, [p])
  return p
}

export async function createClauseParticipant(ctx: EmploymentCtx, b: z.output<typeof clauseParticipantInput>) {
  await loadEmploymentPerson(ctx, b.personId)
  const already = await ctx.tx
    .selectFrom('clause_participant')
    .select('id')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('person_id', '=', b.personId)
    .executeTakeFirst()
  if (already) throw conflict('personId', 'Cette personne est déjà participante aux clauses.')
  const row = await ctx.tx
    .insertInto('clause_participant')
    .values({
      structure_id: ctx.actor.structureId,
      person_id: b.personId,
      criterion: b.criterion,
      validated_on: b.validatedOn,
      validated_by: ctx.actor.userId,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.audit({
    action: 'create',
    entity: 'clause_participant',
    entityId: row.id,
    detail: { personId: b.personId },
  })
  return participantById(ctx, row.id)
}

export async function changeClauseParticipant(
  ctx: EmploymentCtx,
  id: string,
  b: z.output<typeof clauseParticipantUpdate>,
) {
  const values = { criterion: b.criterion, validated_on: b.validatedOn, validated_by: ctx.actor.userId }
  await guardedUpdate(ctx, 'clause_participant', id, b.version, values, 'Ce participant')
  await ctx.audit({ action: 'update', entity: 'clause_participant', entityId: id })
  return participantById(ctx, id)
}

export async function createClauseContract(ctx: EmploymentCtx, b: z.output<typeof clauseContractInput>) {
  const lot = await lotOf(ctx, b.lotId)
  if (!lot) throw invalid('lotId', 'Lot inconnu.')
  await loadEmploymentPerson(ctx, b.personId)
  const participant = await ctx.tx
    .selectFrom('clause_participant')
    .select('id')
    .where('structure_id', '=', ctx.actor.structureId)
    .where('person_id', '=', b.personId)
    .executeTakeFirst()
  if (!participant)
    throw invalid('personId', 'Cette personne n’est pas participante aux clauses : validez d’abord son éligibilité.')
  const row = await ctx.tx
    .insertInto('clause_contract')
    .values({
      structure_id: ctx.actor.structureId,
      lot_id: b.lotId,
      person_id: b.personId,
      contract_kind: b.contractKind,
      starts_on: b.startsOn,
      duration_months: b.durationMonths,
      placement_id: null,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await ctx.audit({ action: 'create', entity: 'clause_contract', entityId: row.id, detail: { lotId: b.lotId } })
  return readClauseOperation(ctx, lot.operation_id)
}

/** The facilitator's home block (docs/employment/clauses.md « Home »): this year's hours, last month's statements missing. */
export async function clauseHome(ctx: EmploymentCtx): Promise<ClauseHome> {
  const day = todayOf(ctx)
  const year = day.slice(0, 4)
  const [y, m] = day.split('-').map(Number) as [number, number]
  const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  const sid = ctx.actor.structureId
  return {
    year: Number(year),
    operations: await operationsThisYear(ctx.tx, sid, year),
    lastMonth: last,
    missing: await missingStatements(ctx.tx, sid, last),
  }
}
