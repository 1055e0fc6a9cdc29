import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import type { AnnualReport } from '../../shared/reporting/reporting.schema.ts'
import { buildYouth } from '../test/reporting.builders.ts'
import { createTestContext, type TestContext } from '../test/test-app.ts'
import { reportCommand } from './report.command.ts'
import { decimalsFor } from './tables.ts'

// `jalon report`: the file it writes, the progress it prints section by section, and what it refuses.
let t: TestContext
const dir = mkdtempSync(join(tmpdir(), 'jalon-report-'))
beforeAll(async () => {
  t = await createTestContext()
  await buildYouth(t.db, t.fx, { events: ['2009-04-01'] })
})
afterAll(async () => {
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

const run = (values: Record<string, unknown>) => {
  const logs: string[] = []
  return reportCommand
    .run({
      deps: t.deps,
      values: { format: 'json', public: false, ...values },
      positionals: [],
      log: (m) => logs.push(m),
    })
    .then((code) => ({ code, logs }))
}

it('writes the report and prints each section as it is computed', async () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    const out = join(dir, 'rapport.json')
    const { code, logs } = await run({ from: '2009-01-01', to: '2009-12-31', out, public: true })
    expect(code).toBe(0)
    expect(logs).toEqual([`Écrit : ${out}`])
    const report = JSON.parse(readFileSync(out, 'utf8'))
    expect(report.published).toBe(true)
    expect(report.indicators['ml.youth_in_contact'].value).toBeNull() // 1 person: hidden in a published output
    const progress = stderr.mock.calls.map((c) => String(c[0]))
    expect(progress.filter((l) => /^\[\d+\/\d+\] /.test(l))).toHaveLength(report.sections.length)
    expect(progress.at(-1)).toMatch(/^Rapport calculé en \d+ ms/)
  } finally {
    stderr.mockRestore()
  }
})

it('rounds every figure and column by the one rule of its kind, whatever the indicator', async () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    const out = join(dir, 'interne.json')
    expect((await run({ from: '2009-01-01', to: '2009-12-31', out })).code).toBe(0)
    const report: AnnualReport = JSON.parse(readFileSync(out, 'utf8'))
    const bad: string[] = []
    const rounded = (v: number | null, d: number) => v === null || Math.round(v * 10 ** d) / 10 ** d === v
    for (const r of Object.values(report.indicators)) {
      for (const f of r.figures)
        if (f.decimals !== decimalsFor(f.kind) || !rounded(f.value, f.decimals)) bad.push(`${r.id} ${f.key}`)
      for (const t of r.tables)
        t.columns.forEach((c, i) => {
          if (c.decimals !== decimalsFor(c.kind) || !t.rows.every((row) => rounded(row.values[i], c.decimals)))
            bad.push(`${r.id} ${t.key}.${c.key}`)
        })
    }
    expect(Object.keys(report.indicators).length).toBeGreaterThan(3)
    expect(bad).toEqual([])
  } finally {
    stderr.mockRestore()
  }
})

it('refuses an impossible period, an unknown format or an unknown site', async () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    expect((await run({ from: '2009-02-30', to: '2009-12-31' })).code).toBe(2)
    expect((await run({ from: '2009-12-31', to: '2009-01-01' })).code).toBe(2)
    expect((await run({ from: '2009-01-01', to: '2009-12-31', format: 'docx' })).code).toBe(2)
    expect((await run({ from: '2009-01-01', to: '2009-12-31', site: 'NOPE' })).code).toBe(2)
  } finally {
    stderr.mockRestore()
  }
})
