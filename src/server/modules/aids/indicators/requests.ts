import { aidPurposes, aidTracks, fundKinds } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Column, ResultTable, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import {
  change,
  countColumn,
  countFigure,
  decimalsFor,
  percent,
  ratio,
  shareColumn,
  shareFigure,
  valueFigure,
} from '../../../reporting/tables.ts'
import { type AidRequestData, aidRequestData, type FundInfo, GRANTED, type RequestGroup } from './requests-data.ts'

// « Aides financières » (aid.requests): per fund, the requests asked in the period and their decision, the amounts
// granted and paid, by purpose, by track with the previous period, minors and adults, and the indirect aids.

const amountColumn = (key: string, label: string): Column => ({
  key,
  label,
  kind: 'amount',
  decimals: decimalsFor('amount'),
})
const euros = (cents: number) => Math.round(cents) / 100
const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0)
const isGranted = (g: RequestGroup) => (GRANTED as readonly string[]).includes(g.status)
const kindOrder = fundKinds.codes as readonly string[]

/** the funds with something to show, in the order of their kind (fundKinds), then by code */
function fundsShown(d: AidRequestData): FundInfo[] {
  const used = new Set([...d.groups.map((g) => g.code), ...d.paid.map((p) => p.code), ...d.indirect.map((i) => i.code)])
  return d.funds
    .filter((f) => used.has(f.code))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.code.localeCompare(b.code))
}

interface Tally {
  requests: number
  granted: number
  refused: number
  redirected: number
  other: number
  grantedCents: number
}
function tally(groups: readonly RequestGroup[]): Tally {
  const n = (ok: (g: RequestGroup) => boolean) => sum(groups.filter(ok), (g) => g.n)
  return {
    requests: n(() => true),
    granted: n(isGranted),
    refused: n((g) => g.status === 'refused'),
    redirected: n((g) => g.status === 'redirected'),
    other: n((g) => !isGranted(g) && g.status !== 'refused' && g.status !== 'redirected'),
    grantedCents: sum(groups, (g) => g.grantedCents),
  }
}

function byFundTable(funds: FundInfo[], current: RequestGroup[], paidOf: (code: string) => number): ResultTable {
  const line = (key: string, label: string, t: Tally, paid: number): Row => ({
    key,
    label,
    values: [t.requests, t.granted, t.refused, t.redirected, t.other, euros(t.grantedCents), euros(paid)],
  })
  const rows = funds.map((f) => line(f.code, f.name, tally(current.filter((g) => g.code === f.code)), paidOf(f.code)))
  rows.push({
    ...line(
      'total',
      'Total',
      tally(current),
      sum(funds, (f) => paidOf(f.code)),
    ),
    total: true,
  })
  return {
    key: 'byFund',
    title: 'Demandes et décisions par fonds',
    rowHeader: 'Fonds',
    columns: [
      countColumn('requests', 'Demandes', { total: true }),
      countColumn('granted', 'Accordées'),
      countColumn('refused', 'Refusées (hors critères)'),
      countColumn('redirected', 'Réorientées'),
      countColumn('other', 'En cours ou annulées'),
      amountColumn('amountGranted', 'Montant accordé'),
      amountColumn('amountPaid', 'Montant payé'),
    ],
    rows,
    note:
      'Demandes déposées dans la période, avec leur décision à ce jour. Payé : paiements datés de la période, ' +
      'contre-passations déduites.',
  }
}

function byPurposeTable(funds: FundInfo[], current: RequestGroup[]): ResultTable {
  const rows: Row[] = []
  for (const f of funds) {
    const mine = current.filter((g) => g.code === f.code)
    const all = tally(mine)
    const line = (key: string, label: string, t: Tally, parent?: string): Row => ({
      key,
      label,
      values: [
        t.requests,
        percent(t.requests, all.requests),
        t.granted,
        euros(t.grantedCents),
        percent(t.grantedCents, all.grantedCents),
      ],
      ...(parent ? { parent } : {}),
    })
    rows.push(line(f.code, f.name, all))
    const purposes = [...new Set(mine.map((g) => g.purpose))].sort(
      (a, b) => aidPurposes.codes.indexOf(a as never) - aidPurposes.codes.indexOf(b as never),
    )
    for (const p of purposes) {
      const label = (aidPurposes.labels as Record<string, string>)[p] ?? p
      rows.push(line(`${f.code}.${p}`, label, tally(mine.filter((g) => g.purpose === p)), f.code))
    }
  }
  const all = tally(current)
  rows.push({
    key: 'total',
    label: 'Total',
    values: [all.requests, null, all.granted, euros(all.grantedCents), null],
    total: true,
  })
  return {
    key: 'byPurpose',
    title: 'Finalité des aides par fonds',
    rowHeader: 'Fonds et finalité',
    columns: [
      countColumn('requests', 'Demandes'),
      shareColumn('requestsShare', '% des demandes du fonds', 'requests'),
      countColumn('granted', 'Accordées'),
      amountColumn('amountGranted', 'Montant accordé'),
      shareColumn('amountShare', '% du montant du fonds', 'granted'),
    ],
    rows,
  }
}

