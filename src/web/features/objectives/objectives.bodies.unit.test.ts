import { describe, expect, it } from 'vitest'
import type { Agreement, CatalogueEntry } from '../../../shared/reporting/reporting.schema.ts'
import {
  agreementBody,
  agreementErrors,
  figureLabel,
  HEADLINE,
  indicatorOptions,
  objectiveBody,
  objectiveErrors,
  periodLabel,
  subFigureOptions,
  targetBody,
  targetErrors,
} from './objectives.bodies.ts'

const plie: Agreement = {
  id: '0b8f5c1e-6a51-4c9e-9d1a-3c1f4f6a2b10',
  name: 'Protocole PLIE 2026',
  funder: 'Métropole',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  version: 1,
}
const entry = (id: string, familyLabel: string, keys: CatalogueEntry['objectiveKeys'] = []): CatalogueEntry => ({
  id,
  family: familyLabel.toLowerCase(),
  familyLabel,
  label: `Titre de ${id}`,
  definition: '',
  population: '',
  breakdowns: [],
  notes: [],
  sensitive: false,
  objectiveKeys: keys,
})
const entries = entry('plie.entries', 'PLIE', [{ key: 'rsa', label: 'dont allocataires du RSA' }])

describe('the agreement form', () => {
  it('sends the agreement as typed', () => {
    const v = { name: 'CPO 2025-2027', funder: 'État', periodStart: '2025-01-01', periodEnd: '2027-12-31' }
    expect(agreementBody(v)).toEqual(v)
    expect(agreementErrors(v)).toEqual({})
  })

  it('says which dates are missing, and when the end comes before the start', () => {
    expect(agreementErrors({ name: '', funder: 'État', periodStart: null, periodEnd: null })).toEqual({
      name: 'Nom requis.',
      periodStart: 'Indiquez le début de la convention.',
      periodEnd: 'Indiquez la fin de la convention.',
    })
    expect(
      agreementErrors({ name: 'CPO', funder: 'État', periodStart: '2027-01-01', periodEnd: '2026-12-31' }),
    ).toEqual({ periodEnd: 'La fin de la convention doit suivre son début.' })
  })
})

describe('the objective form', () => {
  it('sends the headline value without sub-figure, and a sub-figure by its key', () => {
    const v = { indicatorId: 'plie.entries', subKey: HEADLINE, year: 2026, target: 1000 }
    expect(objectiveBody(v, plie.id)).toEqual({
      agreementId: plie.id,
      indicatorId: 'plie.entries',
      subKey: null,
      year: 2026,
      target: 1000,
    })
    expect(objectiveBody({ ...v, subKey: 'rsa', target: 450 }, plie.id).subKey).toBe('rsa')
    expect(objectiveErrors(v, plie)).toEqual({})
  })

  it('says what is missing in French, and keeps the year within the agreement', () => {
    expect(objectiveErrors({ indicatorId: null, subKey: HEADLINE, year: '', target: '' }, plie)).toEqual({
      indicatorId: 'Choisissez un indicateur.',
      year: 'Indiquez l’année.',
      target: 'Indiquez l’objectif.',
    })
    expect(objectiveErrors({ indicatorId: 'plie.entries', subKey: HEADLINE, year: 2027, target: 1 }, plie)).toEqual({
      year: 'La convention porte sur 2026.',
    })
    const cpo = { ...plie, periodStart: '2025-01-01', periodEnd: '2027-12-31' }
    expect(objectiveErrors({ indicatorId: 'x', subKey: HEADLINE, year: 2024, target: 1 }, cpo).year).toBe(
      'La convention porte sur les années 2025 à 2027.',
    )
    expect(objectiveErrors({ indicatorId: 'x', subKey: HEADLINE, year: 2026, target: -5 }, plie)).toEqual({
      target: 'Objectif positif.',
    })
  })

  it('changes only the target, with the version read', () => {
    const v = { indicatorId: 'plie.entries', subKey: HEADLINE, year: 2026, target: 1100 }
    expect(targetBody(v, 3)).toEqual({ target: 1100, version: 3 })
    expect(targetErrors(v)).toEqual({})
    expect(targetErrors({ ...v, target: '' })).toEqual({ target: 'Indiquez l’objectif.' })
  })
})

describe('the catalogue in the form', () => {
  it('groups the indicators by family, each by its title and id', () => {
    expect(indicatorOptions([entries, entry('ml.civis', 'Mission Locale'), entry('plie.exits', 'PLIE')])).toEqual([
      {
        group: 'PLIE',
        items: [
          { value: 'plie.entries', label: 'Titre de plie.entries (plie.entries)' },
          { value: 'plie.exits', label: 'Titre de plie.exits (plie.exits)' },
        ],
      },
      { group: 'Mission Locale', items: [{ value: 'ml.civis', label: 'Titre de ml.civis (ml.civis)' }] },
    ])
  })

  it('offers the headline value then the declared sub-figures, and names them', () => {
    expect(subFigureOptions(entries).map((o) => o.value)).toEqual([HEADLINE, 'rsa'])
    expect(subFigureOptions(undefined)).toEqual([])
    expect(figureLabel(entries, null)).toBe('Valeur principale')
    expect(figureLabel(entries, 'rsa')).toBe('dont allocataires du RSA')
    expect(figureLabel(undefined, 'rsa')).toBe('rsa')
  })

  it('shows a period as French dates', () => {
    expect(periodLabel(plie)).toBe('du 01/01/2026 au 31/12/2026')
  })
})
