import type ExcelJS from 'exceljs'
import { enrolmentExitReasons } from '../../../shared/accompaniment/situations.schema.ts'
import {
  type EsfMoment,
  type EsfQuestion,
  esfMoments,
  esfQuestionCodes,
  esfQuestions,
} from '../../../shared/plie/plie.nomenclature.ts'
import { type CommonIndicator, commonIndicators, type Participant } from './esf-participants.ts'

// The ESF+ participant export as a workbook (exceljs, as the lists' exports): the participants of the period, one row
// each, and the common indicators of the same rows (docs/plie.md « Import and export, ESF+ » documents each column).

export const PARTICIPANTS_SHEET = 'Participants'
export const INDICATORS_SHEET = 'Indicateurs communs'

type Cell = string | number | Date | null
interface Column {
  header: string
  width?: number
  date?: boolean
  value(p: Participant): Cell
}

const day = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null)
const answerLabel = (q: EsfQuestion, p: Participant) => {
  const a = p.answers[q]
  return a === undefined ? null : ((esfQuestions[q].answers as Record<string, string>)[a] ?? a)
}
const momentLabels: Record<EsfMoment, string> = {
  entry: 'Réponses à l’entrée le',
  exit: 'Réponses à la sortie le',
  six_months: 'Réponses à six mois le',
}

export function participantColumns(): Column[] {
  const columns: Column[] = [
    { header: 'Identifiant du parcours', width: 38, value: (p) => p.key },
    { header: 'Nom', width: 20, value: (p) => p.lastName },
    { header: 'Prénom', width: 16, value: (p) => p.firstName },
    { header: 'Date de naissance', date: true, value: (p) => day(p.birthDate) },
    { header: 'Sexe', value: (p) => (p.sex === 'F' ? 'Femme' : 'Homme') },
    { header: 'Âge à l’entrée', value: (p) => p.ageAtEntry },
    { header: 'Date d’entrée', date: true, value: (p) => day(p.entryDate) },
    { header: 'Date de sortie', date: true, value: (p) => day(p.exitDate) },
    {
      header: 'Motif de sortie',
      width: 30,
      value: (p) =>
        p.exitReason ? ((enrolmentExitReasons.labels as Record<string, string>)[p.exitReason] ?? p.exitReason) : null,
    },
  ]
  for (const moment of esfMoments.codes) {
    for (const q of esfQuestionCodes.filter((c) => esfQuestions[c].moment === moment))
      columns.push({ header: esfQuestions[q].label, width: 24, value: (p) => answerLabel(q, p) })
    columns.push({ header: momentLabels[moment], date: true, value: (p) => day(p.answeredOn[moment]) })
  }
  return columns
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width?: number; date?: boolean }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length + 2),
    ...(c.date ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
  }))
  ws.getRow(1).font = { bold: true }
  return ws
}

/** The workbook: the participants, then the common indicators computed from the same rows. */
export async function esfWorkbook(
  rows: readonly Participant[],
  from: string,
  to: string,
): Promise<{ body: Buffer; indicators: CommonIndicator[] }> {
  const { default: Excel } = await import('exceljs')
  const wb = new Excel.Workbook()
  wb.creator = 'Jalon'
  const columns = participantColumns()
  const participants = sheet(wb, PARTICIPANTS_SHEET, columns)
  for (const p of rows) participants.addRow(columns.map((c) => c.value(p)))
  participants.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }

  const indicators = commonIndicators(rows, from, to)
  const ws = sheet(wb, INDICATORS_SHEET, [
    { header: 'Annexe I, point', width: 16 },
    { header: 'Indicateur (règlement (UE) 2021/1057)', width: 60 },
    { header: 'Libellé', width: 50 },
    { header: 'Total' },
    { header: 'Femmes' },
    { header: 'Hommes' },
  ])
  for (const i of indicators) ws.addRow([i.point, i.name, i.label, i.total, i.women, i.men])
  ws.addRow([])
  ws.addRow([
    null,
    `Période du ${frenchDay(from)} au ${frenchDay(to)}. Réalisations (1.1, 1.2) : participants dont le parcours est ` +
      'ouvert pendant la période, sur leurs données à l’entrée ; résultats (2, 3) : participants sortis pendant la ' +
      'période. Sexe et âge : dossier de la personne.',
  ])
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), indicators }
}

const frenchDay = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
