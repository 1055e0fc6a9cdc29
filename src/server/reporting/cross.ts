import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { CrossResult } from '../../shared/reporting/cross.schema.ts'
import type { Period, Scope } from '../../shared/reporting/reporting.schema.ts'
import { AppError } from '../errors.ts'
import {
  type CrossDimension,
  type CrossSpec,
  createMemo,
  type IndicatorContext,
  type IndicatorDeclaration,
  type Q,
} from './indicator.ts'

// Any two breakdowns of an indicator crossed (level × site, age band × sex…), counted in persons, and the persons
// behind one cell. The indicator declares its persons and their breakdowns once (`cross` in its declaration); the
// figures of the cross are the same persons its tables count, read from the raw rows (not the facts).

export interface CrossOptions {
  structureId: string
  period: Period
  scope: Scope
}

function contextOf(q: Q, o: CrossOptions): IndicatorContext {
  return {
    q,
    structureId: o.structureId,
    structureIds: [o.structureId],
    period: o.period,
    scope: o.scope,
    facts: false,
    memo: createMemo(),
  }
}

/** The indicator's cross declaration and the two dimensions asked, or 400 naming the field. */
export function crossDimensions(decl: IndicatorDeclaration, rows: string, columns: string) {
  const spec = decl.cross
  if (!spec)
    throw new AppError('validation', 'Cet indicateur ne se croise pas.', [
      { field: 'id', message: 'Indicateur sans croisement.' },
    ])
  const find = (key: string, field: string) => {
    const d = spec.dimensions.find((x) => x.key === key)
    if (!d)
      throw new AppError('validation', 'Ventilation inconnue pour cet indicateur.', [
        { field, message: 'Ventilation inconnue.' },
      ])
    return d
  }
  return { spec, row: find(rows, 'rows'), column: find(columns, 'columns') }
}

/** The values of a dimension in display order with their labels: its code list, then the values met, by label. */
async function linesOf(q: Q, structureId: string, d: CrossDimension, met: Set<string>) {
  let labels: { key: string; label: string }[] = d.values ?? []
  if (d.from === 'site')
    labels = (
      await q
        .selectFrom('site')
        .select(['id', 'name'])
        .where('structure_id', '=', structureId)
        .orderBy('name')
        .orderBy('id')
        .execute()
    ).map((s) => ({ key: s.id, label: s.name }))
  const known = new Set(labels.map((l) => l.key))
  const extra = [...met].filter((k) => !known.has(k)).map((k) => ({ key: k, label: k }))
  // a code list's empty lines are kept (the same lines every time); sites only when someone is in them
  const listed = d.from === 'site' ? labels.filter((l) => met.has(l.key)) : labels
  return [...listed, ...extra.sort((a, b) => a.label.localeCompare(b.label, 'fr'))]
}

/** Persons per pair of values (count of distinct persons: a person is in one cell per dimension). */
export async function crossIndicator(
  q: Q,
  decl: IndicatorDeclaration,
  o: CrossOptions,
  rowsKey: string,
  columnsKey: string,
): Promise<Omit<CrossResult, 'canOpenPersons'>> {
  const { spec, row, column } = crossDimensions(decl, rowsKey, columnsKey)
  const facts = spec.rows(contextOf(q, o))
  const r = sql.ref(`f.${row.key}`)
  const c = sql.ref(`f.${column.key}`)
  const { rows } = await sql<{ r: string; c: string; n: number }>`
    SELECT ${r} AS r, ${c} AS c, count(DISTINCT f.person_id) AS n FROM (${facts}) AS f GROUP BY 1, 2`.execute(q)
  const count = new Map(rows.map((x) => [`${x.r}\u0000${x.c}`, Number(x.n)]))
  const rowLines = await linesOf(q, o.structureId, row, new Set(rows.map((x) => x.r)))
  const columnLines = await linesOf(q, o.structureId, column, new Set(rows.map((x) => x.c)))
  const cells = rowLines.map((rl) => columnLines.map((cl) => count.get(`${rl.key}\u0000${cl.key}`) ?? 0))
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
  return {
    indicatorId: decl.id,
    label: decl.label,
    rowDimension: { key: row.key, label: row.label },
    columnDimension: { key: column.key, label: column.label },
    rows: rowLines,
    columns: columnLines,
    cells,
    rowTotals: cells.map(sum),
    columnTotals: columnLines.map((_, j) => sum(cells.map((line) => line[j] ?? 0))),
    total: sum(cells.map(sum)),
  }
}

/**
 * The persons behind a cell, as a condition on the person row (`person.id IN (…)`): the row's value and the column's
 * value (either left out: that line's total, both: the whole cross). The reader's own scope is applied by the list
 * that uses it (persons/search.repository.ts: visiblePersons).
 */
export function cellCondition(
  q: Q,
  decl: IndicatorDeclaration,
  o: CrossOptions,
  cell: { rows: string; columns: string; row?: string; column?: string },
): RawBuilder<SqlBool> {
  const { spec, row, column } = crossDimensions(decl, cell.rows, cell.columns)
  const facts = (spec as CrossSpec).rows(contextOf(q, o))
  const where: RawBuilder<SqlBool>[] = []
  if (cell.row !== undefined) where.push(sql<SqlBool>`${sql.ref(`f.${row.key}`)} = ${cell.row}`)
  if (cell.column !== undefined) where.push(sql<SqlBool>`${sql.ref(`f.${column.key}`)} = ${cell.column}`)
  const filter = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``
  return sql<SqlBool>`person.id IN (SELECT f.person_id FROM (${facts}) AS f ${filter})`
}
