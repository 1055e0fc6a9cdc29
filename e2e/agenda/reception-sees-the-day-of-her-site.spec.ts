import assert from 'node:assert/strict'
import { assertAccessible, DEMO_PASSWORD, type Journey, mainNav, submitCredentials, waitForHome } from '../support.ts'
import * as counsellor from './counsellor-books-an-appointment-and-marks-presence.spec.ts'

/** beside the PLIE's journey (lane 3): the two agenda journeys rely on each other only (e2e/run.ts) */
export const lane = 3
export const name = 'l’accueil voit les rendez-vous du jour de son antenne, et rien d’autre'

export async function run(journey: Journey) {
  if (!counsellor.booked.lastName) await counsellor.run(journey)
  const page = await journey.newPage()
  await submitCredentials(page, 'accueil@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)
  await mainNav(page).getByRole('link', { name: 'Agenda' }).click()
  await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor()
  // the day only, as a list, without booking
  await page.getByRole('table', { name: 'Rendez-vous de la période, dans l’ordre' }).waitFor()
  await page
    .getByRole('row', { name: new RegExp(`07h30.*${counsellor.booked.lastName!.toUpperCase()}.*Présent`) })
    .waitFor()
  assert.equal(await page.getByRole('button', { name: 'Nouveau rendez-vous' }).count(), 0)
  assert.equal(await page.getByRole('button', { name: 'Semaine suivante' }).count(), 0)
  await assertAccessible(page, 'agenda de l’accueil')
  // another week is refused by the server, whatever the address says
  const week = await page.request.get('/api/agenda/appointments?from=2026-01-05&to=2026-01-11')
  assert.equal(week.status(), 403)
}
