import { frenchDate } from '../../../shared/dates.ts'
import type { Committee } from '../../../shared/plie/committees.schema.ts'
import { caseKinds, committeeDecisions } from '../../../shared/plie/plie.nomenclature.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'

// The committee's agenda and minutes as PDF (« Ordre du jour », « Relevé de décisions »), built as the sessions'
// sign-in sheet is (sessions/sign-in-sheet.ts): pdfmake loaded at the first document, our data only, no URL fetched.
// The agenda lists the cases in order; the minutes add the members present and each decision with its minute.

type Margin = [number, number, number, number]
const title = (text: string) => ({ text, fontSize: 18, bold: true, color: '#1f4e79' })
const header = (cells: string[]) => cells.map((text) => ({ text, bold: true }))

function frame(c: Committee, structureName: string, heading: string, content: unknown[]): Record<string, unknown> {
  return {
    info: { title: `${heading} — comité PLIE du ${frenchDate(c.date)}`, creator: 'Jalon' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    footer: (page: number, pages: number) => ({
      text: `${structureName} — page ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
    }),
    content: [
      title(heading),
      {
        text: `Comité PLIE — ${c.siteName} — ${frenchDate(c.date)}`,
        fontSize: 13,
        margin: [0, 4, 0, 8] as Margin,
      },
      ...(c.note ? [{ text: c.note, fontSize: 10, italics: true, margin: [0, 0, 0, 8] as Margin }] : []),
      ...content,
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10 },
  }
}

const what = (k: Committee['agenda'][number]) =>
  k.kind === 'entry'
    ? (k.motivation ?? 'Proposition d’entrée')
    : `Parcours ouvert le ${k.pathwayEntryDate ? frenchDate(k.pathwayEntryDate) : '—'}`

/** The agenda's document (pure: the tests read the names from it). */
export function agendaDocument(c: Committee, structureName: string) {
  const rows = c.agenda.map((k, i) => [
    { text: String(i + 1), alignment: 'right' as const },
    k.personName,
    caseKinds.labels[k.kind],
    what(k),
  ])
  return frame(c, structureName, 'Ordre du jour', [
    { text: `${c.agenda.length} dossier(s)`, margin: [0, 0, 0, 8] as Margin },
    {
      table: {
        headerRows: 1,
        widths: [20, 150, 80, '*'],
        body: [header(['N°', 'Personne', 'Nature', 'Proposition ou parcours']), ...rows],
      },
    },
  ])
}

/** The minutes' document: members present (and excused), then each case's decision and minute. */
export function minutesDocument(c: Committee, structureName: string) {
  const present = c.members.filter((m) => m.present)
  const absent = c.members.filter((m) => !m.present)
  const who = (m: Committee['members'][number]) => (m.organisation ? `${m.name} (${m.organisation})` : m.name)
  const decision = (k: Committee['agenda'][number]) => {
    if (!k.decision) return 'Sans décision'
    const label = committeeDecisions.labels[k.decision]
    if (k.decision === 'refused' && k.refusalReason) return `${label} — motif : ${k.refusalReason}`
    if (k.decision === 'accepted' && k.kind === 'entry' && k.referentName)
      return `${label} — référent : ${k.referentName}`
    return label
  }
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
        widths: [20, 130, 60, 110, '*'],
        body: [
          header(['N°', 'Personne', 'Nature', 'Décision', 'Relevé']),
          ...c.agenda.map((k, i) => [
            { text: String(i + 1), alignment: 'right' as const },
            k.personName,
            caseKinds.labels[k.kind],
            decision(k),
            k.minute ?? '',
          ]),
        ],
      },
    },
    {
      text: c.status === 'held' ? 'Comité clos.' : 'Comité non clos : décisions encore modifiables.',
      italics: true,
      margin: [0, 12, 0, 0] as Margin,
    },
  ])
}

export async function renderCommitteePdf(doc: Record<string, unknown>): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  return pdfmake.createPdf(doc as Parameters<typeof pdfmake.createPdf>[0]).getBuffer()
}
