import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_COUNSELLOR,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  signOut,
  submitCredentials,
  waitForHome,
} from '../support.ts'

/** against a server of its own (e2e/run.ts): it relies on no other journey, only on the day's demo (training.demo.ts) */
export const lane = 4
export const name =
  'Formation : le conseiller prescrit une session depuis le dossier, le département formation la valide, l’organisme (son compte partenaire) note la présence et retient la personne ; la place est prise, le conseiller le voit, et l’organisme n’ouvre aucune autre personne'

const OFFICER = 'formation@demo.jalon.fr'
const BODY_PARTNER = 'organisme@demo.jalon.fr'
/** the demo body's upcoming session (training.demo.ts): information session next week */
const BODY = 'Institut Littoral Formation'
const ACTION = 'Agent de propreté et d’hygiène'

interface Session {
  id: string
  actionTitle: string
  bodyName: string
  startsOn: string
  placesLeft: number
}
interface PersonRow {
  id: string
  firstName: string
  lastName: string
}
interface PrescriptionRow {
  id: string
  status: string
  session: Session
}

const json = async <T>(page: Page, path: string) => {
  const response = await page.request.get(path)
  assert.ok(response.ok(), `${path}: ${response.status()}`)
  return (await response.json()) as T
}

/** the demo body's upcoming session of the journey's action */
async function upcoming(page: Page): Promise<Session> {
  const sessions = await json<Session[]>(page, `/api/training/sessions?q=${encodeURIComponent('propreté')}`)
  const today = new Date().toISOString().slice(0, 10)
  const found = sessions.find((s) => s.actionTitle === ACTION && s.bodyName === BODY && s.startsOn > today)
  assert.ok(found, 'the demo has the body’s upcoming session')
  return found
}

