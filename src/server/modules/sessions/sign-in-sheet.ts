import { appointmentKinds, places } from '../../../shared/agenda/agenda.schema.ts'
import type { Session } from '../../../shared/sessions/sessions.schema.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'

// « Feuille d’émargement »: the session's title, date, time, place and leaders, then one line per registered person
// with an empty box to sign. pdfmake (already used by the annual report) is imported at the first sheet, not at start;
// the document is built from our data only: no URL fetched, no file read but pdfmake's own fonts.

const frenchDay = (iso: string) => iso.split('-').reverse().join('/')

export function placeOf(s: Session) {
  if (s.place === 'site') return s.roomName ? `${s.siteName}, ${s.roomName}` : s.siteName
  if (s.place === 'video') return `${places.labels.video} (${s.siteName})`
  return `${places.labels[s.place]} (${s.siteName})`
}

/** The leader, then the co-leaders. */
export const leadersOf = (s: Session) => [s.counsellorName, ...s.coLeaders.map((l) => l.name)].join(', ')

/** The sheet's document (a pure function: the tests read the names from it). */
export function signInSheetDocument(s: Session, structureName: string): Record<string, unknown> {
  const kind = appointmentKinds.labels[s.kind]
  const rows = s.persons.map((p, i) => [
    { text: String(i + 1), alignment: 'right' as const },
    { text: `${p.lastName.toLocaleUpperCase('fr-FR')} ${p.firstName}` },
    { text: '', margin: [0, 14, 0, 14] as [number, number, number, number] },
  ])
  return {
    info: { title: `Feuille d’émargement — ${s.title ?? kind}`, creator: 'Jalon' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    footer: (page: number, pages: number) => ({
      text: `${structureName} — page ${page} / ${pages}`,
      alignment: 'center',
      fontSize: 8,
    }),
    content: [
      { text: 'Feuille d’émargement', fontSize: 18, bold: true, color: '#1f4e79' },
      { text: s.title ? `${kind} : ${s.title}` : kind, fontSize: 13, margin: [0, 4, 0, 8] },
      {
        columns: [
          {
            width: '*',
            stack: [
              `Date : ${frenchDay(s.date)}`,
              `Horaire : ${s.start.replace(':', ' h ')} – ${s.end.replace(':', ' h ')}`,
              `Lieu : ${placeOf(s)}`,
            ],
          },
          {
            width: '*',
            stack: [`Animation : ${leadersOf(s)}`, `Inscrits : ${s.persons.length} / ${s.capacity} places`],
          },
        ],
        fontSize: 10,
        margin: [0, 0, 0, 12],
      },
      {
        table: {
          headerRows: 1,
          widths: [20, '*', 190],
          body: [
            [
              { text: 'N°', bold: true },
              { text: 'Nom et prénom', bold: true },
              { text: 'Signature', bold: true },
            ],
            ...rows,
          ],
        },
        fontSize: 10,
      },
      { text: 'Signature de l’animateur ou de l’animatrice :', fontSize: 10, margin: [0, 20, 0, 40] },
    ],
    defaultStyle: { font: 'Roboto' },
  }
}

export async function renderSignInSheet(s: Session, structureName: string): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  return pdfmake.createPdf(signInSheetDocument(s, structureName) as Parameters<typeof pdfmake.createPdf>[0]).getBuffer()
}
