import { aidDecisions, aidPurposes, aidTracks } from '../../../shared/aids/aids.nomenclature.ts'
import type { Commission, CommissionCase } from '../../../shared/aids/commissions.schema.ts'
import { frenchDate } from '../../../shared/dates.ts'
import { formatEuros } from '../../../shared/money.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'

// The aid commission's agenda and minutes as PDF (« Ordre du jour », « Relevé de décisions »), built as the PLIE
// committee's are (plie/committee-pdf.ts): pdfmake loaded at the first document, our data only, no URL fetched. Dates
// dd/mm/yyyy, amounts « 1 234,50 € ».

type Margin = [number, number, number, number]
const title = (text: string) => ({ text, fontSize: 18, bold: true, color: '#1f4e79' })
const header = (cells: string[]) => cells.map((text) => ({ text, bold: true }))
const right = (text: string) => ({ text, alignment: 'right' as const })
const label = (list: { labels: Record<string, string> }, code: string) => list.labels[code] ?? code

/** The page frame shared by the commission's documents and the contract (contract-pdf.ts). */
export function pdfFrame(info: string, structureName: string, content: unknown[]): Record<string, unknown> {
  return {
    info: { title: info, creator: 'Jalon' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    footer: (page: number, pages: number) => ({
      text: `${structureName} — page ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
    }),
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  }
}

function frame(c: Commission, structureName: string, heading: string, content: unknown[]) {
  return pdfFrame(`${heading} — commission ${c.fundCode} du ${frenchDate(c.date)}`, structureName, [
    title(heading),
    {
      text: `Commission ${c.fundCode} (${c.fundName}) — ${frenchDate(c.date)}`,
      fontSize: 13,
      margin: [0, 4, 0, 8] as Margin,
    },
    ...(c.note ? [{ text: c.note, fontSize: 10, italics: true, margin: [0, 0, 0, 8] as Margin }] : []),
    ...content,
  ])
}

const person = (k: CommissionCase) => `${k.personName}\nné(e) le ${frenchDate(k.birthDate)}`
const asked = (k: CommissionCase) => `${label(aidPurposes, k.purpose)} — ${label(aidTracks, k.track)}`

/** The agenda's document (pure: the tests read the names from it). */
export function agendaDocument(c: Commission, structureName: string) {
  const total = c.agenda.reduce((s, k) => s + k.amountAskedCents, 0)
  return frame(c, structureName, 'Ordre du jour', [
    { text: `${c.agenda.length} demande(s), ${formatEuros(total)} demandés`, margin: [0, 0, 0, 8] as Margin },
    {
      table: {
        headerRows: 1,
        widths: [18, 120, 110, 70, '*'],
        body: [
          header(['N°', 'Jeune', 'Objet', 'Demandé', 'Argumentaire']),
          ...c.agenda.map((k, i) => [
            right(String(i + 1)),
            person(k),
            asked(k),
            right(formatEuros(k.amountAskedCents)),
            k.argument ?? '',
          ]),
        ],
      },
    },
  ])
}

function decision(k: CommissionCase) {
  if (k.status === 'submitted' || k.status === 'complete') return 'Sans décision'
  const text = label(aidDecisions, k.status)
  if (k.amountGrantedCents !== null) return `${text} : ${formatEuros(k.amountGrantedCents)}`
  if (k.refusalCriterion) return `${text} — critère : ${k.refusalCriterion}`
  return text
}

/** The minutes' document: members present (and excused), then each request's decision and its reason. */
export function minutesDocument(c: Commission, structureName: string) {
  const present = c.members.filter((m) => m.present)
  const absent = c.members.filter((m) => !m.present)
  const who = (m: Commission['members'][number]) => (m.organisation ? `${m.name} (${m.organisation})` : m.name)
  const granted = c.agenda.reduce((s, k) => s + (k.amountGrantedCents ?? 0), 0)
  return frame(c, structureName, 'Relevé de décisions', [
    { text: 'Membres présents', bold: true, margin: [0, 4, 0, 2] as Margin },
    { ul: present.length ? present.map(who) : ['Aucun membre enregistré'] },
    ...(absent.length
      ? [{ text: 'Excusés', bold: true, margin: [0, 6, 0, 2] as Margin }, { ul: absent.map(who) }]
      : []),
    { text: 'Décisions', bold: true, margin: [0, 10, 0, 4] as Margin },
    {
      table: {
        headerRows: 1,
        widths: [18, 110, 90, 60, 110, '*'],
        body: [
          header(['N°', 'Jeune', 'Objet', 'Demandé', 'Décision', 'Motif']),
          ...c.agenda.map((k, i) => [
            right(String(i + 1)),
            person(k),
            asked(k),
            right(formatEuros(k.amountAskedCents)),
            decision(k),
            k.decisionReason ?? '',
          ]),
        ],
      },
    },
    { text: `Total accordé : ${formatEuros(granted)}`, bold: true, margin: [0, 8, 0, 0] as Margin },
    {
      text: c.status === 'held' ? 'Commission close.' : 'Commission non close.',
      italics: true,
      margin: [0, 12, 0, 0] as Margin,
    },
  ])
}

export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  return pdfmake.createPdf(doc as Parameters<typeof pdfmake.createPdf>[0]).getBuffer()
}
