import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { withQuery } from '../../api.ts'
import { caseloadSearchSchema } from './caseload.page.tsx'

// public/early.js preloads the caseload's first page: only useful if it is the very address the app asks.
describe('the caseload preloaded by early.js', () => {
  it('is the address the caseload asks with its default criteria', () => {
    const early = readFileSync(join(import.meta.dirname, '../../public/early.js'), 'utf8')
    const preloaded = early.match(/link\.href = '([^']+)'/)?.[1]
    expect(preloaded).toBe(withQuery('/api/caseload', { ...caseloadSearchSchema.parse({}) }))
  })
})
