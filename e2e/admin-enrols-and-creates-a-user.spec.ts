import assert from 'node:assert/strict'
import {
  assertAccessible,
  DEMO_ADMIN,
  type Journey,
  linkIn,
  mainNav,
  pick,
  signInAsAdmin,
  signOut,
  submitCredentials,
  waitForHome,
} from './support.ts'

/** first: the admin's first sign-in enrols the second factor, which the other admin journeys then use */
export const order = 10
export const name = "l'administrateur active la double authentification, crée une conseillère, qui se connecte"

export async function run({ baseURL, newPage, waitForMail }: Journey) {
  const page = await newPage()

  // First sign-in of an administrator: two-factor authentication must be turned on (secret read from the page).
  assert.equal(await signInAsAdmin(page), 'enrolled')

  // Administration: the users list.
  await mainNav(page).getByRole('link', { name: 'Utilisateurs' }).click()
  await page.waitForURL('**/admin/utilisateurs**')
  await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor()
  await page.getByRole('cell', { name: DEMO_ADMIN }).waitFor()
  await assertAccessible(page, 'administration des utilisateurs')

  // A new counsellor, on one site. The administrator gives no password: she is invited by mail and chooses her own.
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
  await dialog.getByRole('combobox', { name: 'Sites' }).click()
  await page.getByRole('option').first().click()
  await page.keyboard.press('Escape')
  assert.equal(await dialog.getByLabel(/mot de passe/i).count(), 0, 'no password field in the creation form')
  await dialog.getByRole('button', { name: "Créer l'utilisateur" }).click()
  const sent = dialog.getByRole('status')
  await sent.filter({ hasText: `Une invitation a été envoyée à ${email}` }).waitFor()
  await assertAccessible(page, 'compte créé, invitation envoyée')
  await dialog.getByRole('button', { name: 'Fermer' }).last().click()
  await dialog.waitFor({ state: 'detached' })

  await page.getByLabel('Rechercher').fill(suffix)
  const row = page.getByRole('row').filter({ hasText: email })
  await row.waitFor()
  assert.match((await row.textContent()) ?? '', /Conseiller/)
  assert.match((await row.textContent()) ?? '', /Invitation envoyée/)
  await page.waitForURL(/q=/) // the search is kept in the address

  await signOut(page)

  // The invitation arrives by mail; the new counsellor opens its link in her own browser and chooses her password.
  const invitation = await waitForMail(email)
  assert.equal(invitation.subject, 'Votre compte Jalon')
  const link = linkIn(invitation, `${baseURL}/mot-de-passe/nouveau`)
  assert.match(link, /#[\w-]{20,}$/, 'the token travels in the fragment')
  const counsellor = await newPage()
  await counsellor.goto(link)
  await counsellor.getByRole('heading', { level: 1, name: 'Choisir votre mot de passe' }).waitFor()
  await assertAccessible(counsellor, 'choix du mot de passe (invitation)')
  await counsellor.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(password)
  await counsellor.getByLabel('Confirmation du nouveau mot de passe').fill(password)
  await counsellor.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
  await counsellor.getByRole('status').filter({ hasText: 'Votre mot de passe est enregistré' }).waitFor()
  await assertAccessible(counsellor, 'mot de passe choisi')

  // The link served once: opened again, it is refused.
  const again = await newPage()
  await again.goto(link)
  await again.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('une autre phrase de passe 2026')
  await again.getByLabel('Confirmation du nouveau mot de passe').fill('une autre phrase de passe 2026')
  await again.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
  await again.getByText('Lien refusé').waitFor()

  // She signs in with the password only she knows.
  await submitCredentials(counsellor, email, password)
  const heading = await waitForHome(counsellor)
  assert.equal(heading.trim(), `Bonjour ${displayName}`)
}
