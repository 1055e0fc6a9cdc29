import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { assertAccessible, DEMO_PASSWORD, type Journey, submitCredentials, waitForHome } from './support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'la direction lit les statistiques en graphiques sur un téléphone, sans défilement horizontal'

/** Nothing wider than the screen: the page never scrolls sideways (tables scroll inside their own frame). */
async function assertNoHorizontalOverflow(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  assert.ok(scrollWidth <= clientWidth, `${where} : la page déborde (${scrollWidth} px pour ${clientWidth} px d’écran)`)
}

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await page.setViewportSize({ width: 375, height: 740 })
  await submitCredentials(page, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)

  // The navigation is folded behind its button on a phone.
  await page.getByRole('button', { name: 'Ouvrir le menu' }).click()
  await page.getByRole('link', { name: 'Statistiques', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Statistiques' }).waitFor()

  // A chart for each table the result has, each followed by its table (the figures, for those who do not see it).
  const charts = page.getByRole('img', { name: /^Graphique : / })
  await charts.first().waitFor()
  await page.locator('[role="img"] svg').first().waitFor()
  assert.ok((await page.getByRole('table').count()) >= (await charts.count()), 'every chart keeps its table')
  await assertNoHorizontalOverflow(page, 'statistiques, une période')
  await assertAccessible(page, 'statistiques sur un téléphone')

  // Two periods compared: the headline value period by period, as a chart too.
  await page.locator('label', { hasText: '2 périodes' }).click()
  await page.getByRole('img', { name: /période par période/ }).waitFor()
  await assertNoHorizontalOverflow(page, 'statistiques, deux périodes')
  await assertAccessible(page, 'statistiques comparées sur un téléphone')
}
