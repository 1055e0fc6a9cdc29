import assert from 'node:assert/strict'
import { DEMO_PASSWORD, type Journey, mainNav, submitCredentials, waitForHome } from './support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'la direction consulte le journal, mais pas les comptes utilisateurs'

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await submitCredentials(page, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)
  await page.getByText('Direction', { exact: true }).first().waitFor()

  const nav = mainNav(page)
  assert.equal(await nav.getByRole('link', { name: 'Utilisateurs' }).count(), 0)
  await nav.getByRole('link', { name: "Journal d'audit" }).click()
  await page.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor()
  await page.getByRole('table').waitFor()
  assert.equal(await page.getByRole('combobox', { name: 'Auteur' }).count(), 0, 'no author list without user access')

  // Typing the address of an administration page shows a refusal, not the page.
  await page.goto('/admin/utilisateurs')
  await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor()
}
