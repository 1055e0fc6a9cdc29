import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { IndicatorResult, ResultTable } from '../../shared/reporting/reporting.schema.ts'
import { type Equation, protectResult, protectTable, suppress, tableEquations } from './secrecy.ts'
import { countColumn, distribution, shareColumn } from './tables.ts'

// Statistical secrecy: small counts hidden, and never recomputable from what is published.

/**
 * What an attacker gets back from a published table by subtraction: repeat "an equation with one unknown member gives
 * it" until nothing moves. Returns the cells still unknown.
 */
function unrecoverable(equations: Equation[], hidden: Set<number>): Set<number> {
  const unknown = new Set(hidden)
  let moved = true
  while (moved) {
    moved = false
    for (const eq of equations) {
      const members = [eq.total, ...eq.parts]
      const missing = members.filter((i) => unknown.has(i))
      if (missing.length === 1) {
        unknown.delete(missing[0])
        moved = true
      }
    }
  }
  return unknown
}

/** A rows × columns table of counts with its row totals, column totals and grand total. */
function crossTable(inner: number[][]): ResultTable {
  const cols = inner[0].length
  const rowTotal = (r: number[]) => r.reduce((s, v) => s + v, 0)
  const totals = Array.from({ length: cols }, (_, c) => inner.reduce((s, r) => s + r[c], 0))
  return {
    key: 't',
    title: 't',
    rowHeader: 'r',
    columns: [
      ...Array.from({ length: cols }, (_, c) => countColumn(`c${c}`, `c${c}`)),
      countColumn('total', 'Total', { total: true }),
      shareColumn('share', '%', 'total'),
    ],
    rows: [
      ...inner.map((r, i) => ({ key: `r${i}`, label: `r${i}`, values: [...r, rowTotal(r), 0] })),
      { key: 'total', label: 'Total', values: [...totals, rowTotal(totals), 100], total: true },
    ],
  }
}

function hiddenCells(table: ResultTable, published: ResultTable) {
  const w = table.columns.length
  const out = new Set<number>()
  published.rows.forEach((row, r) => {
    row.values.forEach((v, c) => {
      if (v === null && table.columns[c].kind === 'count') out.add(r * w + c)
    })
  })
  return out
}

describe('suppress', () => {
  it('hides counts from 1 to threshold − 1, not 0 and not the threshold itself', () => {
    const hidden = suppress([0, 1, 4, 5, 100], [], 5)
    expect([...hidden].sort()).toEqual([1, 2])
  })

  it('hides a complementary cell when an equation has a single hidden member, the smallest non-zero part first', () => {
    // total 30 = 3 + 12 + 15
    const hidden = suppress([30, 3, 12, 15], [{ total: 0, parts: [1, 2, 3] }], 5)
    expect([...hidden].sort()).toEqual([1, 2])
  })
})

