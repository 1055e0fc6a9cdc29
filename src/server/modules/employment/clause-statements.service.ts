import { sql } from 'kysely'
import type { ClauseStatementResult } from '../../../shared/employment/clauses.schema.ts'
import { AppError, notFound } from '../../errors.ts'
import { formatIssue, type ImportIssue, MAX_ISSUES, type Pos } from '../training/imports.model.ts'
import {
  birthDateOf,
  fold,
  hoursOf,
  monthOf,
  parseStatementCsv,
  parseStatementXlsx,
  type StatementColumn,
  type StatementFile,
} from './clause-statements.parse.ts'
import { insertStatement, lockStatements } from './clause-statements.repository.ts'
import { type EmploymentCtx, todayOf } from './employment-ctx.ts'

// The import of a company's monthly statement into an operation (docs/employment/clauses.md « Relevés »): every line
// is checked first (its lot, its participant, its month, its hours), then written in one savepoint of the request's
// transaction: the whole file or nothing. A line replaces the hours of its lot, person and month (a re-import of the
// same month gives the same totals). The file is recorded as one clause_statement per company and month it holds: the
// new version of that (operation, company, month), the list shows the latest. One import at a time per structure.

export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024

export type StatementFormat = 'csv' | 'xlsx'

/** The import was refused: nothing was written. */
class StatementRefused extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `Relevé refusé : ${issues.length}${issues.length >= MAX_ISSUES ? ' premières' : ''} erreur${issues.length > 1 ? 's' : ''}, rien n’a été importé.`,
    )
  }
}

interface CheckedLine {
  line: number
  lotId: string
  personId: string
  month: string
  hours: number
}

const fieldOf = (i: ImportIssue) => [i.file, i.line, i.column].filter((p) => p !== undefined && p !== '').join(':')

/** The file's lines against the operation's lots and the structure's participants; every error with its place. */
async function check(ctx: EmploymentCtx, operationId: string, f: StatementFile) {
  const sid = ctx.actor.structureId
  const issues = [...f.issues]
  const add = (pos: Pos, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ file: f.file, ...pos, message })
  }
  const lots = await ctx.tx
    .selectFrom('clause_lot as l')
    .leftJoin('employer as e', (j) =>
      j.onRef('e.structure_id', '=', 'l.structure_id').onRef('e.id', '=', 'l.employer_id'),
    )
    .select(['l.id', 'l.label', 'l.employer_id', 'e.siret'])
    .where('l.structure_id', '=', sid)
    .where('l.operation_id', '=', operationId)
    .execute()
  const people = await ctx.tx
    .selectFrom('clause_participant as p')
    .innerJoin('person as x', (j) => j.onRef('x.structure_id', '=', 'p.structure_id').onRef('x.id', '=', 'p.person_id'))
    .select(['x.id', 'x.last_name', 'x.first_name', 'x.birth_date'])
    .where('p.structure_id', '=', sid)
    .execute()
  const byIdentity = new Map<string, string[]>()
  for (const p of people) {
    const key = `${fold(p.last_name)}|${fold(p.first_name)}|${p.birth_date}`
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), p.id])
  }
  const thisMonth = `${todayOf(ctx).slice(0, 7)}-01`
  const seen = new Map<string, number>()
  const lines: CheckedLine[] = []
  for (const l of f.lines) {
    const at = (column: StatementColumn): Pos => ({ line: l.line, column })
    const v = l.values
    let lotIds = lots.map((x) => x.id)
    if (v.lot) {
      lotIds = lots.filter((x) => fold(x.label) === fold(v.lot!)).map((x) => x.id)
      if (!lotIds.length) add(at('lot'), `lot « ${v.lot} » inconnu dans cette opération`)
    }
    if (v.siret) {
      const siret = v.siret.replace(/\s/g, '')
      const bySiret = lots.filter((x) => x.siret === siret).map((x) => x.id)
      if (!/^\d{14}$/.test(siret)) add(at('siret'), `SIRET « ${v.siret} » : 14 chiffres attendus`)
      else if (!bySiret.length) add(at('siret'), `aucun lot de cette opération n’est attribué au SIRET ${siret}`)
      else if (v.lot && lotIds.length && !lotIds.some((id) => bySiret.includes(id)))
        add(at('siret'), `le lot « ${v.lot} » n’est pas attribué au SIRET ${siret}`)
      else if (!v.lot) lotIds = bySiret
    } else if (!v.lot) add(at(v.siret === undefined ? 'lot' : 'siret'), 'SIRET ou lot requis')
    if ((v.siret || v.lot) && lotIds.length > 1)
      add(at(v.lot ? 'lot' : 'siret'), 'plusieurs lots de cette opération : précisez la colonne lot')
    const birth = birthDateOf(v.date_naissance ?? '')
    if (!v.nom) add(at('nom'), 'nom requis')
    if (!v.prenom) add(at('prenom'), 'prénom requis')
    if (!birth) add(at('date_naissance'), `date de naissance « ${v.date_naissance ?? ''} » : JJ/MM/AAAA attendue`)
    let personId: string | undefined
    if (v.nom && v.prenom && birth) {
      const found = byIdentity.get(`${fold(v.nom)}|${fold(v.prenom)}|${birth}`) ?? []
      if (found.length === 1) personId = found[0]
      else
        add(
          at('nom'),
          found.length
            ? `plusieurs participants « ${v.nom} ${v.prenom} » nés le même jour`
            : `« ${v.nom} ${v.prenom} » n’est pas un participant aux clauses (nom, prénom, date de naissance)`,
        )
    }
    const month = monthOf(v.mois ?? '')
    if (!month) add(at('mois'), `mois « ${v.mois ?? ''} » : MM/AAAA attendu`)
    else if (month > thisMonth) add(at('mois'), `mois ${v.mois} : à venir`)
    const hours = hoursOf(v.heures ?? '')
    if (hours === null) add(at('heures'), `heures « ${v.heures ?? ''} » : un nombre (7,5) attendu`)
    else if (hours > 744) add(at('heures'), `${v.heures} heures : 744 au plus dans un mois`)
    if (lotIds.length === 1 && personId && month && hours !== null) {
      const key = `${lotIds[0]}|${personId}|${month}`
      const first = seen.get(key)
      if (first) add(at('mois'), `même lot, personne et mois qu’à la ligne ${first}`)
      else seen.set(key, l.line)
      lines.push({ line: l.line, lotId: lotIds[0]!, personId, month, hours })
    }
  }
  return { issues, lines, employerOf: new Map(lots.map((l) => [l.id, l.employer_id])) }
}

