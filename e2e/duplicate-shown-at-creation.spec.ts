import assert from 'node:assert/strict'
import {
  assertAccessible,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  submitCredentials,
  waitForHome,
} from './support.ts'

/** after the reception's journey: the identity it enters again is then known */
export const order = 40
export const name = 'à la création, une identité déjà connue montre le doublon probable et ouvre son dossier'

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await submitCredentials(page, 'accueil@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)

  // Marie Dupond is a demo person of the receptionist's site: her birth date, as the search shows it.
  await mainNav(page).getByRole('link', { name: 'Personnes' }).click()
  await page.getByLabel('Nom et prénom').fill('Dupond Marie')
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
  const found = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'DUPOND Marie', exact: true }) })
  await found.first().waitFor()
  const birthDate = ((await found.first().getByRole('cell').nth(1).textContent()) ?? '').trim()
  assert.match(birthDate, /^\d{2}\/\d{2}\/\d{4}$/)

  // Typed again at creation, she shows up before anything is saved.
  await page.getByRole('link', { name: 'Nouvelle personne' }).click()
  await page.getByRole('heading', { level: 1, name: 'Nouvelle personne' }).waitFor()
  assert.equal(
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).inputValue(),
    'Marie',
    'the search fills the form',
  )
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dupond')
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Marie')
  await page.getByRole('textbox', { name: 'Date de naissance' }).fill(birthDate)
  await page.keyboard.press('Escape')
  const duplicates = page.getByRole('list', { name: 'Doublons probables' })
  const candidate = duplicates.getByRole('listitem').filter({ hasText: `DUPOND Marie, né(e) le ${birthDate}` })
  await candidate.waitFor()
  await candidate.getByText('Même nom, même prénom et même date de naissance', { exact: false }).waitFor()
  await assertAccessible(page, 'création, doublon probable')

  // Saving anyway is refused by the server until the user says it is someone else.
  await page.getByRole('radio', { name: 'Femme' }).check()
  await pick(page, page.getByRole('combobox', { name: 'Origine de la venue' }), 'Démarche personnelle')
  await page.getByRole('button', { name: 'Créer le dossier', exact: true }).click()
  await page.getByText('Cette personne semble déjà connue de la structure', { exact: false }).waitFor()
  await page.getByRole('button', { name: 'Ce n’est pas la même personne, créer le dossier' }).waitFor()
  // still the creation form (with the search it came from: ?q=…)
  assert.match(page.url(), /\/personnes\/nouvelle(\?|$)/, 'nothing was created')

  // It is her: open her file.
  await candidate.getByRole('link', { name: /Ouvrir ce dossier/ }).click()
  await page.waitForURL(/\/personnes\/[0-9a-f-]{36}/)
  await page.getByRole('heading', { level: 1, name: 'DUPOND Marie' }).waitFor()
  await page.getByRole('group', { name: 'Résumé du dossier' }).getByText(`le ${birthDate}`).waitFor()
}
