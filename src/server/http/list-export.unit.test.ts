import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { ageOutDate, cejPlannedEnd, EXPORT_MAX_ROWS } from '../../shared/lists/list.schema.ts'
import { checkExportSize, type ListColumn, listCsv, listXlsx } from './list-export.ts'

interface Row {
  name: string
  day: string | null
  n: number | null
}
const columns: ListColumn<Row>[] = [
  { header: 'Nom', value: (r) => r.name },
  { header: 'Le', kind: 'date', value: (r) => r.day },
  { header: 'Taux', kind: 'number', value: (r) => r.n },
]

describe('list as CSV for French Excel', () => {
  it('writes a BOM, semicolons, CRLF, French dates and decimal commas, quotes only when needed', () => {
    const csv = listCsv(columns, [
      { name: 'Lefèvre', day: '2026-03-02', n: 12.5 },
      { name: 'Dupont; Marie "Mimi"', day: null, n: null },
    ])
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.subarray(3).toString('utf8')).toBe(
      'Nom;Le;Taux\r\nLefèvre;02/03/2026;12,5\r\n"Dupont; Marie ""Mimi""";;\r\n',
    )
  })

  it('defuses a text a spreadsheet would run as a formula', () => {
    const csv = listCsv(
      columns,
      ['=HYPERLINK("x")', '+33', '-1', '@SUM(A1)', 'Ordinaire'].map((name) => ({ name, day: null, n: null })),
    )
    const names = csv
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .slice(1, 6)
      .map((l) => l.split(';')[0])
    expect(names).toEqual(['"\'=HYPERLINK(""x"")"', "'+33", "'-1", "'@SUM(A1)", 'Ordinaire'])
  })
})

describe('list as a workbook', () => {
  it('keeps texts as texts (never formulas), dates as dates, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook()
    const body = await listXlsx('Liste: test', columns, [{ name: '=1+1', day: '2026-03-02', n: 3 }])
    await wb.xlsx.load(body as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.name).toBe('Liste  test')
    expect(ws.getCell('A2').value).toBe('=1+1')
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell('B2').value).toEqual(new Date('2026-03-02T00:00:00Z'))
    expect(ws.getCell('C2').value).toBe(3)
  })
})

describe('export limits and dates', () => {
  it('refuses a list longer than the cap', () => {
    expect(() => checkExportSize(EXPORT_MAX_ROWS)).not.toThrow()
    expect(() => checkExportSize(EXPORT_MAX_ROWS + 1)).toThrow(/précisez les filtres/)
  })

  it('computes the 26th birthday and the planned end of a CEJ', () => {
    expect(ageOutDate('2000-05-10')).toBe('2026-05-10')
    expect(ageOutDate('2000-02-29')).toBe('2026-03-01')
    expect(ageOutDate('2002-02-28')).toBe('2028-02-28')
    expect(cejPlannedEnd('2025-06-01')).toBe('2026-05-31')
    expect(cejPlannedEnd('2025-01-31')).toBe('2026-01-30')
    expect(cejPlannedEnd('2024-02-29')).toBe('2025-02-27')
    expect(cejPlannedEnd('2025-12-15')).toBe('2026-12-14')
    // a planned end recorded (an extended CEJ) is the planned end
    expect(cejPlannedEnd('2025-06-01', '2026-11-30')).toBe('2026-11-30')
  })
})
