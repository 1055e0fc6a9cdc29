import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  signInAsAdmin,
  submitCredentials,
  waitForHome,
} from './support.ts'

/** after the admin's enrolment (order 10): this journey signs the admin in with the second factor enrolled there */
export const order = 50
export const name = "l'administrateur enregistre la convention du PLIE et ses objectifs annuels"

/** The protocol's figures are those of one indicator of the catalogue, each objective on one of them. */
const PROTOCOL = 'Objectifs du protocole PLIE (plie.objectives)'

/** Adds one of the protocol's yearly objectives, from the open agreement's section: the figure and its target. */
async function addObjective(page: Page, figure: string, target: string) {
  await page.getByRole('button', { name: 'Nouvel objectif' }).click()
  const dialog = page.getByRole('dialog', { name: /^Nouvel objectif/ })
  await pick(page, dialog.getByRole('combobox', { name: 'Indicateur' }), PROTOCOL)
  await pick(page, dialog.getByRole('combobox', { name: 'Chiffre' }), figure)
  await dialog.getByRole('textbox', { name: 'Année' }).fill('2026')
  await dialog.getByRole('textbox', { name: 'Objectif', exact: true }).fill(target)
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  return dialog
}

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await signInAsAdmin(page)

  await mainNav(page).getByRole('link', { name: 'Conventions et objectifs' }).click()
  await page.getByRole('heading', { level: 1, name: 'Conventions et objectifs' }).waitFor()
  await page.getByText('Aucune convention pour l’instant.').or(page.getByRole('table')).first().waitFor()
  await assertAccessible(page, 'conventions et objectifs')

  // The PLIE protocol 2026: a bad period is explained next to its field, then the agreement is saved.
  await page.getByRole('button', { name: 'Nouvelle convention' }).click()
  let dialog = page.getByRole('dialog', { name: 'Nouvelle convention' })
  await dialog.getByLabel('Nom').fill('Protocole PLIE 2026')
  await dialog.getByLabel('Financeur').fill('Métropole')
  await dialog.getByRole('textbox', { name: 'Début', exact: true }).fill('01/01/2026')
  await page.keyboard.press('Tab')
  await dialog.getByRole('textbox', { name: 'Fin', exact: true }).fill('31/12/2025')
  await page.keyboard.press('Tab')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.getByText('La fin de la convention doit suivre son début.').waitFor()
  await assertAccessible(page, 'formulaire d’une convention')
  await dialog.getByRole('textbox', { name: 'Fin', exact: true }).fill('31/12/2026')
  await page.keyboard.press('Tab')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  const row = page.getByRole('row').filter({ hasText: 'Protocole PLIE 2026' })
  await row.filter({ hasText: 'du 01/01/2026 au 31/12/2026' }).waitFor()
  assert.match((await row.textContent()) ?? '', /Métropole/)

  // Its objectives, on the figures of the protocol's indicator: 1 000 entries of which 450 welfare recipients, 500
  // positive exits, 3 000 persons in pathway on average.
  await page.getByRole('heading', { level: 2, name: 'Objectifs — Protocole PLIE 2026' }).waitFor()
  await page.getByText('Aucun objectif fixé pour cette convention.').waitFor()
  await page.getByRole('button', { name: 'Nouvel objectif' }).click()
  dialog = page.getByRole('dialog', { name: /^Nouvel objectif/ })
  await dialog.getByRole('combobox', { name: 'Indicateur' }).waitFor()
  await assertAccessible(page, 'formulaire d’un objectif')
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  for (const [figure, target] of [
    ['Entrées', '1000'],
    ['Entrées d’allocataires du RSA', '450'],
    ['Sorties positives', '500'],
    ['Personnes en parcours (moyenne)', '3000'],
  ] as const)
    await (await addObjective(page, figure, target)).waitFor({ state: 'detached' })

  const objectives = page.getByRole('table', { name: /Objectifs annuels de la convention Protocole PLIE 2026/ })
  const rowOf = (figure: string) =>
    objectives.getByRole('row').filter({ has: page.getByRole('cell', { name: figure, exact: true }) })
  for (const [figure, target] of [
    ['Entrées', /^1\s000$/],
    ['Entrées d’allocataires du RSA', /^450$/],
    ['Sorties positives', /^500$/],
    ['Personnes en parcours (moyenne)', /^3\s000$/],
  ] as const)
    await rowOf(figure).getByRole('cell', { name: target }).waitFor()
  assert.match((await rowOf('Entrées').textContent()) ?? '', /plie\.objectives/, 'the indicator is named by its id')

  // The same objective twice is refused, next to the year.
  dialog = await addObjective(page, 'Entrées', '1000')
  await dialog.getByText('Objectif déjà fixé pour cette année.').waitFor()
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  // A target revised: 1 000 entries become 1 100.
  await rowOf('Entrées')
    .getByRole('button', { name: /^Modifier l’objectif 2026/ })
    .click()
  dialog = page.getByRole('dialog', { name: 'Modifier l’objectif 2026' })
  await dialog.getByText('Objectif actuel : 1').waitFor()
  await assertAccessible(page, 'modification d’un objectif')
  await dialog.getByRole('textbox', { name: 'Objectif', exact: true }).fill('1100')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  await objectives
    .getByRole('row')
    .filter({ hasText: /1\s100/ })
    .waitFor()
  await assertAccessible(page, 'conventions et objectifs, avec objectifs')

  // Two tabs on the same objective: the second save, on the version read before the first, is told so in French.
  const edit = (p: Page) =>
    p
      .getByRole('table', { name: /Objectifs annuels de la convention Protocole PLIE 2026/ })
      .getByRole('row')
      .filter({ hasText: /1\s100/ })
      .first()
      .getByRole('button', { name: /^Modifier l’objectif 2026/ })
      .click()
  await edit(page)
  dialog = page.getByRole('dialog', { name: 'Modifier l’objectif 2026' })
  await dialog.getByRole('textbox', { name: 'Objectif', exact: true }).fill('1200')
  const other = await page.context().newPage()
  await other.goto(page.url())
  await edit(other)
  const otherDialog = other.getByRole('dialog', { name: 'Modifier l’objectif 2026' })
  await otherDialog.getByRole('textbox', { name: 'Objectif', exact: true }).fill('1050')
  await otherDialog.getByRole('button', { name: 'Enregistrer' }).click()
  await otherDialog.waitFor({ state: 'detached' })
  await other.close()
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.getByText('Cet objectif a été modifié par quelqu’un d’autre', { exact: false }).waitFor()
  await assertAccessible(page, 'objectif modifié entre-temps')
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await objectives
    .getByRole('row')
    .filter({ hasText: /1\s050/ })
    .waitFor()

  // The director reads the same page, without a button to change it.
  const director = await newPage()
  await submitCredentials(director, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(director)
  await mainNav(director).getByRole('link', { name: 'Conventions et objectifs' }).click()
  await director.getByRole('heading', { level: 1, name: 'Conventions et objectifs' }).waitFor()
  await director.getByText('Consultation seule', { exact: false }).waitFor()
  await director
    .getByRole('table', { name: /Objectifs annuels de la convention Protocole PLIE 2026/ })
    .getByRole('cell', { name: 'Entrées d’allocataires du RSA', exact: true })
    .waitFor()
  assert.equal(
    await director.getByRole('button', { name: /^(Nouvelle convention|Nouvel objectif|Modifier)/ }).count(),
    0,
  )
  await assertAccessible(director, 'conventions et objectifs, en lecture')
}
