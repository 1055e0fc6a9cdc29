import assert from 'node:assert/strict'
import {
  assertAccessible,
  DEMO_COUNSELLOR,
  DEMO_PASSWORD,
  type Journey,
  submitCredentials,
  waitForHome,
} from '../support.ts'

/** beside the journeys of lane 1, against a server of its own (e2e/run.ts): it relies on none of them */
export const lane = 2
export const name =
  'l’accueil signale une arrivée d’un clic ; la conseillère la voit dans sa cloche et sur sa page d’accueil, puis ouvre la synthèse du dossier ; l’accueil annule l’arrivée'

const isoToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export async function run(journey: Journey) {
  const counsellor = await journey.newPage()
  await submitCredentials(counsellor, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(counsellor)

  // Today, late, at the antenna the reception desk covers: an interview with a person of her caseload.
  const me = await (await counsellor.request.get('/api/auth/me')).json()
  const site = (me.sites as { id: string; name: string }[]).find((s) => s.name === 'Antenne Dunkerque Centre')!
  const caseload = await (await counsellor.request.get(`/api/caseload?pageSize=50&siteId=${site.id}`)).json()
  const person = caseload.items[0] as { personId: string; lastName: string; firstName: string }
  assert.ok(person, 'a person of her caseload at the antenna')
  const fullName = `${person.lastName.toUpperCase()} ${person.firstName}`
  const { token } = await (await counsellor.request.get('/api/auth/csrf')).json()
  const booked = await counsellor.request.post('/api/agenda/appointments', {
    headers: { 'x-csrf-token': token },
    data: {
      kind: 'individual_interview',
      date: isoToday(),
      start: '23:10',
      end: '23:40',
      siteId: site.id,
      personIds: [person.personId],
      allowConflicts: true,
    },
  })
  assert.equal(booked.status(), 201, await booked.text())

  // Her home: today's appointments, people in alert, what is due, recent changes.
  await counsellor.reload()
  const appointments = counsellor.getByRole('region', { name: 'Vos rendez-vous' })
  await appointments.getByRole('link', { name: fullName }).first().waitFor()
  await counsellor.getByRole('region', { name: 'Personnes en alerte' }).waitFor()
  await counsellor.getByRole('region', { name: 'Échéances' }).waitFor()
  await counsellor.getByRole('region', { name: 'Changements récents dans vos dossiers' }).waitFor()
  await assertAccessible(counsellor, 'accueil de la conseillère')

  // Reception: the expected arrivals of her antenna, and the one click.
  const desk = await journey.newPage()
  await submitCredentials(desk, 'accueil@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(desk)
  await desk
    .getByRole('search')
    .or(desk.getByRole('region', { name: 'Rechercher une personne' }))
    .first()
    .waitFor()
  const arrivals = desk.getByRole('region', { name: /Arrivées attendues aujourd’hui/ })
  const row = arrivals.getByRole('row', { name: new RegExp(`23h10.*${literal(fullName)}`) })
  await row.waitFor()
  await assertAccessible(desk, 'accueil : arrivées attendues')
  // other journeys may have told her something already (a file handed over at reception): count from here
  const before = (await (await counsellor.request.get('/api/notifications')).json()).unread as number
  const unread = (n: number) =>
    n ? `Notifications : ${n} non lue${n > 1 ? 's' : ''}` : 'Notifications : aucune non lue'
  await row.getByRole('button', { name: `Arrivé(e) : ${fullName}, 23h10` }).click()
  await row.getByText(/^Arrivé\(e\) à \d\dh\d\d$/).waitFor()
  const arrivedAt = (await row.getByText(/^Arrivé\(e\) à/).textContent())!.replace('Arrivé(e) à ', '')

  // The counsellor comes back to her window: the bell counts it at once (without her, within its 30 s poll); the line
  // opens the person's file, on its summary.
  await counsellor.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))
  const bell = counsellor.getByRole('button', { name: unread(before + 1) })
  await bell.waitFor({ timeout: 45_000 })
  await bell.click()
  const panel = counsellor.getByRole('dialog', { name: 'Notifications' })
  const line = panel.getByRole('button', {
    name: new RegExp(
      `${literal(person.firstName)} ${literal(person.lastName.toUpperCase())} est arrivé\\(e\\) pour son rendez-vous de 23h10`,
    ),
  })
  await line.waitFor()
  await assertAccessible(counsellor, 'la cloche des notifications')
  // the home card shows the arrival time too (it refreshes as the bell does)
  await appointments.getByText(`Arrivé(e) à ${arrivedAt}`).first().waitFor({ timeout: 45_000 })
  await line.click()
  await counsellor.waitForURL(`**/personnes/${person.personId}`)
  await counsellor.getByRole('tab', { name: 'Synthèse', selected: true }).waitFor()
  await counsellor.getByRole('heading', { name: 'Situation actuelle' }).waitFor()
  await counsellor.getByRole('heading', { name: 'Derniers événements' }).waitFor()
  await counsellor.getByRole('button', { name: unread(before) }).waitFor()
  await assertAccessible(counsellor, 'synthèse du dossier')

  // Leaving the identity form with unsaved changes asks first.
  await counsellor.getByRole('tab', { name: 'Identité' }).click()
  const firstName = counsellor.getByRole('textbox', { name: 'Prénom' })
  await firstName.fill(`${person.firstName}-Marie`)
  await counsellor.getByRole('tab', { name: 'Synthèse' }).click()
  const ask = counsellor.getByRole('dialog', { name: 'Modifications non enregistrées' })
  await ask.waitFor()
  await assertAccessible(counsellor, 'quitter l’identité sans enregistrer ?')
  await ask.getByRole('button', { name: 'Rester sur la fiche' }).click()
  await ask.waitFor({ state: 'hidden' })
  assert.equal(await firstName.inputValue(), `${person.firstName}-Marie`, 'the change is still there')
  await counsellor.getByRole('tab', { name: 'Synthèse' }).click()
  await ask.getByRole('button', { name: 'Quitter sans enregistrer' }).click()
  await counsellor.getByRole('heading', { name: 'Situation actuelle' }).waitFor()
  const file = await (await counsellor.request.get(`/api/persons/${person.personId}`)).json()
  assert.equal(file.firstName, person.firstName, 'nothing was saved')

  // Reception clicked the wrong line: the arrival is undone, and the counsellor, who had read it, gets a correction.
  await row.getByRole('button', { name: `Annuler l’arrivée : ${fullName}, 23h10` }).click()
  await row.getByRole('button', { name: `Arrivé(e) : ${fullName}, 23h10` }).waitFor()
  await assertAccessible(desk, 'accueil : arrivée annulée')
  const told = await (await counsellor.request.get('/api/notifications')).json()
  assert.match(told.items[0].text, /^Correction : .* n’est pas arrivé\(e\) pour son rendez-vous de 23h10/)
}
