import assert from 'node:assert/strict'
import type { Me } from '../src/shared/auth/auth.schema.ts'
import {
  assertAccessible,
  DEMO_COUNSELLOR,
  DEMO_PASSWORD,
  type Journey,
  signOut,
  submitCredentials,
  waitForHome,
} from './support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name = 'la conseillère se connecte, voit son accueil et se déconnecte'

export async function run({ newPage }: Journey) {
  const page = await newPage()

  // An unknown visitor asking for the home page is sent to the sign-in page.
  await page.goto('/accueil')
  await page.waitForURL('**/connexion**')
  await assertAccessible(page, 'page de connexion')

  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')),
    submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD),
  ])
  const result = (await response.json()) as { status: string; me?: Me }
  assert.equal(response.status(), 200, `sign-in answered ${response.status()}: ${JSON.stringify(result)}`)
  assert.equal(result.status, 'signed_in')

  const heading = await waitForHome(page)
  const displayName = result.me?.displayName
  assert.ok(displayName, 'the sign-in answer names the user')
  assert.equal(heading.trim(), `Bonjour ${displayName}`)
  await page.getByText('Conseiller', { exact: true }).first().waitFor()
  for (const site of result.me?.sites ?? []) await page.getByRole('main').getByText(site.name).first().waitFor()

  // A counsellor is offered no administration.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' })
  await nav.getByRole('link', { name: 'Accueil' }).waitFor()
  assert.equal(await nav.getByRole('link', { name: 'Utilisateurs' }).count(), 0)
  await assertAccessible(page, 'accueil')

  await signOut(page)
  // Signed out for real: the home page sends back to sign-in.
  await page.goto('/accueil')
  await page.waitForURL('**/connexion**')
}
