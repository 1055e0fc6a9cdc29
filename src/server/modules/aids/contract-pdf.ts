import { aidPurposes } from '../../../shared/aids/aids.nomenclature.ts'
import type { Contract } from '../../../shared/aids/commissions.schema.ts'
import { frenchDate } from '../../../shared/dates.ts'
import { formatEuros } from '../../../shared/money.ts'
import { pdfFrame } from './commission-pdf.ts'
import { personName } from './commissions.repository.ts'
import type { ContractRequest } from './contracts.repository.ts'

// The reinforced aid's contract as PDF, for signature (docs/aids.md « Commissions and the reinforced aid »): the young
// person and the referent, the aid granted, the monthly instalments, the commitments, three signature boxes.

type Margin = [number, number, number, number]

const box = (who: string, name: string) => ({
  stack: [
    { text: who, bold: true },
    { text: name, margin: [0, 2, 0, 0] as Margin },
    { text: 'Date et signature :', fontSize: 8, margin: [0, 6, 0, 0] as Margin },
    { text: ' ', margin: [0, 40, 0, 0] as Margin },
  ],
})

/** The contract's document (pure: the tests read the names from it). */
export function contractDocument(c: Contract, r: ContractRequest, structureName: string) {
  const young = personName(r)
  const referent = r.referent_name ?? '—'
  const decided = r.commission_date
    ? `par la commission ${r.fund_code} du ${frenchDate(r.commission_date)}`
    : r.decided_on
      ? `le ${frenchDate(r.decided_on)}`
      : ''
  return pdfFrame(`Contrat d’aide renforcée — ${young}`, structureName, [
    { text: 'Contrat d’engagement — aide renforcée', fontSize: 18, bold: true, color: '#1f4e79' },
    { text: `${r.fund_name} (${r.fund_code})`, fontSize: 13, margin: [0, 4, 0, 10] as Margin },
    {
      table: {
        widths: [140, '*'],
        body: [
          ['Entre', structureName],
          ['et le jeune', `${young}, né(e) le ${frenchDate(r.birth_date)}`],
          ['Référent', referent],
          ['Objet de l’aide', aidPurposes.labels[r.purpose as keyof typeof aidPurposes.labels] ?? r.purpose],
          ['Aide accordée', `${formatEuros(c.amountGrantedCents)} ${decided}`.trim()],
          [
            'Versements',
            `${c.months} mensualité(s) de ${formatEuros(c.monthlyCents)} (${formatEuros(c.totalCents)}) à partir du ${frenchDate(c.startsOn)}`,
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: 'Échéancier', bold: true, margin: [0, 12, 0, 4] as Margin },
    {
      table: {
        headerRows: 1,
        widths: [30, 100, 100],
        body: [
          [
            { text: 'N°', bold: true },
            { text: 'Échéance', bold: true },
            { text: 'Montant', bold: true },
          ],
          ...c.instalments.map((p, i) => [
            String(i + 1),
            p.dueOn ? frenchDate(p.dueOn) : '',
            { text: formatEuros(p.amountCents), alignment: 'right' as const },
          ]),
        ],
      },
    },
    { text: 'Engagements du jeune', bold: true, margin: [0, 12, 0, 4] as Margin },
    { text: c.commitments },
    {
      text:
        'Chaque versement est subordonné au respect de ces engagements, constaté par le référent. ' +
        'Le non-respect des engagements peut conduire à suspendre les versements restants.',
      fontSize: 9,
      italics: true,
      margin: [0, 8, 0, 0] as Margin,
    },
    ...(c.signedOn
      ? [{ text: `Signé le ${frenchDate(c.signedOn)}.`, bold: true, margin: [0, 8, 0, 0] as Margin }]
      : []),
    { text: 'Fait à ………………………, le ……/……/…………', margin: [0, 16, 0, 8] as Margin },
    {
      table: {
        widths: ['*', '*', '*'],
        body: [[box('Le jeune', young), box('Le référent', referent), box('Pour la structure', structureName)]],
      },
    },
  ])
}
