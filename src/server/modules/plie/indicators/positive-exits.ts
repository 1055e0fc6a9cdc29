import { sql } from 'kysely'
import { enrolmentExitReasons, positiveExitReasons } from '../../../../shared/accompaniment/situations.schema.ts'
import { calendarYear, isCalendarYear, yearOf } from '../../../../shared/reporting/period.ts'
import type { Period, ResultTable, Row } from '../../../../shared/reporting/reporting.schema.ts'
import { contextKey, type IndicatorContext, type IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, shareColumn, shareFigure } from '../../../reporting/tables.ts'
import { contractExitReasons, exitedIn, pathwayRows, reasonIn } from './pathways.ts'

// Positive exits: by type, by year over five years and by priority public × type ("détail des sorties positives",
// "Évolution sur 5 ans", "publics prioritaires"), each grouped as the 2009 report prints it.

const priorityPublics = [
  { key: 'rsa', label: 'Allocataires du RSA' },
  { key: 'disabled_worker', label: 'Travailleurs handicapés' },
  { key: 'priority_area', label: 'Quartiers prioritaires' },
] as const

type Counts = Record<string, { n: number; rsa: number; disabled_worker: number; priority_area: number }>

/** Positive exits dated in the period, by reason, with the priority publics on entry. */
function byReason(ctx: IndicatorContext, period: Period): Promise<Counts> {
  return ctx.memo(`plie.positive_exits ${contextKey({ ...ctx, period })}`, async () => {
    const { rows } = await sql<{ reason: string; n: number; rsa: number; dw: number; pa: number }>`
      select f.exit_reason as reason, count(*) as n, count(*) filter (where f.rsa) as rsa,
        count(*) filter (where f.disabled_worker) as dw, count(*) filter (where f.priority_area) as pa
      from (${pathwayRows(ctx, period)}) as f
      where ${exitedIn(period)} and ${reasonIn(positiveExitReasons)}
      group by f.exit_reason`.execute(ctx.q)
    const out: Counts = {}
    for (const code of positiveExitReasons) out[code] = { n: 0, rsa: 0, disabled_worker: 0, priority_area: 0 }
    for (const r of rows)
      out[r.reason] = {
        n: Number(r.n),
        rsa: Number(r.rsa),
        disabled_worker: Number(r.dw),
        priority_area: Number(r.pa),
      }
    return out
  })
}

const label = (code: string) => enrolmentExitReasons.labels[code as keyof typeof enrolmentExitReasons.labels]
const sum = (c: Counts, codes: readonly string[], k: keyof Counts[string] = 'n') =>
  codes.reduce((s, code) => s + (c[code]?.[k] ?? 0), 0)

function byTypeTable(c: Counts): ResultTable {
  const total = sum(c, positiveExitReasons)
  const row = (key: string, rowLabel: string, n: number, extra: Partial<Row> = {}): Row => ({
    key,
    label: rowLabel,
    values: [n, percent(n, total)],
    ...extra,
  })
  return {
    key: 'byType',
    title: 'Détail des sorties positives',
    rowHeader: 'Type de sortie',
    columns: [countColumn('count', 'Sorties'), shareColumn('share', '%', 'count')],
    rows: [
      row('contracts', 'Contrats de droit commun de plus de 6 mois', sum(c, contractExitReasons)),
      ...contractExitReasons.map((code) => row(code, label(code), sum(c, [code]), { parent: 'contracts' })),
      ...['cirma', 'qualifying_training', 'business_creation'].map((code) => row(code, label(code), sum(c, [code]))),
      row('total', 'Total', total, { total: true }),
    ],
  }
}

/** The five-year table's lines: CDD over 6 months and long interim together, CIRMA and business creation together. */
const yearLines = [
  { key: 'cdi', label: 'CDI', codes: ['cdi'] },
  {
    key: 'cdd_over_6_months',
    label: 'CDD de plus de 6 mois (intérim long compris)',
    codes: ['cdd_over_6_months', 'interim_1215h'],
  },
  { key: 'work_study', label: 'Contrat en alternance', codes: ['work_study'] },
  { key: 'qualifying_training', label: 'Formation qualifiante', codes: ['qualifying_training'] },
  { key: 'cirma_or_business_creation', label: 'CIRMA ou création d’entreprise', codes: ['cirma', 'business_creation'] },
]