/** A person of the counsellor's files with no prescription yet, and another body's prescription (for the partner). */
async function people(page: Page) {
  const list = await json<{ items: PersonRow[] }>(page, '/api/persons?pageSize=100')
  let person: PersonRow | undefined
  let foreign: { personId: string; prescriptionId: string } | undefined
  for (const row of list.items) {
    const prescriptions = await json<PrescriptionRow[]>(page, `/api/persons/${row.id}/training/prescriptions`)
    const other = prescriptions.find((p) => p.session.bodyName !== BODY)
    if (other && !foreign) foreign = { personId: row.id, prescriptionId: other.id }
    if (!prescriptions.length && !person) person = row
    if (person && foreign) break
  }
  assert.ok(person, 'the counsellor follows a person with no prescription')
  assert.ok(foreign, 'the demo has a prescription on another body’s session')
  return { person, foreign }
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  const { person, foreign } = await people(page)
  const session = await upcoming(page)
  const unreadBefore = (await json<{ unread: number }>(page, '/api/notifications')).unread

  // The person file's « Formation » tab: search the sessions, pick the body's upcoming one, argue, send.
  await page.goto(`/personnes/${person.id}?onglet=formation`)
  await page.getByRole('button', { name: 'Prescrire une formation' }).click()
  const form = page.getByRole('region', { name: 'Prescrire une formation' })
  await form.waitFor()
  await form.getByRole('textbox', { name: 'Mots de l’intitulé ou de l’organisme' }).fill('propreté')
  await form.getByRole('button', { name: 'Rechercher les sessions' }).click()
  const results = form.getByRole('table', { name: 'Sessions trouvées' })
  await results.waitFor()
  await assertAccessible(page, 'dossier, onglet Formation : recherche de sessions')
  // an argument too short is named next to its field, before anything is sent
  await form.getByRole('textbox', { name: 'Argumentaire' }).fill('Trop court')
  await form.getByRole('button', { name: 'Envoyer la prescription' }).click()
  await form.getByText('Choisissez une session.').waitFor()
  const row = results.getByRole('row').filter({ hasText: ACTION }).filter({ hasText: BODY }).first()
  await row.getByRole('radio').check()
  await form
    .getByRole('textbox', { name: 'Argumentaire' })
    .fill('Projet confirmé par une immersion de deux semaines en entreprise de propreté ; mobile, disponible.')
  await assertAccessible(page, 'prescription remplie')
  await form.getByRole('button', { name: 'Envoyer la prescription' }).click()
  const sent = page.getByRole('status').getByText(/Prescription envoyée/)
  await sent.or(form.getByRole('alert')).first().waitFor()
  if (!(await sent.isVisible())) assert.fail(`the prescription was refused: ${await form.textContent()}`)
  const filed = page.getByRole('article').filter({ hasText: ACTION }).first()
  await filed.getByText('Déposée, à valider', { exact: true }).waitFor()
  await signOut(page)

  // The training officer validates it from « Prescriptions à traiter ».
  await submitCredentials(page, OFFICER, DEMO_PASSWORD)
  await waitForHome(page)
  await mainNav(page).getByRole('link', { name: 'Prescriptions à traiter' }).click()
  const toValidate = page.getByRole('table', { name: 'Prescriptions à valider' })
  const line = toValidate
    .getByRole('row')
    .filter({ hasText: new RegExp(person.lastName, 'i') })
    .filter({ hasText: ACTION })
  await line.first().waitFor()
  await assertAccessible(page, 'prescriptions à traiter')
  await line.first().getByRole('link').first().click()
  await page.getByRole('button', { name: 'Valider', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Valider la prescription' })
  await dialog.getByRole('button', { name: 'Valider', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByText('Validée, convocation à l’information collective', { exact: true }).first().waitFor()
  await assertAccessible(page, 'prescription validée')
  await signOut(page)

  // The training body, signed in as its partner account: its sessions, the person, present and retained.
  await submitCredentials(page, BODY_PARTNER, DEMO_PASSWORD)
  await waitForHome(page)
  await mainNav(page).getByRole('link', { name: 'Mes sessions de formation' }).click()
  await page.getByRole('heading', { level: 1, name: 'Mes sessions de formation' }).waitFor()
  const people2 = page.getByRole('table', { name: `Personnes prescrites : ${ACTION}` })
  const prescribed = people2.getByRole('link', { name: new RegExp(person.lastName, 'i') })
  await prescribed.waitFor()
  await assertAccessible(page, 'portail de l’organisme')
  await prescribed.click()
  const answer = page.getByRole('region', { name: 'Réponse après l’information collective' })
  await answer.waitFor()
  await answer.getByRole('radio', { name: 'Présent(e)' }).check()
  await pick(page, answer.getByRole('combobox', { name: 'Résultat' }), 'Retenu(e)')
  await assertAccessible(page, 'réponse de l’organisme')
  await answer.getByRole('button', { name: 'Enregistrer la réponse' }).click()
  await page.getByText('Retenue par l’organisme', { exact: true }).first().waitFor()
  const after = await json<Session[]>(page, '/api/training/portal/sessions')
  assert.equal(after.find((s) => s.id === session.id)?.placesLeft, session.placesLeft - 1, 'the place is taken')
  // the partner opens no other person: neither the file, nor another body's prescription
  for (const path of [
    `/api/persons/${foreign.personId}`,
    `/api/persons/${person.id}`,
    `/api/training/portal/prescriptions/${foreign.prescriptionId}`,
    `/api/training/prescriptions/${foreign.prescriptionId}`,
  ]) {
    const status = (await page.request.get(path)).status()
    assert.ok(status === 403 || status === 404, `${path} answers ${status} to the partner`)
  }
  await signOut(page)

  // The counsellor sees the answer in the tab, and was told.
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  await page.goto(`/personnes/${person.id}?onglet=formation`)
  const retained = page.getByRole('article').filter({ hasText: ACTION }).first()
  await retained.getByText('Retenue par l’organisme', { exact: true }).waitFor()
  await retained.getByText(/Présent\(e\)/).waitFor()
  await assertAccessible(page, 'dossier, prescription retenue')
  const unreadAfter = (await json<{ unread: number }>(page, '/api/notifications')).unread
  assert.ok(unreadAfter > unreadBefore, 'the counsellor was notified of the answers')
}
