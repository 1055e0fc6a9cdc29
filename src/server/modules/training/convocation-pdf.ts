import { frenchDate } from '../../../shared/dates.ts'
import type { Prescription } from '../../../shared/training/prescriptions.schema.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'

// The convocation to the information session (docs/training/prescriptions.md « Convocation »): who, which action and
// body, when (the structure's time zone, dd/mm/yyyy à HHhMM) and where, what to bring. pdfmake, our data only.

type Margin = [number, number, number, number]

/** « 20/08/2026 à 09h00 » in the structure's time zone */
export function frenchDateTime(iso: string, timeZone: string) {
  const at = new Date(iso)
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const part = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${part('day')}/${part('month')}/${part('year')} à ${part('hour')}h${part('minute')}`
}

export const WHAT_TO_BRING = [
  'cette convocation',
  'une pièce d’identité',
  'votre curriculum vitae',
  'vos diplômes, attestations de formation ou certificats de travail',
  'de quoi écrire (des tests de positionnement peuvent avoir lieu)',
]

/** The lines of the convocation (pure: the tests read them). */
export function convocationLines(p: Prescription, timeZone: string) {
  const s = p.session
  const when = s.infoSessionAt
    ? `le ${frenchDateTime(s.infoSessionAt, timeZone)}`
    : 'à une date que l’organisme de formation vous indiquera'
  const where = s.infoSessionPlace ?? s.place ?? 'au lieu que l’organisme de formation vous indiquera'
  return {
    name: `${p.person.firstName} ${p.person.lastName}`,
    action: `${s.actionTitle}${s.actionCode ? ` (${s.actionCode})` : ''}`,
    body: s.bodyName,
    session: `Session du ${frenchDate(s.startsOn)}${s.endsOn ? ` au ${frenchDate(s.endsOn)}` : ''}${s.communeName ? `, ${s.communeName}` : ''}`,
    when,
    where,
  }
}

export function convocationDocument(p: Prescription, structureName: string, timeZone: string) {
  const l = convocationLines(p, timeZone)
  return {
    info: { title: `Convocation — ${l.name} — ${l.action}`, creator: 'Jalon' },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    footer: { text: structureName, alignment: 'center', fontSize: 8 },
    defaultStyle: { font: 'Roboto', fontSize: 11 },
    content: [
      { text: structureName, bold: true, color: '#1f4e79' },
      { text: 'Convocation à l’information collective', fontSize: 18, bold: true, margin: [0, 16, 0, 16] as Margin },
      { text: `${l.name}`, bold: true },
      ...(p.person.birthDate ? [{ text: `né(e) le ${frenchDate(p.person.birthDate)}` }] : []),
      { text: 'Vous êtes invité(e) à l’information collective de la formation :', margin: [0, 16, 0, 4] as Margin },
      { text: l.action, bold: true },
      { text: `Organisme de formation : ${l.body}` },
      { text: l.session },
      {
        table: {
          widths: [80, '*'],
          body: [
            [{ text: 'Quand', bold: true }, l.when],
            [{ text: 'Où', bold: true }, l.where],
          ],
        },
        margin: [0, 12, 0, 12] as Margin,
      },
      { text: 'Apportez :', bold: true },
      { ul: WHAT_TO_BRING },
      {
        text: 'En cas d’empêchement, prévenez votre conseiller(ère) au plus tôt.',
        margin: [0, 16, 0, 0] as Margin,
        italics: true,
      },
    ],
  }
}

export async function renderConvocation(p: Prescription, structureName: string, timeZone: string): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  const doc = convocationDocument(p, structureName, timeZone)
  return pdfmake.createPdf(doc as unknown as Parameters<typeof pdfmake.createPdf>[0]).getBuffer()
}
