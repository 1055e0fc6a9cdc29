import type { Page } from 'playwright-core'
import { assertAccessible, type Journey, mainNav, pick, signInAsAdmin } from '../support.ts'

export const name = 'l’administratrice ajoute une salle à un site et modifie le modèle du rappel par SMS'

async function open(page: Page, link: string) {
  await mainNav(page).getByRole('link', { name: link }).click()
  await page.getByRole('heading', { level: 1, name: link }).waitFor()
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await signInAsAdmin(page)

  await open(page, 'Salles')
  await page.getByRole('button', { name: 'Nouvelle salle' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouvelle salle' })
  await pick(page, dialog.getByRole('combobox', { name: 'Site' }), 'Antenne Gravelines')
  await dialog.getByRole('textbox', { name: 'Nom' }).fill('Salle du port')
  await dialog.getByRole('textbox', { name: 'Places' }).fill('8')
  await assertAccessible(page, 'formulaire de salle')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page.getByRole('row', { name: /Antenne Gravelines Salle du port 8/ }).waitFor()
  await assertAccessible(page, 'salles')

  await open(page, 'Modèles de messages')
  const sms = page.getByRole('region', { name: /Rappel par SMS/ })
  await sms.getByRole('textbox', { name: 'Texte' }).fill('Rappel : rendez-vous demain {date} à {heure}, {lieu}.')
  await sms.getByRole('button', { name: 'Enregistrer' }).click()
  await page
    .getByRole('region', { name: /Rappel par SMS/ })
    .getByText('(texte par défaut)')
    .waitFor({ state: 'detached' })
  await assertAccessible(page, 'modèles de messages')
}