function byYearTable(years: number[], counts: Counts[]): ResultTable {
  return {
    key: 'byYear',
    title: 'Évolution des sorties positives sur 5 ans',
    rowHeader: 'Type de sortie',
    columns: years.map((y) => countColumn(String(y), String(y))),
    rows: [
      ...yearLines.map((l) => ({ key: l.key, label: l.label, values: counts.map((c) => sum(c, l.codes)) })),
      { key: 'total', label: 'Total', values: counts.map((c) => sum(c, positiveExitReasons)), total: true },
    ],
    note: 'Années civiles entières, quelle que soit la période demandée.',
  }
}

/** The priority publics' table: CDD over 6 months and long interim apart, as the report prints it. */
const publicLines = [
  'cdi',
  'cdd_over_6_months',
  'work_study',
  'qualifying_training',
  'interim_1215h',
  'cirma',
  'business_creation',
]

function byPriorityPublicTable(c: Counts): ResultTable {
  return {
    key: 'byPriorityPublic',
    title: 'Sorties positives des publics prioritaires',
    rowHeader: 'Type de sortie',
    columns: priorityPublics.map((p) => countColumn(p.key, p.label)),
    rows: [
      ...publicLines.map((code) => ({
        key: code,
        label: label(code),
        values: priorityPublics.map((p) => sum(c, [code], p.key)),
      })),
      {
        key: 'total',
        label: 'Total',
        values: priorityPublics.map((p) => sum(c, positiveExitReasons, p.key)),
        total: true,
      },
    ],
    note: 'Public au jour d’entrée du parcours ; une personne peut relever de plusieurs publics (colonnes non cumulables).',
    sensitive: true,
  }
}

export const pliePositiveExits: IndicatorDeclaration = {
  id: 'plie.positive_exits',
  family: 'plie',
  label: 'Sorties positives du PLIE',
  valueLabel: 'Sorties positives',
  definition:
    'Parcours PLIE sortis dans la période avec un motif positif : CDI, CDD de plus de 6 mois, contrat en alternance, ' +
    'intérim d’au moins 1215 heures sur 12 mois, CIRMA, formation qualifiante de plus de 6 mois, création ' +
    'd’entreprise ; par type (nombre et part), par année sur les 5 années civiles qui se terminent avec celle de la ' +
    'période, et par public prioritaire (allocataire du RSA, travailleur handicapé, quartier prioritaire) × type.',
  population:
    'Parcours PLIE (programme de nature PLIE) dont la date de sortie tombe dans la période, des personnes du ' +
    'périmètre demandé ; chaque année du tableau sur 5 ans est comptée sur sa propre population.',
  breakdowns: ['type de sortie', 'année (5 ans)', 'public prioritaire × type'],
  notes: [
    'Contrats de droit commun de plus de 6 mois : CDI, CDD de plus de 6 mois, alternance, intérim d’au moins 1215 h.',
    'Sur 5 ans, l’intérim long est compté avec les CDD de plus de 6 mois, et la CIRMA avec la création ' +
      'd’entreprise, comme dans le rapport ; le tableau des publics prioritaires les donne à part.',
    'Public prioritaire au jour d’entrée du parcours (statut RSA ou RQTH couvrant ce jour ; quartier prioritaire : ' +
      'l’indication du dossier).',
  ],
  async compute(ctx) {
    const c = await byReason(ctx, ctx.period)
    const last = yearOf(ctx.period.to)
    const years = [last - 4, last - 3, last - 2, last - 1, last]
    const perYear: Counts[] = []
    for (const y of years) {
      const same = isCalendarYear(ctx.period) && ctx.period.from === calendarYear(y).from
      perYear.push(same ? c : await byReason(ctx, calendarYear(y)))
    }
    const total = sum(c, positiveExitReasons)
    const contracts = sum(c, contractExitReasons)
    return {
      value: total,
      figures: [
        countFigure('positiveExits', 'Sorties positives', total),
        countFigure('contracts', 'Sorties en contrat de droit commun de plus de 6 mois', contracts),
        shareFigure('contractsShare', 'Part des contrats de droit commun de plus de 6 mois', contracts, total),
      ],
      tables: [byTypeTable(c), byYearTable(years, perYear), byPriorityPublicTable(c)],
    }
  },
}
