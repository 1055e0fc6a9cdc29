import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_COUNSELLOR,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  submitCredentials,
  waitForHome,
} from '../support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name =
  'la conseillère ouvre la qualité des données, voit les dossiers sans niveau, complète un dossier, et le compte baisse'

const LEVEL = 'education_level_missing'
const hurried = { lastName: 'Vasseur', firstName: 'Inès' }

/** The count of files breaking the education level rule, as the rules table shows it. */
async function levelCount(page: Page): Promise<number> {
  const cell = page.locator(`td[data-rule="${LEVEL}"]`)
  await cell.waitFor()
  return Number((await cell.textContent())?.replace(/\s/g, ''))
}

/**
 * A file created in a hurry at the desk, without the education level, and enrolled in the Mission Locale: through
 * the API with the counsellor's own session (this journey is about the quality page, not the creation form).
 */
async function fileWithoutLevel(page: Page) {
  const { token } = await (await page.request.get('/api/auth/csrf')).json()
  const headers = { 'x-csrf-token': token }
  const me = await (await page.request.get('/api/auth/me')).json()
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' })
  const created = await page.request.post('/api/persons', {
    headers,
    data: {
      ...hurried,
      sex: 'F',
      birthDate: '2005-03-14',
      siteId: me.sites[0].id,
      referentId: me.id,
      firstReception: { date: today, referralSource: 'self' },
      confirmNotDuplicate: true,
    },
  })
  assert.equal(created.status(), 201, await created.text())
  const person = await created.json()
  const enrolments = await (await page.request.get(`/api/persons/${person.id}/enrolments`)).json()
  if (!(enrolments.items ?? enrolments).some((e: { open?: boolean }) => e.open)) {
    const ml = me.programmes.find((p: { code: string }) => p.code === 'ML') ?? me.programmes[0]
    const enrolled = await page.request.post(`/api/persons/${person.id}/enrolments`, {
      headers,
      data: { programmeId: ml.id, entryDate: today, exitDate: null, exitReason: null },
    })
    assert.equal(enrolled.status(), 201, await enrolled.text())
  }
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  await fileWithoutLevel(page)

  await mainNav(page).getByRole('link', { name: 'Qualité des données' }).click()
  await page.getByRole('heading', { level: 1, name: 'Qualité des données' }).waitFor()
  const before = await levelCount(page)
  assert.ok(before > 0, `a file without a level is counted (got ${before})`)
  await page.getByRole('table', { name: /Dossiers à corriger par site/ }).waitFor()
  await assertAccessible(page, 'qualité des données')

  // The list of files to fix, one click from each file.
  await page.getByRole('button', { name: 'Voir les dossiers : Niveau de formation non renseigné' }).click()
  const files = page.getByRole('table', { name: /Dossiers ne respectant pas la règle « Niveau de formation/ })
  await files.waitFor()
  assert.match(page.url(), /regle=education_level_missing/, 'the rule opened is kept in the address')
  const link = files.getByRole('link', { name: `${hurried.lastName.toUpperCase()} ${hurried.firstName}` })
  await link.waitFor()
  await assertAccessible(page, 'qualité des données, dossiers à corriger')
  await link.click()

  // The file opens on the tab where the level is recorded.
  await page
    .getByRole('heading', { level: 1, name: `${hurried.lastName.toUpperCase()} ${hurried.firstName}` })
    .waitFor()
  await page.getByRole('tabpanel', { name: 'Situation', exact: true }).waitFor()
  assert.match(page.url(), /onglet=situation/)
  await page.getByRole('button', { name: 'Enregistrer un changement' }).click()
  const dialog = page.getByRole('dialog', { name: 'Enregistrer un changement de situation' })
  await pick(page, dialog.getByRole('combobox', { name: 'Élément de situation' }), 'Niveau de formation')
  await pick(page, dialog.getByRole('combobox', { name: 'Nouveau niveau' }), /^Niveau 3 /)
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'hidden' })

  // Back on the quality page: one file fewer.
  await mainNav(page).getByRole('link', { name: 'Qualité des données' }).click()
  await page.getByRole('heading', { level: 1, name: 'Qualité des données' }).waitFor()
  await page.waitForFunction(
    ([rule, expected]) =>
      document.querySelector(`td[data-rule="${rule}"]`)?.textContent?.replace(/\s/g, '') === expected,
    [LEVEL, String(before - 1)] as const,
  )
  assert.equal(await levelCount(page), before - 1)
}
