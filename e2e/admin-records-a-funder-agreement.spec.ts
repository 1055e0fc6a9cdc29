import assert from 'node:assert/strict'
import type { Locator, Page } from 'playwright-core'
import { assertAccessible, type Journey, mainNav, signInAsAdmin } from './support.ts'

/** after the admin's enrolment (order 10): this journey signs the admin in with the second factor enrolled there */
export const order = 50
export const name = "l'administrateur enregistre la convention du PLIE et ses objectifs annuels"

/**
 * Picks, in an open select, the first option matching one of the patterns, in their order (the catalogue grows as
 * modules declare indicators: the PLIE's own when they exist, else a Mission Locale's). Says which it picked.
 */
async function pickFirst(page: Page, input: Locator, patterns: RegExp[]): Promise<string> {
  await input.click()
  const options = page.getByRole('option')
  await options.first().waitFor()
  const labels = await options.allTextContents()
  for (const pattern of patterns) {
    const label = labels.find((l) => pattern.test(l))
    if (label) {
      await page.getByRole('option', { name: label, exact: true }).click()
      return label
    }
  }
  throw new Error(`aucune option parmi : ${labels.join(' | ')}`)
}

/** Adds one objective from the open agreement's section; the sub-figure when asked and offered. */
async function addObjective(
  page: Page,
  indicator: RegExp[],
  target: string,
  subFigure?: RegExp,
): Promise<{ indicator: string; subFigure?: string }> {
  await page.getByRole('button', { name: 'Nouvel objectif' }).click()
  const dialog = page.getByRole('dialog', { name: /^Nouvel objectif/ })
  const picked = await pickFirst(page, dialog.getByRole('combobox', { name: 'Indicateur' }), indicator)
  let figure: string | undefined
  if (subFigure) {
    const figures = dialog.getByRole('combobox', { name: 'Chiffre' })
    if ((await figures.count()) > 0) {
      await figures.click()
      figure = (await page.getByRole('option').allTextContents()).find((l) => subFigure.test(l))
      if (figure) await page.getByRole('option', { name: figure, exact: true }).click()
      else await page.keyboard.press('Escape')
    }
    if (!figure) {
      // the catalogue does not offer this figure for the indicator: nothing to record
      await dialog.getByRole('button', { name: 'Annuler' }).click()
      await dialog.waitFor({ state: 'detached' })
      return { indicator: picked }
    }
  }
  await dialog.getByRole('textbox', { name: 'Année' }).fill('2026')
  await dialog.getByRole('textbox', { name: 'Objectif', exact: true }).fill(target)
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  return { indicator: picked, subFigure: figure }
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

  // Its objectives: 1 000 entries (450 of them welfare recipients when the indicator offers that figure), 500
  // positive exits. The PLIE's indicators when the catalogue has them, else the Mission Locale's nearest ones.
  await page.getByRole('heading', { level: 2, name: 'Objectifs — Protocole PLIE 2026' }).waitFor()
  await page.getByText('Aucun objectif fixé pour cette convention.').waitFor()
  await page.getByRole('button', { name: 'Nouvel objectif' }).click()
  dialog = page.getByRole('dialog', { name: /^Nouvel objectif/ })
  await dialog.getByRole('combobox', { name: 'Indicateur' }).waitFor()
  await assertAccessible(page, 'formulaire d’un objectif')
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  const entries = [/entrées.*PLIE|PLIE.*entrées/i, /accueillis pour la première fois/i]
  const entry = await addObjective(page, entries, '1000')
  const rsa = await addObjective(page, entries, '450', /RSA/)
  await addObjective(page, [/sorties positives/i, /Entrées en emploi et en formation/i], '500')

  const objectives = page.getByRole('table', { name: /Objectifs annuels de la convention Protocole PLIE 2026/ })
  await objectives.getByRole('row').filter({ hasText: /500/ }).waitFor()
  const thousand = objectives.getByRole('row').filter({ hasText: /1\s000/ })
  await thousand.waitFor()
  assert.ok(entry.indicator.length > 0)
  if (rsa.subFigure) await objectives.getByRole('row').filter({ hasText: rsa.subFigure }).waitFor()
  else {
    // no welfare figure in this catalogue yet: the figure's select still shows for an indicator that declares one
    await page.getByRole('button', { name: 'Nouvel objectif' }).click()
    dialog = page.getByRole('dialog', { name: /^Nouvel objectif/ })
    const indicator = dialog.getByRole('combobox', { name: 'Indicateur' })
    await pickFirst(page, indicator, [/CIVIS/])
    await dialog.getByRole('combobox', { name: 'Chiffre' }).click()
    await page.getByRole('option', { name: 'Valeur principale de l’indicateur' }).waitFor()
    await page.keyboard.press('Escape')
    await dialog.getByRole('button', { name: 'Annuler' }).click()
    await dialog.waitFor({ state: 'detached' })
  }
  // the same objective twice is refused, next to the year
  await page.getByRole('button', { name: 'Nouvel objectif' }).click()
  dialog = page.getByRole('dialog', { name: /^Nouvel objectif/ })
  await pickFirst(page, dialog.getByRole('combobox', { name: 'Indicateur' }), entries)
  await dialog.getByRole('textbox', { name: 'Objectif', exact: true }).fill('1000')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.getByText('Objectif déjà fixé pour cette année.').waitFor()
  await dialog.getByRole('button', { name: 'Annuler' }).click()
  await dialog.waitFor({ state: 'detached' })

  // A target revised: 1 000 entries become 1 100.
  await thousand
    .first()
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
}
