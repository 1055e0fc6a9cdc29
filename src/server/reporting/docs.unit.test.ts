import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { allIndicators } from './catalogue.ts'
import { DOC_PATH, renderIndicatorsDoc } from './docs.ts'
import '../modules/modules.ts' // installs the modules whose indicators the catalogue holds

// docs/indicators.md is generated from the declarations: this fails when someone changes an indicator without
// regenerating it (npx tsx src/server/reporting/docs.ts).
it('docs/indicators.md is up to date with the indicator declarations', () => {
  const committed = readFileSync(DOC_PATH, 'utf8')
  expect(committed, 'docs/indicators.md est périmé : lancez npx tsx src/server/reporting/docs.ts').toBe(
    renderIndicatorsDoc(),
  )
  for (const i of allIndicators()) expect(committed).toContain(`\`${i.id}\``)
})