function byTrackTable(d: AidRequestData, funds: FundInfo[]): ResultTable {
  const rows: Row[] = []
  for (const f of funds) {
    const mine = d.groups.filter((g) => g.code === f.code)
    const contracts = d.contracts.find((c) => c.code === f.code)
    const line = (key: string, label: string, ok: (g: RequestGroup) => boolean, parent?: string): Row => {
      const now = tally(mine.filter((g) => g.current && ok(g)))
      const before = tally(mine.filter((g) => !g.current && ok(g)))
      const withContract = key.endsWith('.reinforced') || !parent ? (contracts?.n ?? 0) : 0
      const months = key.endsWith('.reinforced') || !parent ? (contracts?.months ?? 0) : 0
      return {
        key,
        label,
        values: [
          now.requests,
          before.requests,
          change(now.requests, before.requests),
          now.granted,
          euros(now.grantedCents),
          euros(before.grantedCents),
          change(now.grantedCents, before.grantedCents),
          withContract,
          ratio(months, withContract),
        ],
        ...(parent ? { parent } : {}),
      }
    }
    rows.push(line(f.code, f.name, () => true))
    for (const t of aidTracks.codes)
      if (mine.some((g) => g.track === t))
        rows.push(line(`${f.code}.${t}`, aidTracks.labels[t], (g) => g.track === t, f.code))
  }
  return {
    key: 'byTrack',
    title: 'Demandes par fonds et par circuit, comparées à la période précédente',
    rowHeader: 'Fonds et circuit',
    columns: [
      countColumn('requests', 'Demandes'),
      countColumn('previousRequests', 'Demandes, période précédente'),
      { key: 'requestsChange', label: 'Évolution des demandes (%)', kind: 'change', decimals: decimalsFor('change') },
      countColumn('granted', 'Accordées'),
      amountColumn('amountGranted', 'Montant accordé'),
      amountColumn('previousAmountGranted', 'Montant accordé, période précédente'),
      { key: 'amountChange', label: 'Évolution du montant (%)', kind: 'change', decimals: decimalsFor('change') },
      countColumn('contracts', 'Contrats (aide renforcée)'),
      {
        key: 'averageMonths',
        label: 'Durée moyenne (mois)',
        kind: 'average',
        decimals: decimalsFor('average'),
        of: 'contracts',
      },
    ],
    rows,
    note:
      'Période précédente : la période de même longueur juste avant (l’année précédente pour une année civile). ' +
      'Contrats : aides renforcées accordées dont le contrat est enregistré, et leur durée moyenne en mois.',
  }
}

function consumptionTable(d: AidRequestData, funds: FundInfo[]): ResultTable {
  const rows = funds.map((f) => {
    const mine = d.groups.filter((g) => g.code === f.code && g.track !== 'emergency')
    const now = sum(
      mine.filter((g) => g.current),
      (g) => g.grantedCents,
    )
    const before = sum(
      mine.filter((g) => !g.current),
      (g) => g.grantedCents,
    )
    return { key: f.code, label: f.name, values: [euros(now), euros(before), change(now, before)] }
  })
  return {
    key: 'consumption',
    title: 'Consommation hors secours d’urgence (aides ponctuelles et renforcées)',
    rowHeader: 'Fonds',
    columns: [
      amountColumn('amountGranted', 'Montant accordé'),
      amountColumn('previousAmountGranted', 'Période précédente'),
      { key: 'change', label: 'Évolution (%)', kind: 'change', decimals: decimalsFor('change') },
    ],
    rows,
  }
}

function byAgeTable(d: AidRequestData, funds: FundInfo[]): ResultTable {
  const line = (key: string, label: string, ok: (code: string) => boolean, total?: boolean): Row => {
    const minors = sum(
      d.persons.filter((p) => ok(p.code) && p.minor),
      (p) => p.n,
    )
    const adults = sum(
      d.persons.filter((p) => ok(p.code) && !p.minor),
      (p) => p.n,
    )
    const all = minors + adults
    return {
      key,
      label,
      values: [all, minors, percent(minors, all), adults, percent(adults, all)],
      ...(total ? { total } : {}),
    }
  }
  const rows = funds
    .filter((f) => d.persons.some((p) => p.code === f.code))
    .map((f) => line(f.code, f.name, (c) => c === f.code))
  rows.push(line('total', 'Total', () => true, true))
  return {
    key: 'byAge',
    title: 'Jeunes aidés : mineurs et majeurs',
    rowHeader: 'Fonds',
    columns: [
      countColumn('persons', 'Personnes aidées', { total: true }),
      countColumn('minors', 'Mineurs'),
      shareColumn('minorsShare', '% mineurs', 'minors'),
      countColumn('adults', 'Majeurs'),
      shareColumn('adultsShare', '% majeurs', 'adults'),
    ],
    rows,
    note:
      'Personnes ayant au moins une demande accordée dans la période, comptées une fois par fonds ; mineur : moins ' +
      'de 18 ans le jour de sa première demande accordée de la période. Le total additionne les fonds.',
  }
}

