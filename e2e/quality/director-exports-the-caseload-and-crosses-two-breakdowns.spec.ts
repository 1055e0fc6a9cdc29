import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  submitCredentials,
  waitForHome,
} from '../support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name =
  'la direction filtre et exporte un portefeuille, lit l’évolution de la qualité et ouvre les personnes d’une case du croisement niveau × site'

/** Clicks a download link and returns the file's name and bytes. */
async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: await readFile(path) }
}

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await submitCredentials(page, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)

  // A counsellor's caseload, narrowed to those turning 26 within the next ten years (every young person), exported.
  await mainNav(page).getByRole('link', { name: 'Mon portefeuille' }).click()
  await page.getByRole('heading', { level: 1, name: 'Portefeuille d’un conseiller' }).waitFor()
  await pick(page, page.getByRole('combobox', { name: 'Conseiller' }), 'Claire Conseillère')
  const table = page.getByRole('table', { name: 'Personnes suivies' })
  await table.getByRole('row').nth(1).waitFor()
  const year = new Date().getFullYear() + 10
  await page.getByLabel('26 ans au plus tard le').fill(`${year}-12-31`)
  await page.waitForURL(new RegExp(`ageOutBefore=${year}-12-31`))
  await table.getByRole('columnheader', { name: '26 ans le' }).waitFor()
  await assertAccessible(page, 'portefeuille filtré')
  const csv = await download(page, 'Exporter en CSV')
  assert.match(csv.name, /^portefeuille_\d{4}-\d{2}-\d{2}\.csv$/)
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a byte-order mark, for Excel')
  assert.match(csv.bytes.subarray(3).toString('utf8'), /^Nom;Prénom;Date de naissance;/)
  const xlsx = await download(page, 'Exporter en Excel')
  assert.match(xlsx.name, /^portefeuille_.*\.xlsx$/)
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'a workbook is a zip')

  // The quality of the structure's files, month by month.
  await mainNav(page).getByRole('link', { name: 'Qualité des données' }).click()
  await page.getByRole('heading', { level: 1, name: 'Qualité des données' }).waitFor()
  await page.getByRole('table', { name: 'Dossiers ne respectant pas chaque règle, mois par mois' }).waitFor()
  await assertAccessible(page, 'qualité des données, direction')

  // Level × site of the young people in contact this year; a cell opens on its persons.
  const thisYear = new Date().getFullYear()
  await page.goto(`/statistiques?indicator=ml.youth_in_contact&from=${thisYear}-01-01&to=${thisYear}-12-31`)
  await page.getByRole('heading', { name: 'Croiser deux ventilations' }).waitFor()
  const cross = page.getByRole('table', { name: /Jeunes en contact : niveau de formation × site/ })
  await cross.waitFor()
  const cell = cross.getByRole('button', { name: /voir les personnes/ }).first()
  await cell.waitFor()
  await assertAccessible(page, 'statistiques, croisement')
  await cell.click()
  const dialog = page.getByRole('dialog', { name: /^Personnes : / })
  await dialog.getByRole('table', { name: 'Personnes de la case' }).getByRole('link').first().waitFor()
  await assertAccessible(page, 'statistiques, personnes d’une case')
  await dialog.getByRole('button', { name: 'Fermer' }).click()
}
