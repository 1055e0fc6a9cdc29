import assert from 'node:assert/strict'
import { assertAccessible, DEMO_PASSWORD, type Journey, mainNav, submitCredentials, waitForHome } from '../support.ts'

/** against a server of its own (e2e/run.ts): it relies on no other journey, only on the day's demo (employment demo) */
export const lane = 5
export const name =
  'Emploi : le chargé de relations entreprises ouvre l’opération de recrutement de la démo, lit son entonnoir, invite deux candidatures à une information collective et les pointe présentes ; il ouvre le vivier aide à domicile'

const OFFICER = 'entreprises@demo.jalon.fr'
const OPERATION = 'Nouvelle plateforme : 40 préparateurs de commandes et caristes'

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, OFFICER, DEMO_PASSWORD)
  await waitForHome(page)
  await page.getByRole('region', { name: 'Opérations en cours' }).waitFor()
  await mainNav(page).getByRole('link', { name: 'Opérations de recrutement' }).click()
  await page.getByRole('heading', { level: 1, name: 'Opérations de recrutement' }).waitFor()
  await assertAccessible(page, 'opérations de recrutement')
  await page.getByRole('table', { name: 'Opérations de recrutement' }).getByRole('link', { name: OPERATION }).click()
  await page.getByRole('heading', { level: 1, name: OPERATION }).waitFor()
  const funnel = page.getByRole('table', { name: 'Entonnoir du recrutement' })
  await funnel.getByRole('row', { name: /^Candidatures 120 / }).waitFor()
  await page.getByRole('img', { name: /^Graphique : Entonnoir/ }).waitFor()
  await assertAccessible(page, 'une opération de recrutement')
  const present = async () =>
    Number(
      (
        await funnel
          .getByRole('row', { name: /^Présents / })
          .getByRole('cell')
          .first()
          .textContent()
      )?.replace(/\D/g, ''),
    )
  const before = await present()
  // two applications not yet invited: invite them to the last session, then mark them present
  const table = page.getByRole('table', { name: 'Candidatures de l’opération' })
  const fresh = table.getByRole('row').filter({ hasText: 'Candidature spontanée' }).filter({ hasNotText: 'Présent' })
  const rows = fresh.filter({ hasNotText: 'Absent' })
  await rows.first().waitFor()
  await rows.nth(0).getByRole('checkbox').check()
  await rows.nth(1).getByRole('checkbox').check()
  const actions = page.getByRole('group', { name: 'Actions sur la sélection' })
  await actions.getByRole('button', { name: 'Inviter la sélection (2)' }).click()
  await actions.getByRole('button', { name: 'Inviter la sélection (0)' }).waitFor()
  assert.equal(await present(), before)
  await rows.nth(0).getByRole('checkbox').check()
  await rows.nth(1).getByRole('checkbox').check()
  await actions.getByRole('button', { name: 'Marquer présents' }).click()
  await funnel.getByRole('row', { name: new RegExp(`^Présents ${before + 2} `) }).waitFor()

  await mainNav(page).getByRole('link', { name: 'Viviers' }).click()
  await page.getByRole('table', { name: 'Viviers' }).getByRole('link', { name: 'Vivier aide à domicile' }).click()
  await page.getByRole('table', { name: 'Membres du vivier' }).waitFor()
  assert.equal(await page.getByRole('table', { name: 'Membres du vivier' }).getByRole('row').count(), 26)
  await assertAccessible(page, 'un vivier')
}
