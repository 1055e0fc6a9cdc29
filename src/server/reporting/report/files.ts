import type { AnnualReport, ReportFormat } from '../../../shared/reporting/reporting.schema.ts'
import { renderPdf } from './pdf.ts'
import { renderXlsx } from './xlsx.ts'

/** The report as a file: its bytes, content type and a name that says what it is. */
export async function reportFile(report: AnnualReport, format: ReportFormat) {
  const name = `rapport-mission-locale_${report.period.from}_${report.period.to}${report.published ? '' : '_interne'}`
  if (format === 'pdf') return { body: await renderPdf(report), contentType: 'application/pdf', name: `${name}.pdf` }
  if (format === 'xlsx')
    return {
      body: await renderXlsx(report),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      name: `${name}.xlsx`,
    }
  return {
    body: Buffer.from(JSON.stringify(report, null, 2)),
    contentType: 'application/json; charset=utf-8',
    name: `${name}.json`,
  }
}
