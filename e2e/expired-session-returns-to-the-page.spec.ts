import { DEMO_PASSWORD, type Journey, submitCredentials } from './support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'après une session expirée, on se reconnecte et on revient sur la page en cours'

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await submitCredentials(page, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await page.waitForURL('**/accueil')
  await page.goto('/admin/journal')
  await page.getByRole('table').waitFor()

  // The session ends on the server side (here: its cookie disappears), then the user filters the journal.
  await page.context().clearCookies({ name: 'jalon_session' })
  await page.getByLabel('Action').fill('signin')
  await page.getByRole('button', { name: 'Filtrer' }).click()
  await page.waitForURL('**/connexion?redirect=**')
  await page.getByText('Connectez-vous pour continuer').waitFor()

  await page.getByLabel('Adresse e-mail').fill('direction@demo.jalon.fr')
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL('**/admin/journal?*action=signin*')
  await page.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor()
}
