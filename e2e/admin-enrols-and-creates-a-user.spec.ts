import assert from 'node:assert/strict'
import {
  assertAccessible,
  DEMO_ADMIN,
  type Journey,
  mainNav,
  pick,
  signInAsAdmin,
  signOut,
  submitCredentials,
  waitForHome,
} from './support.ts'

export const name = "l'administrateur active la double authentification, crée une conseillère, qui se connecte"

export async function run({ newPage }: Journey) {
  const page = await newPage()

  // First sign-in of an administrator: two-factor authentication must be turned on (secret read from the page).
  assert.equal(await signInAsAdmin(page), 'enrolled')

  // Administration: the users list.
  await mainNav(page).getByRole('link', { name: 'Utilisateurs' }).click()
  await page.waitForURL('**/admin/utilisateurs**')
  await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor()
  await page.getByRole('cell', { name: DEMO_ADMIN }).waitFor()
  await assertAccessible(page, 'administration des utilisateurs')

  // A new counsellor, on one site.
  const suffix = Date.now().toString(36)
  const email = `nouvelle.conseillere.${suffix}@demo.jalon.fr`
  const displayName = `Nouvelle Conseillère ${suffix}`
  const password = 'une phrase de passe solide 2026'
  await page.getByRole('button', { name: 'Nouvel utilisateur' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouvel utilisateur' })
  await dialog.waitFor()
  await assertAccessible(page, "formulaire de création d'un utilisateur")
  await dialog.getByLabel('Adresse e-mail').fill(email)
  await dialog.getByLabel('Nom affiché').fill(displayName)
  await pick(page, dialog.getByRole('combobox', { name: 'Rôle' }), 'Conseiller')
  await dialog.getByLabel('Mot de passe initial').fill(password)
  await dialog.getByRole('combobox', { name: 'Sites' }).click()
  await page.getByRole('option').first().click()
  await page.keyboard.press('Escape')
  await dialog.getByRole('button', { name: "Créer l'utilisateur" }).click()
  await dialog.waitFor({ state: 'detached' })

  await page.getByLabel('Rechercher').fill(suffix)
  const row = page.getByRole('row').filter({ hasText: email })
  await row.waitFor()
  assert.match((await row.textContent()) ?? '', /Conseiller/)
  await page.waitForURL(/q=/) // the search is kept in the address

  await signOut(page)

  // The new counsellor signs in with the password she was given.
  await submitCredentials(page, email, password)
  const heading = await waitForHome(page)
  assert.equal(heading.trim(), `Bonjour ${displayName}`)
}
