import { assertAccessible, DEMO_PASSWORD, type Journey, mainNav, submitCredentials, waitForHome } from '../support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'chaque rôle de service trouve une page d’accueil utile ; la statisticienne y lit les chiffres clés'

const roles = [
  { email: 'formation@demo.jalon.fr', says: /Chargé de formation/, search: true },
  { email: 'entreprises@demo.jalon.fr', says: /Chargé de relations entreprises/, search: true },
  { email: 'aides@demo.jalon.fr', says: /Chargé des aides financières/, search: true },
  { email: 'partenaire@demo.jalon.fr', says: /contactez la structure/, search: false },
]

export async function run(journey: Journey) {
  for (const role of roles) {
    const page = await journey.newPage()
    await submitCredentials(page, role.email, DEMO_PASSWORD)
    await waitForHome(page)
    const profile = page.getByRole('region', { name: 'Votre profil' })
    await profile.getByText(role.says).waitFor()
    if (role.search) await page.getByRole('link', { name: 'Rechercher une personne' }).waitFor()
    await mainNav(page).getByRole('link', { name: 'Accueil' }).waitFor()
    await assertAccessible(page, `accueil de ${role.email}`)
    await page.context().close()
  }
  const page = await journey.newPage()
  await submitCredentials(page, 'statistiques@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)
  await page
    .getByRole('region', { name: /^Chiffres clés \d{4}/ })
    .getByRole('rowheader', { name: 'Toute la structure' })
    .waitFor({ timeout: 60_000 })
  await assertAccessible(page, 'accueil de la statisticienne')
}
