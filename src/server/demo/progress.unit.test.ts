import { describe, expect, it } from 'vitest'
import { demoLoadHeading, demoLoadProgress, throttledProgress } from './progress.ts'

describe('progress lines while the demo loads', () => {
  it('prints the first step at once, then at most one line a second: the step under way, once', () => {
    let t = 0
    const lines: string[] = []
    const progress = throttledProgress(
      (l) => lines.push(l),
      1000,
      () => t,
    )
    progress('organisation')
    expect(lines).toEqual(['organisation'])
    t = 200
    progress('plan')
    t = 500
    progress('jeunes')
    progress('jeunes')
    expect(lines).toEqual(['organisation'])
    // told again once the second has passed (after a chunk of rows): printed now, the step it replaced never
    t = 1100
    progress('jeunes')
    expect(lines).toEqual(['organisation', 'jeunes'])
    // the same step told again and again: one line
    t = 5000
    progress('jeunes')
    expect(lines).toEqual(['organisation', 'jeunes'])
    progress('propositions')
    t = 5100
    progress('situations')
    expect(lines).toEqual(['organisation', 'jeunes', 'propositions'])
  })

  it('prints a demo load as `npm start` and `jalon demo` both do: a heading, then the steps indented', () => {
    const lines: string[] = [demoLoadHeading(true)]
    demoLoadProgress((l) => lines.push(l))('Organisation de démonstration…')
    expect(lines).toEqual([
      'Base vide : chargement de l’organisation de démonstration et des données de l’année 2009…',
      '  Organisation de démonstration…',
    ])
    expect(demoLoadHeading(false)).toBe('Base vide : chargement de l’organisation de démonstration…')
  })
})
