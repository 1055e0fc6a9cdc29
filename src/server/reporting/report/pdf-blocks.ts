import type {
  Figure,
  IndicatorResult,
  ObjectiveResult,
  ResultTable,
} from '../../../shared/reporting/reporting.schema.ts'
import { formatNumber, formatValue, SECRET_LEGEND } from './format.ts'

// pdfmake content blocks for one indicator's figures, objectives and tables.

export type Content = Record<string, unknown> | string | Content[]

const BLUE = '#1f4e79'
const LIGHT = '#e8eef5'

export const tableLayout = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i <= 1 ? BLUE : '#b0b8c4'),
  paddingTop: () => 3,
  paddingBottom: () => 3,
  paddingLeft: () => 4,
  paddingRight: () => 4,
}

const header = (text: string, alignment: 'left' | 'right' = 'right') => ({
  text,
  bold: true,
  color: 'white',
  fillColor: BLUE,
  alignment,
  fontSize: 8.5,
})

/** A result table: header row, rows (subtotals in bold, details indented, the total on a tinted line). */
export function tableBlock(table: ResultTable): Content {
  const parents = new Set(table.rows.map((r) => r.parent).filter(Boolean))
  const depth = (key: string | undefined): number => {
    const row = table.rows.find((r) => r.key === key)
    return row?.parent ? 1 + depth(row.parent) : 0
  }
  const body = [
    [header(table.rowHeader, 'left'), ...table.columns.map((c) => header(c.label))],
    ...table.rows.map((row) => {
      const strong = !!row.total || parents.has(row.key)
      const fill = row.total ? LIGHT : undefined
      return [
        { text: row.label, bold: strong, fillColor: fill, margin: [depth(row.key) * 10, 0, 0, 0] },
        ...table.columns.map((c, i) => ({
          text: formatValue(row.values[i], c.kind, c.decimals, row.hidden?.includes(i)),
          alignment: 'right',
          bold: strong,
          fillColor: fill,
          noWrap: true,
        })),
      ]
    }),
  ]
  return {
    stack: [
      { text: table.title, style: 'tableTitle' },
      {
        table: { headerRows: 1, widths: ['*', ...table.columns.map(() => 'auto')], body, dontBreakRows: true },
        layout: tableLayout,
        fontSize: 8.5,
      },
      ...(table.note ? [{ text: table.note, style: 'note' }] : []),
      ...(table.rows.some((r) => r.hidden?.length) ? [{ text: SECRET_LEGEND, style: 'note' }] : []),
    ],
    unbreakable: table.rows.length < 26,
    margin: [0, 0, 0, 10],
  }
}

/** Key figures: one line each, the value in bold. */
export function figuresBlock(figures: Figure[], headline?: { label: string; value: string }): Content | null {
  if (!figures.length && !headline) return null
  const lines = [
    ...(headline
      ? [
          [
            { text: headline.value, style: 'keyValue' },
            { text: headline.label, style: 'keyLabel' },
          ],
        ]
      : []),
    ...figures.map((f) => [
      { text: formatValue(f.value, f.kind, f.decimals, f.hidden), style: 'keyValue' },
      { text: f.label, style: 'keyLabel' },
    ]),
  ]
  return {
    table: { widths: [70, '*'], body: lines },
    layout: { ...tableLayout, hLineWidth: () => 0, paddingTop: () => 2, paddingBottom: () => 2 },
    margin: [0, 2, 0, 10],
  }
}

/** Objectives of a funder agreement against the result: objective, result, gap, rate. */
export function objectivesBlock(objectives: ObjectiveResult[]): Content | null {
  if (!objectives.length) return null
  const n = (v: number | null, suffix = '') =>
    v === null ? 's' : `${formatNumber(v, Number.isInteger(v) ? 0 : 1)}${suffix}`
  const body = [
    ['Objectif', 'Convention', 'Cible', 'Résultat', 'Écart', 'Taux'].map((t, i) => header(t, i < 2 ? 'left' : 'right')),
    ...objectives.map((o) => [
      o.label,
      `${o.agreement} (${o.funder})`,
      { text: `${n(o.target)}${o.prorated ? ' *' : ''}`, alignment: 'right' },
      { text: n(o.result), alignment: 'right' },
      { text: o.gap === null ? 's' : `${o.gap > 0 ? '+' : ''}${n(o.gap)}`, alignment: 'right' },
      { text: n(o.rate, '\u00a0%'), alignment: 'right', bold: true },
    ]),
  ]
  const prorated = objectives.some((o) => o.prorated)
  return {
    stack: [
      { text: 'Objectifs', style: 'tableTitle' },
      {
        table: { headerRows: 1, widths: ['*', '*', 'auto', 'auto', 'auto', 'auto'], body },
        layout: tableLayout,
        fontSize: 8.5,
      },
      ...(prorated ? [{ text: '* objectif annuel au prorata des jours de la période', style: 'note' }] : []),
    ],
    unbreakable: true,
    margin: [0, 0, 0, 10],
  }
}

export function hasHidden(r: IndicatorResult): boolean {
  return (
    r.value === null || r.figures.some((f) => f.hidden) || r.tables.some((t) => t.rows.some((x) => x.hidden?.length))
  )
}
