import assert from 'node:assert/strict'
import { assertAccessible, type Journey, mainNav, pick, signInAsAdmin } from './support.ts'

export const name = "l'administrateur ouvre une permanence, crée un programme et consulte le journal"

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await signInAsAdmin(page)

  // Sites: a new desk serving Gravelines, chosen from the official list of communes.
  await mainNav(page).getByRole('link', { name: 'Sites' }).click()
  await page.getByRole('heading', { level: 1, name: 'Sites' }).waitFor()
  await page.getByRole('table').waitFor()
  await assertAccessible(page, 'administration des sites')

  const code = `P-E2E-${Date.now().toString(36).slice(-4).toUpperCase()}`
  await page.getByRole('button', { name: 'Nouveau site' }).click()
  let dialog = page.getByRole('dialog', { name: 'Nouveau site' })
  await dialog.getByLabel('Code').fill(code)
  await pick(page, dialog.getByRole('combobox', { name: 'Type' }), 'Permanence')
  await dialog.getByLabel('Nom').fill('Permanence de essai')
  await dialog.getByLabel('Adresse').fill('1 place de la Mairie, 59820 Gravelines')
  await dialog.getByRole('combobox', { name: 'Communes desservies' }).fill('Gravel')
  await page.getByRole('option', { name: /^Gravelines/ }).click()
  await page.keyboard.press('Escape')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  let row = page.getByRole('row').filter({ hasText: code })
  await row.waitFor()
  assert.match((await row.textContent()) ?? '', /Gravelines/)

  // Renamed: the commune stays, the new name shows.
  await row.getByRole('button', { name: 'Modifier le site Permanence de essai' }).click()
  dialog = page.getByRole('dialog', { name: 'Modifier le site Permanence de essai' })
  await dialog.getByText('Gravelines', { exact: false }).first().waitFor()
  await dialog.getByLabel('Nom').fill("Permanence d'essai")
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  row = page.getByRole('row').filter({ hasText: code })
  await row.filter({ hasText: "Permanence d'essai" }).waitFor()

  // Programmes: a bad code is explained next to the field; a good one (typed in lower case) is saved in capitals.
  await mainNav(page).getByRole('link', { name: 'Programmes' }).click()
  await page.getByRole('heading', { level: 1, name: 'Programmes' }).waitFor()
  await page.getByRole('table').waitFor()
  await assertAccessible(page, 'administration des programmes')
  await page.getByRole('button', { name: 'Nouveau programme' }).click()
  dialog = page.getByRole('dialog', { name: 'Nouveau programme' })
  await dialog.getByLabel('Code').waitFor()
  await assertAccessible(page, "formulaire d'un programme")
  await dialog.getByLabel('Code').fill('x')
  await dialog.getByLabel('Nom').fill('Programme de test')
  await pick(page, dialog.getByRole('combobox', { name: 'Nature' }), 'Autre')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.getByText('Code en majuscules, chiffres ou _ (2 à 20 caractères).').waitFor()
  await dialog.getByLabel('Code').fill('essai_e2e')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByRole('cell', { name: 'ESSAI_E2E', exact: true }).waitFor()

  // The audit trail lists what was just done, and filters.
  await mainNav(page).getByRole('link', { name: "Journal d'audit" }).click()
  await page.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor()
  await page.getByRole('table').waitFor()
  assert.ok((await page.getByRole('row').count()) > 2, 'the audit trail has events')
  await assertAccessible(page, "journal d'audit")
  await page.getByLabel('Action').fill('aucune-action-de-ce-nom')
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await page.getByText('Aucun événement ne correspond à ces critères.').waitFor()

  // Profile page.
  await mainNav(page).getByRole('link', { name: 'Mon profil' }).click()
  await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor()
  await page.getByText('Activée', { exact: true }).waitFor()
  await assertAccessible(page, 'mon profil')
}
