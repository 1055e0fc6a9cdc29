import { readdir, readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_BUNDLE } from '../../test/exchange.builders.ts'
import { FORMULA } from './exchange.columns.ts'
import { DOC_PATH, readDocRegion, renderReference, renderRegion } from './exchange.docs.ts'
import { exchangeEntities, STRUCTURE_FILE } from './exchange.registry.ts'
import '../modules.ts' // installs the modules whose files the bundle holds

describe('docs/import-format.md', () => {
  it('documents every file and column as declared (regenerate: npx tsx src/server/modules/exchange/exchange.docs.ts)', async () => {
    expect(await readDocRegion('reference')).toBe(renderRegion('reference'))
  })

  it('lists every file in the order it is read, from the declarations (same command)', async () => {
    const table = await readDocRegion('files')
    expect(table).toBe(renderRegion('files'))
    for (const e of exchangeEntities()) expect(table).toContain(`| \`${e.file}\` |`)
    expect(table).toContain('| 8 | `proposition_themes.csv` | thèmes de proposition propres à la structure |')
  })

  it('lists every code with its French label', () => {
    const doc = renderReference()
    expect(doc).toContain('| `cdd_over_6_months` | CDD de plus de 6 mois |')
    expect(doc).toContain('| `insertion_contract` | Contrat d’insertion en SIAE (ACI, EI, ETTI, AI) |')
    expect(doc).toContain('| `Vbis` | Vbis — sortie avant l’année terminale de CAP/BEP |')
    expect(doc).toContain('| `health` | Santé (domaine social, sensible) |')
  })

  it('states the spreadsheet-formula rule the code applies', async () => {
    const doc = await readFile(DOC_PATH, 'utf8')
    expect(doc).toContain(`\`${FORMULA.source}\``)
    expect(doc).toContain("`=SOMME(A1)` s’écrit `'=SOMME(A1)`")
  })

  it('has an example with every file of the format', async () => {
    expect((await readdir(EXAMPLE_BUNDLE)).sort()).toEqual(
      [STRUCTURE_FILE, ...exchangeEntities().map((e) => e.file)].sort(),
    )
  })
})
