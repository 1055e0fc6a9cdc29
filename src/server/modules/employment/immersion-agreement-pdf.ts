import { frenchDate } from '../../../shared/dates.ts'
import { immersionObjectives } from '../../../shared/employment/employment.nomenclature.ts'
import type { Immersion } from '../../../shared/employment/immersions.schema.ts'
import { romeTitle } from '../../../shared/employment/rome.ts'
import { loadPdfmake } from '../../pdf/pdfmake.ts'

// The PMSMP agreement (docs/employment/immersions.md « The agreement »), laid out as the official form (Cerfa 13912,
// « convention relative à la mise en œuvre d’une période de mise en situation en milieu professionnel »): the
// beneficiary, the host establishment and its tutor, the prescribing structure, the period (objective, post,
// activities, skills, place, dates, hours), and the three signatures. pdfmake, our data only; dates dd/mm/yyyy.

type Margin = [number, number, number, number]
const dash = '—'
const or = (v: string | null | undefined) => (v?.trim() ? (v as string) : dash)

/** The lines of the agreement (pure: the tests read them). */
export function agreementLines(i: Immersion, structureName: string) {
  const hours = i.hoursPerWeek === null ? null : `${String(i.hoursPerWeek).replace('.', ',')} h par semaine`
  const rome = i.romeCode ? romeTitle(i.romeCode) : null
  return {
    beneficiary: `${i.person.firstName} ${i.person.lastName}`,
    birth: i.person.birthDate ? frenchDate(i.person.birthDate) : dash,
    host: i.employer.name,
    hostSiret: or(i.employer.siret),
    hostAddress: or(
      [i.employer.address, [i.employer.postcode, i.employer.communeName].filter(Boolean).join(' ')]
        .filter(Boolean)
        .join(', '),
    ),
    tutor: [i.tutorName, i.tutorJobTitle].filter(Boolean).join(', '),
    tutorContact: or([i.tutorPhone, i.tutorEmail].filter(Boolean).join(' · ')),
    prescriber: structureName,
    counsellor: or(i.prescriber?.name),
    objective: immersionObjectives.labels[i.objective] ?? i.objective,
    post: rome ? `${i.jobTitle} (${rome})` : i.jobTitle,
    activities: or(i.activities),
    skills: or(i.skillsObserved),
    place: or(i.place),
    period: `du ${frenchDate(i.startsOn)} au ${frenchDate(i.endsOn)}`,
    hours: or([hours, i.schedule].filter(Boolean).join(' ; ')),
    programme: i.programme
      ? `${i.programme.name}${i.moduleNumber ? ` — module ${i.moduleNumber}${i.moduleLabel ? ` : ${i.moduleLabel}` : ''}` : ''}`
      : null,
    signed: i.signedOn ? `Fait le ${frenchDate(i.signedOn)}` : 'Fait le ……/……/…………',
  }
}

const row = (label: string, value: string) => [{ text: label, bold: true }, value]
const section = (title: string) => ({
  text: title,
  bold: true,
  fontSize: 13,
  color: '#1f4e79',
  margin: [0, 12, 0, 4] as Margin,
})
const table = (rows: (string | { text: string; bold: boolean })[][]) => ({
  table: { widths: [150, '*'], body: rows },
  layout: 'lightHorizontalLines',
})

export function agreementDocument(i: Immersion, structureName: string) {
  const l = agreementLines(i, structureName)
  return {
    info: { title: `Convention PMSMP - ${l.beneficiary} - ${l.host}`, creator: 'Jalon' },
    pageSize: 'A4',
    pageMargins: [45, 45, 45, 45],
    footer: {
      text: `${structureName} — convention de mise en situation en milieu professionnel`,
      alignment: 'center',
      fontSize: 8,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: structureName, bold: true, color: '#1f4e79' },
      {
        text: 'Convention de mise en situation en milieu professionnel (PMSMP)',
        fontSize: 16,
        bold: true,
        margin: [0, 10, 0, 2] as Margin,
      },
      {
        text: 'Articles L. 5135-1 à L. 5135-8 et D. 5135-1 à D. 5135-8 du Code du travail',
        italics: true,
        fontSize: 9,
      },
      section('1. Le bénéficiaire'),
      table([row('Nom et prénom', l.beneficiary), row('Date de naissance', l.birth)]),
      section('2. La structure d’accueil'),
      table([
        row('Raison sociale', l.host),
        row('SIRET', l.hostSiret),
        row('Adresse', l.hostAddress),
        row('Tuteur (nom, fonction)', l.tutor),
        row('Contact du tuteur', l.tutorContact),
      ]),
      section('3. La structure prescriptrice'),
      table([row('Structure', l.prescriber), row('Conseiller(ère) référent(e)', l.counsellor)]),
      section('4. La période de mise en situation'),
      table([
        row('Objet', l.objective),
        row('Métier, poste', l.post),
        row('Activités confiées', l.activities),
        row('Compétences et aptitudes observées', l.skills),
        row('Lieu', l.place),
        row('Dates', l.period),
        row('Horaires', l.hours),
        ...(l.programme ? [row('Programme', l.programme)] : []),
      ]),
      {
        text:
          'La période ne peut excéder un mois, continue ou discontinue ; elle peut être renouvelée une fois avec la même ' +
          'structure d’accueil si son objet n’est pas atteint. Le bénéficiaire n’est pas rémunéré par la structure ' +
          'd’accueil : il conserve son statut et, le cas échéant, sa rémunération ou son indemnisation. Il ne peut ' +
          'occuper un poste de travail qui demande une qualification qu’il n’a pas, ni remplacer un salarié absent.',
        fontSize: 9,
        margin: [0, 10, 0, 0] as Margin,
      },
      section('5. Signatures'),
      { text: l.signed, margin: [0, 0, 0, 6] as Margin },
      {
        table: {
          widths: ['*', '*', '*'],
          heights: [14, 70],
          body: [
            [
              { text: 'Le bénéficiaire', bold: true },
              { text: 'La structure d’accueil', bold: true },
              { text: 'La structure prescriptrice', bold: true },
            ],
            [l.beneficiary, l.host, l.prescriber],
          ],
        },
      },
    ],
  }
}

export async function renderAgreement(i: Immersion, structureName: string): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  const doc = agreementDocument(i, structureName)
  return pdfmake.createPdf(doc as unknown as Parameters<typeof pdfmake.createPdf>[0]).getBuffer()
}
