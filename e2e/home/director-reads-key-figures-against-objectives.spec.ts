import assert from 'node:assert/strict'
import { assertAccessible, DEMO_PASSWORD, type Journey, submitCredentials, waitForHome } from '../support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name =
  'la direction lit les chiffres clés de l’année par site face aux objectifs, fixe un objectif, et ouvre les personnes en alerte d’une équipe'

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)
  const figures = page.getByRole('region', { name: /^Chiffres clés \d{4}/ })
  await figures.getByRole('rowheader', { name: 'Toute la structure' }).waitFor({ timeout: 60_000 })
  const teams = page.getByRole('region', { name: /^Alertes de contact par équipe/ })
  await teams
    .getByRole('columnheader', { name: 'En alerte', exact: true })
    .or(teams.getByText('Aucune personne suivie.'))
    .waitFor()
  await assertAccessible(page, 'accueil de la direction')

  // an objective for the centre antenna
  await page.getByRole('link', { name: 'Objectifs des sites' }).first().click()
  await page.getByRole('heading', { level: 1, name: 'Objectifs des sites' }).waitFor()
  const cell = page.getByRole('textbox', { name: 'Jeunes en contact, Antenne Dunkerque Centre' })
  await cell.fill('120')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await page.getByRole('status').filter({ hasText: 'Objectifs enregistrés.' }).waitFor()
  await assertAccessible(page, 'objectifs des sites')

  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).click()
  const row = figures.getByRole('row', { name: /Antenne Dunkerque Centre/ })
  await row.getByText(/\/ 120/).waitFor({ timeout: 60_000 })

  // the people behind a team's count: the counsellor's caseload on that site, alerts only
  const link = teams.getByRole('link', { name: /en alerte$/ }).first()
  if (await link.count()) {
    await link.click()
    await page.waitForURL(/\/portefeuille\?.*alert=only/)
    const url = new URL(page.url())
    assert.ok(url.searchParams.get('counsellorId') && url.searchParams.get('siteId'), 'counsellor and site in the link')
  }
}
