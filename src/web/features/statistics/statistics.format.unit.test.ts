import { describe, expect, it } from 'vitest'
import { comparisonTitles, formatChange, lineCells, periodHeadings } from './statistics.format.ts'

// The statistics page's comparison over several periods: each period titled with its own dates, and the change
// between periods in French number format.

const years = [
  { from: '2007-01-01', to: '2007-12-31' },
  { from: '2008-01-01', to: '2008-12-31' },
  { from: '2009-01-01', to: '2009-12-31' },
]
/** Intl's French grouping space is a narrow no-break space: compared as a plain space. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ')

describe('comparison titles', () => {
  it('a state at the period end is titled with each period’s own last day, not the last period’s', () => {
    const titles = years.map((p) => `Situation familiale au 31/12/${p.from.slice(0, 4)}`)
    const { caption, headings } = comparisonTitles(titles, years)
    expect(caption).toBe('Situation familiale en fin de période')
    expect(headings).toEqual([
      '2007 — au 31/12/2007',
      '2008 — au 31/12/2008',
      'Évolution 2007 → 2008',
      '2009 — au 31/12/2009',
      'Évolution 2008 → 2009',
    ])
    expect(headings.filter((h) => h.includes('31/12/2009'))).toHaveLength(1)
  })

  it('periods that are not calendar years carry their dates', () => {
    const halves = [
      { from: '2009-01-01', to: '2009-06-30' },
      { from: '2009-07-01', to: '2009-12-31' },
    ]
    const { caption, headings } = comparisonTitles(['Logement au 30/06/2009', 'Logement au 31/12/2009'], halves)
    expect(caption).toBe('Logement en fin de période')
    expect(headings).toEqual([
      '01/01/2009–30/06/2009 — au 30/06/2009',
      '01/07/2009–31/12/2009 — au 31/12/2009',
      'Évolution 01/01/2009–30/06/2009 → 01/07/2009–31/12/2009',
    ])
  })

  it('a title without a date keeps it, and the headings are the periods', () => {
    const { caption, headings } = comparisonTitles(['Par sexe', 'Par sexe', 'Par sexe'], years)
    expect(caption).toBe('Par sexe')
    expect(headings).toEqual(periodHeadings(years))
    expect(headings).toEqual(['2007', '2008', 'Évolution 2007 → 2008', '2009', 'Évolution 2008 → 2009'])
  })
})

describe('changes between periods', () => {
  it('counts: difference and percent, French format', () => {
    expect(plain(formatChange({ value: 6202 }, { value: 7036 }, 'count', 0))).toBe('+834 (+13,4 %)')
    expect(plain(formatChange({ value: 78153 }, { value: 90267 }, 'count', 0))).toBe('+12 114 (+15,5 %)')
    expect(plain(formatChange({ value: 1250 }, { value: 1000 }, 'count', 0))).toBe('−250 (−20,0 %)')
    expect(formatChange({ value: 5 }, { value: 5 }, 'count', 0)).toBe('0 (0,0 %)')
    expect(formatChange({ value: 0 }, { value: 12 }, 'count', 0)).toBe('+12')
  })

  it('shares in points, averages and amounts with their decimals', () => {
    expect(formatChange({ value: 46.9 }, { value: 50.4 }, 'share', 1)).toBe('+3,5 pt')
    expect(formatChange({ value: 14.4 }, { value: 12.1 }, 'average', 1)).toBe('−2,3 (−16,0 %)')
    expect(plain(formatChange({ value: 1000 }, { value: 1234.5 }, 'amount', 2))).toBe('+234,50 € (+23,5 %)')
  })

  it('hides a change involving a secret value, and has none without a value', () => {
    expect(formatChange({ value: null, hidden: true }, { value: 40 }, 'count', 0)).toBe('s')
    expect(formatChange({ value: 40 }, { value: null, hidden: true }, 'count', 0)).toBe('s')
    expect(formatChange({ value: null }, { value: 40 }, 'count', 0)).toBe('—')
  })

  it('a line: each period, then its change from the one before', () => {
    const cells = lineCells([{ value: 1000 }, { value: 1100 }, { value: null, hidden: true }], 'count', 0)
    expect(cells.map(plain)).toEqual(['1 000', '1 100', '+100 (+10,0 %)', 's', 's'])
  })
})
