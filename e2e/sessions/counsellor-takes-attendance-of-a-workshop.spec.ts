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
  'la conseillère crée un atelier, y inscrit 8 personnes, note la présence en mode tablette (une absente) et chaque dossier montre l’atelier'

const frenchDay = (iso: string) => iso.split('-').reverse().join('/')
const isoToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })

interface DemoPerson {
  id: string
  lastName: string
  firstName: string
  birthDate: string
}

/** Eight persons of the demo counsellor's caseload, with their names and birth dates (to pick them in the search). */
async function eightPersons(page: Page): Promise<DemoPerson[]> {
  const caseload = await (await page.request.get('/api/caseload?pageSize=50')).json()
  const found: DemoPerson[] = []
  for (const row of (caseload.items as { personId: string }[]).slice(0, 8)) {
    const p = await (await page.request.get(`/api/persons/${row.personId}`)).json()
    found.push({ id: row.personId, lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate })
  }
  assert.equal(found.length, 8, 'the demo counsellor follows at least 8 persons')
  return found
}

const upper = (s: string) => s.toLocaleUpperCase('fr-FR')
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  const persons = await eightPersons(page)
  const day = isoToday()

  // The list of sessions, then a new workshop today, early (the attendance is taken on the day).
  await mainNav(page).getByRole('link', { name: 'Séances collectives' }).click()
  await page.getByRole('heading', { level: 1, name: 'Séances collectives' }).waitFor()
  await assertAccessible(page, 'séances collectives')
  await page.getByRole('button', { name: 'Nouvelle séance' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouvelle séance' })
  await dialog.getByLabel('Intitulé').fill('Atelier CV et lettre de motivation')
  await dialog.getByRole('textbox', { name: 'Date' }).fill(frenchDay(day))
  await dialog.getByLabel('Début').fill('06:00')
  await dialog.getByLabel('Fin').fill('06:45')
  await dialog.getByLabel('Places').fill('8')
  // led with a counsellor of another antenna, who will see it in her agenda and may take attendance too
  await pick(page, dialog.getByRole('combobox', { name: 'Co-animateurs' }), /^Paul Référent/)
  await dialog.getByLabel('Intitulé').click() // the list closes
  await assertAccessible(page, 'nouvelle séance')
  await dialog.getByRole('button', { name: 'Créer la séance' }).click()
  const anyway = dialog.getByRole('button', { name: 'Réserver quand même' })
  await Promise.race([dialog.waitFor({ state: 'detached' }), anyway.waitFor()])
  if (await anyway.isVisible()) await anyway.click()
  await page.getByRole('heading', { level: 1, name: 'Atelier CV et lettre de motivation' }).waitFor()
  const sessionId = page.url().split('/seances/')[1]!.split(/[?#]/)[0]!
  await page.getByText('Animation : Claire Conseillère, Paul Référent').waitFor()

  // Eight persons registered from the search.
  const picker = page.getByRole('combobox', { name: 'Personnes' })
  for (const p of persons) {
    await picker.fill(`${p.lastName} ${p.firstName}`)
    await pick(
      page,
      picker,
      new RegExp(`^${literal(upper(p.lastName))} ${literal(p.firstName)} \\(${frenchDay(p.birthDate)}\\)`),
    )
  }
  await page.getByRole('button', { name: 'Inscrire', exact: true }).click()
  await page.getByText('8 inscrits sur 8 places').waitFor()
  await assertAccessible(page, 'séance, inscrits')

  // The tablet mode: large toggles, one tap each; all present but the last one, absent.
  await page.getByRole('switch', { name: 'Mode tablette' }).check()
  for (const [i, p] of persons.entries()) {
    const group = page.getByRole('group', { name: `Présence de ${upper(p.lastName)} ${p.firstName}` })
    const button = group.getByRole('button', { name: i === 7 ? 'Absent' : 'Présent' })
    await button.click()
    await group
      .locator(`button[aria-pressed="true"]`)
      .filter({ hasText: i === 7 ? 'Absent' : 'Présent' })
      .waitFor()
  }
  await assertAccessible(page, 'séance, mode tablette')

  // The sign-in sheet.
  const href = await page.getByRole('link', { name: 'Feuille d’émargement (PDF)' }).getAttribute('href')
  assert.equal(href, `/api/sessions/${sessionId}/sign-in-sheet.pdf`)
  const pdf = await page.request.get(href!)
  assert.equal(pdf.status(), 200)
  assert.equal(pdf.headers()['content-type'], 'application/pdf')
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')

  // Each file's Événements tab shows the workshop of the day, present (absent for the last one).
  for (const [i, p] of persons.entries()) {
    await page.goto(`/personnes/${p.id}?onglet=evenements`)
    await page
      .getByRole('row', { name: new RegExp(`${frenchDay(day)}.*Atelier.*${i === 7 ? 'Absent' : 'Présent'}`) })
      .first()
      .waitFor()
    if (i === 0) await assertAccessible(page, 'dossier, événements')
  }

  // The person file's own tab lists the session.
  await page.goto(`/personnes/${persons[0]!.id}?onglet=seances`)
  await page.getByRole('link', { name: 'Atelier CV et lettre de motivation' }).waitFor()
  await assertAccessible(page, 'dossier, séances')
}