/** The lines by the company of their lot and their month: one statement each (docs « Relevés »). */
function byCompanyMonth(lines: CheckedLine[], employerOf: Map<string, string | null>) {
  const groups = new Map<string, { employerId: string | null; period: string; lines: CheckedLine[] }>()
  for (const l of lines) {
    const employerId = employerOf.get(l.lotId) ?? null
    const period = l.month.slice(0, 7)
    const key = `${employerId ?? ''}|${period}`
    const g = groups.get(key) ?? { employerId, period, lines: [] }
    g.lines.push(l)
    groups.set(key, g)
  }
  return [...groups.values()].sort((a, b) => a.period.localeCompare(b.period))
}

async function apply(
  ctx: EmploymentCtx,
  operationId: string,
  lines: CheckedLine[],
  employerOf: Map<string, string | null>,
  file: string,
) {
  const sid = ctx.actor.structureId
  await lockStatements(ctx.tx, sid)
  const statementIds: string[] = []
  let created = 0
  for (const g of byCompanyMonth(lines, employerOf)) {
    const statement = await insertStatement(ctx.tx, {
      structure_id: sid,
      operation_id: operationId,
      employer_id: g.employerId,
      period: g.period,
      file_name: file,
      imported_at: ctx.now,
      imported_by: ctx.actor.userId ?? null,
      row_count: g.lines.length,
    })
    statementIds.push(statement.id)
    for (const l of g.lines) {
      const row = await ctx.tx
        .insertInto('clause_hours')
        .values({
          structure_id: sid,
          lot_id: l.lotId,
          person_id: l.personId,
          month: l.month,
          hours: l.hours,
          statement_id: statement.id,
          recorded_by: ctx.actor.userId ?? null,
          recorded_at: ctx.now,
          external_id: null,
        })
        .onConflict((oc) =>
          oc.constraint('clause_hours_month_key').doUpdateSet({
            hours: l.hours,
            statement_id: statement.id,
            recorded_by: ctx.actor.userId ?? null,
            recorded_at: ctx.now,
            version: sql`clause_hours.version + 1`,
          }),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .executeTakeFirstOrThrow()
      if (row.inserted) created++
    }
  }
  return { statementIds, created, replaced: lines.length - created }
}

export async function readStatement(format: StatementFormat, data: Buffer | string, file: string) {
  return format === 'xlsx'
    ? parseStatementXlsx(Buffer.isBuffer(data) ? data : Buffer.from(data), file)
    : parseStatementCsv(Buffer.isBuffer(data) ? data.toString('utf8') : data, file)
}

/** Imports a statement into an operation, whole or not at all; a refusal answers 400 with every error's place. */
export async function importStatement(
  ctx: EmploymentCtx,
  operationId: string,
  format: StatementFormat,
  data: Buffer | string,
  file: string,
): Promise<ClauseStatementResult> {
  const operation = await ctx.tx
    .selectFrom('clause_operation')
    .select(['id'])
    .where('structure_id', '=', ctx.actor.structureId)
    .where('id', '=', operationId)
    .executeTakeFirst()
  if (!operation) throw notFound('Cette opération')
  const detail = { operationId, format, file, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length }
  await sql`SAVEPOINT clause_statement`.execute(ctx.tx)
  try {
    const parsed = await readStatement(format, data, file)
    const { issues, lines, employerOf } = await check(ctx, operationId, parsed)
    if (issues.length) throw new StatementRefused(issues)
    const r = await apply(ctx, operationId, lines, employerOf, file)
    await sql`RELEASE SAVEPOINT clause_statement`.execute(ctx.tx)
    const months = [...new Set(lines.map((l) => l.month))].sort()
    const hours = Math.round(lines.reduce((s, l) => s + l.hours, 0) * 100) / 100
    await ctx.audit({
      action: 'import',
      entity: 'clause_statement',
      entityId: r.statementIds[0],
      detail: {
        ...detail,
        rows: lines.length,
        created: r.created,
        replaced: r.replaced,
        months,
        statements: r.statementIds,
      },
    })
    return { ...r, fileName: file, rows: lines.length, months, hours }
  } catch (error) {
    if (!(error instanceof StatementRefused)) throw error
    await sql`ROLLBACK TO SAVEPOINT clause_statement`.execute(ctx.tx)
    await ctx.audit({
      action: 'import_refused',
      entity: 'clause_statement',
      detail: { ...detail, errors: error.issues.length },
    })
    throw new AppError(
      'validation',
      error.message,
      error.issues.map((i) => ({ field: fieldOf(i), message: formatIssue(i) })),
      true,
    )
  }
}
