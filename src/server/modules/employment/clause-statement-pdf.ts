import { frenchDate } from '../../../shared/dates.ts'
import { clauseCriteria, contractKinds, isDurableContract } from '../../../shared/employment/employment.nomenclature.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'
import type { operationFigures } from './clauses.service.ts'

// The statement of an operation for its contracting authority (docs/employment/clauses.md « Relevé PDF »): the
// insertion hours required and done, by company and by eligibility category, the participants and the contracts.
// Counts only: no name, no one's criterion (RSA and RQTH are sensitive). pdfmake, as the training's convocation.

type Figures = Awaited<ReturnType<typeof operationFigures>>
type Margin = [number, number, number, number]

/** 1 234,5 (French grouping with a no-break space the PDF font has, decimal comma) */
export const frenchNumber = (n: number) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n).replace(/[\u202f\u00a0]/g, '\u00a0')
const percent = (done: number, required: number) =>
  required > 0 ? `${frenchNumber(Math.round((done / required) * 1000) / 10)} %` : '—'
const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]
export const frenchMonth = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`

/** The statement's lines and tables (pure: the tests read them). */
export function statementLines(f: Figures) {
  const o = f.summary
  const categories = clauseCriteria.codes
    .map((code) => {
      const people = f.participants.filter((p) => p.criterion === code)
      return {
        label: clauseCriteria.labels[code],
        people: people.length,
        hours: people.reduce((s, p) => s + p.hours, 0),
      }
    })
    .filter((c) => c.people > 0)
  const kinds = contractKinds.codes
    .map((code) => ({
      label: contractKinds.labels[code],
      n: f.contracts.filter((c) => c.contractKind === code).length,
    }))
    .filter((k) => k.n > 0)
  const durable = f.contracts.filter((c) => isDurableContract(c.contractKind, c.durationMonths)).length
  const first = f.months[0]?.month
  const last = f.months.at(-1)?.month
  return {
    title: `${o.name} — ${o.siteLabel}`,
    authority: o.contractingAuthority,
    contract: o.contractRef,
    period:
      first && last ? (first === last ? frenchMonth(first) : `de ${frenchMonth(first)} à ${frenchMonth(last)}`) : null,
    dates: o.startsOn ? `Du ${frenchDate(o.startsOn)}${o.endsOn ? ` au ${frenchDate(o.endsOn)}` : ''}` : null,
    required: frenchNumber(o.requiredHours),
    done: frenchNumber(o.doneHours),
    rate: percent(o.doneHours, o.requiredHours),
    companies: f.companies.map((c) => [
      c.name,
      frenchNumber(c.requiredHours),
      frenchNumber(c.doneHours),
      percent(c.doneHours, c.requiredHours),
    ]),
    categories: categories.map((c) => [c.label, frenchNumber(c.people), frenchNumber(Math.round(c.hours * 100) / 100)]),
    participants: f.participants.filter((p) => p.hours > 0).length,
    contracts: f.contracts.length,
    durable,
    kinds: kinds.map((k) => [k.label, frenchNumber(k.n)]),
  }
}

const header = (cells: string[]) => cells.map((text, i) => ({ text, bold: true, alignment: i ? 'right' : 'left' }))
const body = (rows: string[][]) => rows.map((r) => r.map((text, i) => ({ text, alignment: i ? 'right' : 'left' })))

export function statementDocument(f: Figures, structureName: string, today: string) {
  const l = statementLines(f)
  const h2 = (text: string) => ({ text, fontSize: 13, bold: true, margin: [0, 14, 0, 6] as Margin })
  return {
    info: { title: `Relevé des heures d’insertion — ${l.title}`, creator: 'Jalon' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    footer: { text: `${structureName} — relevé édité le ${frenchDate(today)}`, alignment: 'center', fontSize: 8 },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: structureName, bold: true, color: '#1f4e79' },
      { text: 'Relevé des heures d’insertion', fontSize: 18, bold: true, margin: [0, 12, 0, 4] as Margin },
      { text: l.title, fontSize: 13 },
      { text: `Maître d’ouvrage : ${l.authority}`, margin: [0, 8, 0, 0] as Margin },
      ...(l.contract ? [{ text: `Marché : ${l.contract}` }] : []),
      ...(l.dates ? [{ text: l.dates }] : []),
      { text: `Heures déclarées : ${l.period ?? 'aucune à ce jour'}` },
      {
        table: {
          widths: ['*', 90, 90, 70],
          body: [
            header(['', 'Heures dues', 'Heures réalisées', 'Réalisé']),
            ['Opération', l.required, l.done, l.rate].map((text, i) => ({
              text,
              alignment: i ? 'right' : 'left',
              bold: i === 0,
            })),
          ],
        },
        margin: [0, 12, 0, 0] as Margin,
      },
      h2('Par entreprise'),
      l.companies.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 80, 80, 60],
              body: [header(['Entreprise', 'Dues', 'Réalisées', 'Réalisé']), ...body(l.companies)],
            },
          }
        : { text: 'Aucun lot attribué.' },
      h2('Par public'),
      l.categories.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 80, 80],
              body: [header(['Public', 'Personnes', 'Heures']), ...body(l.categories)],
            },
          }
        : { text: 'Aucun participant.' },
      h2('Participants et contrats'),
      {
        text: `${frenchNumber(l.participants)} personne${l.participants > 1 ? 's' : ''} en insertion ont travaillé sur l’opération.`,
      },
      {
        text: `${frenchNumber(l.contracts)} contrat${l.contracts > 1 ? 's' : ''} signé${l.contracts > 1 ? 's' : ''}, dont ${frenchNumber(l.durable)} de 6 mois ou plus (CDI compris).`,
      },
      ...(l.kinds.length
        ? [
            {
              table: { headerRows: 1, widths: ['*', 80], body: [header(['Contrat', 'Nombre']), ...body(l.kinds)] },
              margin: [0, 6, 0, 0] as Margin,
            },
          ]
        : []),
      {
        text: 'Ce relevé ne donne que des effectifs : aucune personne n’y est nommée.',
        italics: true,
        fontSize: 8,
        margin: [0, 16, 0, 0] as Margin,
      },
    ],
  }
}

export async function renderClauseStatement(f: Figures, structureName: string, today: string): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  const doc = statementDocument(f, structureName, today)
  return pdfmake.createPdf(doc as unknown as Parameters<typeof pdfmake.createPdf>[0]).getBuffer()
}
