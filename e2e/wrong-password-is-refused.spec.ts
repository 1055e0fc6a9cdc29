import { DEMO_COUNSELLOR, type Journey, submitCredentials } from './support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'un mauvais mot de passe est refusé avec un message clair'

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, 'ce-n-est-pas-le-bon-2026')
  await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor()
  await page.waitForURL('**/connexion**')
}