function indirectTable(d: AidRequestData, funds: FundInfo[]): ResultTable {
  const rows: Row[] = []
  for (const f of funds) {
    const mine = d.indirect.filter((i) => i.code === f.code)
    if (!mine.length) continue
    rows.push({
      key: f.code,
      label: f.name,
      values: [sum(mine, (i) => i.n), sum(mine, (i) => i.participants), euros(sum(mine, (i) => i.cents))],
    })
    mine.forEach((i, k) => {
      rows.push({
        key: `${f.code}.${k + 1}`,
        label: i.label,
        values: [i.n, i.participants, euros(i.cents)],
        parent: f.code,
      })
    })
  }
  const all = d.indirect
  rows.push({
    key: 'total',
    label: 'Total',
    values: [sum(all, (i) => i.n), sum(all, (i) => i.participants), euros(sum(all, (i) => i.cents))],
    total: true,
  })
  return {
    key: 'indirect',
    title: 'Aides indirectes (actions financées sans demande individuelle)',
    rowHeader: 'Fonds et action',
    columns: [
      countColumn('actions', 'Actions'),
      countColumn('participants', 'Participants'),
      amountColumn('amount', 'Montant'),
    ],
    rows,
  }
}

export const aidRequests: IndicatorDeclaration = {
  id: 'aid.requests',
  family: 'aid',
  label: 'Les aides financières',
  valueLabel: 'Demandes d’aide déposées dans la période',
  definition:
    'Par fonds (FIPJ, FDAJ, allocation CIVIS / CEJ, CLAP, vacances…) : demandes déposées dans la période, accordées ' +
    '(en tout ou en partie), refusées hors critères, réorientées vers un autre fonds ; montants accordés et payés ; ' +
    'par finalité (nombre, montant et part du montant du fonds) ; par circuit (secours d’urgence, aide ponctuelle, ' +
    'aide renforcée avec ses contrats) comparé à la période précédente ; mineurs et majeurs aidés ; aides indirectes.',
  population:
    'Demandes d’aide des personnes du périmètre, datées du jour de leur dépôt dans la période ; paiements datés de ' +
    'la période ; aides indirectes des fonds de la structure datées de la période.',
  breakdowns: ['fonds', 'finalité', 'circuit', 'mineurs / majeurs'],
  notes: [
    'Une demande compte dans la période de son dépôt, avec sa décision à ce jour ; le montant accordé est celui des ' +
      'demandes accordées (en tout ou en partie) déposées dans la période.',
    'Le montant payé additionne les paiements datés de la période (date de paiement), contre-passations comprises : ' +
      'un paiement annulé puis refait ne compte qu’une fois. Une échéance prévue non payée ne compte pas.',
    'Mineurs et majeurs : personnes distinctes ayant au moins une demande accordée dans la période (une fois par ' +
      'fonds), selon leur âge le jour de leur première demande accordée de la période ; c’est la lecture qui redonne ' +
      'les parts du rapport 2009 (92,78 % de majeurs, 7,22 % de mineurs pour le FIPJ).',
    'Les fonds sont regroupés par code : le rapport d’un réseau additionne les fonds de même code de ses structures.',
    'Les aides indirectes n’ont pas de personne : restreint à un site, un programme, un conseiller ou un sexe, ' +
      'l’indicateur donne celles de toute la structure.',
  ],
  async compute(ctx) {
    const d = await aidRequestData(ctx)
    const funds = fundsShown(d)
    const current = d.groups.filter((g) => g.current)
    const paidOf = (code: string) =>
      sum(
        d.paid.filter((p) => p.code === code),
        (p) => p.cents,
      )
    const all = tally(current)
    const minors = sum(
      d.persons.filter((p) => p.minor),
      (p) => p.n,
    )
    const persons = sum(d.persons, (p) => p.n)
    return {
      value: all.requests,
      figures: [
        countFigure('requests', 'Demandes déposées', all.requests),
        countFigure('granted', 'Demandes accordées', all.granted),
        countFigure('refused', 'Demandes refusées (hors critères)', all.refused),
        countFigure('redirected', 'Demandes réorientées', all.redirected),
        valueFigure('amountGranted', 'Montant accordé', 'amount', euros(all.grantedCents)),
        valueFigure('amountPaid', 'Montant payé', 'amount', euros(sum(d.paid, (p) => p.cents))),
        countFigure('persons', 'Personnes aidées (par fonds)', persons),
        shareFigure('minorsShare', 'dont mineurs', minors, persons),
        valueFigure('indirectAmount', 'Aides indirectes', 'amount', euros(sum(d.indirect, (i) => i.cents))),
      ],
      tables: [
        byFundTable(funds, current, paidOf),
        byPurposeTable(funds, current),
        byTrackTable(d, funds),
        consumptionTable(d, funds),
        byAgeTable(d, funds),
        indirectTable(d, funds),
      ],
    }
  },
}