describe('protectTable', () => {
  it('hides a small cell, its share, and complements in its row and column of a cross table', () => {
    const table = crossTable([
      [3, 40, 50],
      [20, 30, 60],
      [25, 35, 45],
    ])
    const { table: out, hidden } = protectTable(table, 5)
    const row0 = out.rows[0].values
    expect(row0[0]).toBeNull()
    expect(hidden).toBeGreaterThanOrEqual(4)
    // every line (row or column, totals included) has 0 or ≥ 2 hidden cells
    const { equations } = tableEquations(table)
    const h = hiddenCells(table, out)
    for (const eq of equations) expect([eq.total, ...eq.parts].filter((i) => h.has(i)).length).not.toBe(1)
    // the cell of 3 cannot be recomputed
    expect(unrecoverable(equations, h).has(0)).toBe(true)
  })

  it('hides the share derived from a hidden count and keeps the others', () => {
    const t = distribution({
      key: 'd',
      title: 'd',
      rowHeader: 'r',
      lines: [
        { key: 'a', label: 'a', n: 2 },
        { key: 'b', label: 'b', n: 40 },
        { key: 'c', label: 'c', n: 58 },
      ],
    })
    const out = protectTable(t, 5).table
    expect(out.rows[0].values).toEqual([null, null])
    expect(out.rows[1].values).toEqual([null, null])
    expect(out.rows[2].values).toEqual([58, 58])
    expect(out.rows[3].values).toEqual([100, 100])
  })

  it('follows row hierarchies (a subtotal is the sum of its children) and leaves non-additive columns alone', () => {
    const t: ResultTable = {
      key: 'h',
      title: 'h',
      rowHeader: 'r',
      columns: [countColumn('measures', 'm'), countColumn('persons', 'p', { additive: false })],
      rows: [
        { key: 'a', label: 'a', values: [2, 2], parent: 'ab' },
        { key: 'b', label: 'b', values: [30, 20], parent: 'ab' },
        { key: 'ab', label: 'ab', values: [32, 21] },
        { key: 'c', label: 'c', values: [50, 40] },
        { key: 'total', label: 'Total', values: [82, 55], total: true },
      ],
    }
    const out = protectTable(t, 5).table
    expect(out.rows.map((r) => r.values[0])).toEqual([null, null, 32, 50, 82])
    expect(out.rows.map((r) => r.values[1])).toEqual([null, 20, 21, 40, 55])
  })

  it('never lets a hidden cell be recomputed from row and column totals (random tables)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).chain(([r, c]) =>
          fc.array(
            fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 200 })), {
              minLength: c,
              maxLength: c,
            }),
            { minLength: r, maxLength: r },
          ),
        ),
        fc.integer({ min: 2, max: 11 }),
        (inner, threshold) => {
          const table = crossTable(inner)
          const { table: out } = protectTable(table, threshold)
          const { equations, cellOf } = tableEquations(table)
          const hidden = hiddenCells(table, out)
          const left = unrecoverable(equations, hidden)
          // every primary (small) cell stays unknown
          table.rows.forEach((row, r) => {
            row.values.forEach((v, c) => {
              if (table.columns[c].kind === 'count' && v !== null && v > 0 && v < threshold)
                expect(left.has(cellOf(r, c))).toBe(true)
            })
          })
          // and every hidden cell too (no hidden cell is given back by subtraction)
          expect(left.size).toBe(hidden.size)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('protectResult', () => {
  const result = (tables: ResultTable[]): IndicatorResult => ({
    id: 'x',
    label: 'x',
    period: { from: '2009-01-01', to: '2009-12-31' },
    value: 3,
    figures: [
      { key: 'small', label: 's', kind: 'share', decimals: 1, value: 42.9, count: 3 },
      { key: 'big', label: 'b', kind: 'share', decimals: 1, value: 57.1, count: 4 },
      { key: 'avg', label: 'a', kind: 'average', decimals: 1, value: 1.5 },
    ],
    tables,
    objectives: [
      {
        objectiveId: 'o',
        agreement: 'a',
        funder: 'f',
        subKey: null,
        label: 'x',
        target: 10,
        result: 3,
        gap: -7,
        rate: 30,
        prorated: false,
      },
    ],
  })
  const table = (n: number, sensitive?: boolean): ResultTable => ({
    ...distribution({
      key: 't',
      title: 't',
      rowHeader: 'r',
      lines: [
        { key: 'a', label: 'a', n },
        { key: 'b', label: 'b', n: 100 },
        { key: 'c', label: 'c', n: 100 },
      ],
    }),
    ...(sensitive ? { sensitive } : {}),
  })

  it('uses the higher threshold on a table crossing health, justice or welfare, or on a sensitive indicator', () => {
    const t = { threshold: 5, sensitiveThreshold: 11 }
    expect(protectResult(result([table(8)]), t, false).tables[0].rows[0].values[0]).toBe(8)
    expect(protectResult(result([table(8, true)]), t, false).tables[0].rows[0].values[0]).toBeNull()
    const sensitive = protectResult(result([table(8)]), t, true)
    expect(sensitive.tables[0].rows[0].values[0]).toBeNull()
    expect(sensitive.secrecy?.threshold).toBe(11)
  })

  it('hides small headline values, small shares and the objective result built on them', () => {
    const out = protectResult(result([]), { threshold: 4, sensitiveThreshold: 11 }, false)
    expect(out.value).toBeNull()
    expect(out.figures.map((f) => f.value)).toEqual([null, 57.1, 1.5])
    expect(out.objectives[0]).toMatchObject({ target: 10, result: null, gap: null, rate: null })
  })
})
