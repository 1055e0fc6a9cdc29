import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_COUNSELLOR,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  submitCredentials,
  waitForHome,
} from './support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'la direction voit qui a consulté un dossier, et le journal en phrases'

/** Théo Lefèvre, a demo person followed by the demo counsellor, has a justice status: reading his file is traced. */
const FILE = 'LEFÈVRE Théo'

async function openFile(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Personnes' }).click()
  await page.getByLabel('Nom et prénom').fill('Lefèvre Théo')
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
  await page.getByRole('link', { name: FILE }).click()
  await page.getByRole('heading', { level: 1, name: FILE }).waitFor()
}

export async function run({ newPage }: Journey) {
  // The counsellor opens the file: its sensitive status is shown, and the read is written in the audit trail.
  const counsellor = await newPage()
  await submitCredentials(counsellor, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(counsellor)
  await openFile(counsellor)
  await counsellor.getByRole('tab', { name: 'Identité', exact: true }).waitFor()
  assert.equal(await counsellor.getByRole('tab', { name: 'Journal', exact: true }).count(), 0, 'no trail for her')

  // The director opens the same file, its "Journal" tab: who read it, and what was done, in words.
  const director = await newPage()
  await submitCredentials(director, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(director)
  await openFile(director)
  await director.getByRole('tab', { name: 'Journal', exact: true }).click()
  await director.getByRole('heading', { name: 'Qui a consulté ce dossier' }).waitFor()
  const readers = director.getByRole('table', { name: /Consultations du dossier/ })
  await readers.getByRole('rowheader', { name: 'Claire Conseillère' }).waitFor()
  await director
    .getByRole('cell', {
      name: new RegExp(
        `^Claire Conseillère a consulté les informations sensibles du dossier de ${FILE} le \\d{2}/\\d{2}/\\d{4} à \\d{2}:\\d{2}\\.$`,
      ),
    })
    .first()
    .waitFor()
  assert.match(director.url(), /onglet=journal/, 'the tab is in the address')
  await assertAccessible(director, 'dossier, journal')

  // The structure's audit trail says the same in words, naming the person.
  await mainNav(director).getByRole('link', { name: "Journal d'audit" }).click()
  await director.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor()
  await director
    .getByRole('cell', {
      name: new RegExp(`^Claire Conseillère a consulté les informations sensibles du dossier de ${FILE}`),
    })
    .first()
    .waitFor()
  await assertAccessible(director, 'journal d’audit en phrases')
}
