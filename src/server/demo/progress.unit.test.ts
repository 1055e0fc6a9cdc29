import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { throttledProgress } from './progress.ts'

describe('progress lines while the demo loads', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('prints the first step at once, then at most one line a second, always the latest step', () => {
    const lines: string[] = []
    const p = throttledProgress((l) => lines.push(l))
    p.step('organisation')
    expect(lines).toEqual(['organisation'])
    vi.advanceTimersByTime(200)
    p.step('plan')
    vi.advanceTimersByTime(300)
    p.step('jeunes')
    expect(lines).toEqual(['organisation'])
    // one second after the first line: the step under way, not the one it replaced
    vi.advanceTimersByTime(500)
    expect(lines).toEqual(['organisation', 'jeunes'])
    vi.advanceTimersByTime(5000)
    expect(lines).toEqual(['organisation', 'jeunes'])
    // a step told long after the last line is printed at once
    p.step('propositions')
    expect(lines).toEqual(['organisation', 'jeunes', 'propositions'])
  })

  it('drops a waiting step once stopped', () => {
    const lines: string[] = []
    const p = throttledProgress((l) => lines.push(l))
    p.step('a')
    p.step('b')
    p.stop()
    vi.advanceTimersByTime(3000)
    expect(lines).toEqual(['a'])
  })
})
