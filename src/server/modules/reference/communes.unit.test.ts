import { describe, expect, it } from 'vitest'
import { codesWithin, findCommune, findFormerCommune, formerCommunes, resolveCommune } from './communes.ts'

// The official list and its history (@etalab/decoupage-administratif): a former commune is found by its INSEE code
// and leads to the commune that took it over.

describe('former communes, from the official history', () => {
  it('knows Saint-Pol-sur-Mer (59540), associated with Dunkerque (59183) in 2010, and is not a current commune', () => {
    expect(findCommune('59540')).toBeUndefined()
    const f = findFormerCommune('59540')
    expect(f).toMatchObject({
      code: '59540',
      name: 'Saint-Pol-sur-Mer',
      successor: { code: '59183', name: 'Dunkerque' },
    })
    expect(resolveCommune('59540')).toMatchObject({
      code: '59540',
      name: 'Saint-Pol-sur-Mer (Dunkerque)',
      current: { code: '59183' },
    })
  })

  it('resolves a current commune to itself, and an unknown code to nothing', () => {
    expect(resolveCommune('59183')).toMatchObject({ code: '59183', name: 'Dunkerque', former: null })
    expect(resolveCommune('59999')).toBeUndefined()
    expect(resolveCommune('')).toBeUndefined()
  })

  it('never takes a current code for a former one (a commune nouvelle keeps one of the merged codes)', () => {
    for (const code of formerCommunes().keys()) expect(findCommune(code), code).toBeUndefined()
    // Villotran (60694) is a delegated commune of Les Hauts-Talican, which carries the same code
    expect(resolveCommune('60694')).toMatchObject({ name: 'Les Hauts-Talican', former: null })
  })

  it('names a merged commune the list keeps no record of by its successor', () => {
    const unnamed = [...formerCommunes().values()].find((f) => f.name === null)!
    expect(resolveCommune(unnamed.code)!.name).toBe(`${unnamed.successor.name} (ancienne commune ${unnamed.code})`)
  })

  it('counts a commune’s former codes in it, and a former code asked for itself alone', () => {
    const dunkerque = codesWithin('59183')
    expect(dunkerque).toContain('59183')
    expect(dunkerque).toContain('59540')
    expect(dunkerque).toContain('59248') // Fort-Mardyck
    expect(codesWithin('59540')).toEqual(['59540'])
    expect(codesWithin('59271')).toEqual(['59271']) // Grande-Synthe: no former code
  })
})
