import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  submitCredentials,
  waitForHome,
} from '../support.ts'

/** against a server of its own (e2e/run.ts): it relies on no other journey, only on the day's demo (employment-demo.clauses.ts) */
export const lane = 5
export const name =
  'Emploi : la facilitatrice des clauses importe le relevé mensuel d’une entreprise sur une opération de la démo ; les heures réalisées du chantier se mettent à jour, et un fichier erroné est refusé en entier avec sa ligne et sa colonne'

const OFFICER = 'entreprises@demo.jalon.fr'
/** the demo's first operation and its first lot (employment-demo.clauses.ts) */
const OPERATION = 'Rénovation urbaine du Jeu de Mail'
const LOT = 'Lot 1 — Gros œuvre'

interface Detail {
  id: string
  doneHours: number
  participants: { lastName: string; firstName: string; birthDate: string }[]
}

/** « 1 234,5 » → 1234.5 */
const frenchNumber = (text: string) => Number(text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'))
const done = async (page: Page) => frenchNumber((await page.getByTestId('clause-done').textContent()) ?? '')

async function upload(page: Page, fileName: string, csv: string) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Importer le relevé' }).click()
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, OFFICER, DEMO_PASSWORD)
  await waitForHome(page)
  // her home block: this year's hours by operation (the demo's two operations run)
  await page.getByRole('heading', { level: 2, name: 'Clauses sociales' }).waitFor()
  await page.getByText(/^Heures réalisées en \d{4} \/ heures dues$/).waitFor()

  // The dashboard: required vs done by site, a chart and its table; the operation opens from the table.
  await mainNav(page).getByRole('link', { name: 'Clauses sociales' }).click()
  await page.getByRole('heading', { level: 1, name: 'Clauses sociales d’insertion' }).waitFor()
  const bySite = page.getByRole('table', { name: 'Heures dues et réalisées par opération' })
  await bySite.waitFor()
  await page.getByRole('img', { name: /Heures dues et réalisées par chantier/ }).waitFor()
  await assertAccessible(page, 'clauses : tableau de bord')
  await bySite.getByRole('link', { name: OPERATION }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(OPERATION) }).waitFor()
  await page.getByRole('table', { name: 'Heures dues et réalisées par lot' }).waitFor()
  await assertAccessible(page, 'clauses : opération')

  const id = page.url().split('/').pop()!
  const response = await page.request.get(`/api/employment/clauses/operations/${id}`)
  assert.ok(response.ok(), `operation: ${response.status()}`)
  const detail = (await response.json()) as Detail
  const person = detail.participants[0]
  assert.ok(person, 'the demo operation has participants')
  const before = await done(page)
  assert.equal(before, detail.doneHours)

  // This month's statement of the lot's company: one person, 12,5 hours.
  const now = new Date()
  const month = `${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`
  const birth = person.birthDate.split('-').reverse().join('/')
  const header = 'lot;nom;prenom;date_naissance;mois;heures'
  const good = `${header}\n${LOT};${person.lastName};${person.firstName};${birth};${month};12,5\n`
  await upload(page, 'releve-gros-oeuvre.csv', good)
  await page.getByRole('status').filter({ hasText: 'Relevé importé' }).waitFor()
  await page.waitForFunction((expected) => {
    const t = document.querySelector('[data-testid="clause-done"]')?.textContent ?? ''
    return Number(t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')) === expected
  }, before + 12.5)
  await page.getByRole('table', { name: 'Relevés importés' }).getByText('releve-gros-oeuvre.csv').waitFor()
  await assertAccessible(page, 'clauses : relevé importé')

  // A file with a bad line 3: refused whole, the error names the file, the line and the column; nothing changed.
  const bad = `${header}\n${LOT};${person.lastName};${person.firstName};${birth};${month};20\n${LOT};${person.lastName};${person.firstName};${birth};${month};vingt\n`
  await upload(page, 'releve-errone.csv', bad)
  const alert = page.getByRole('alert').filter({ hasText: 'rien n’a été importé' })
  await alert.getByText(/releve-errone\.csv, ligne 3, colonne heures/).waitFor()
  await assertAccessible(page, 'clauses : relevé refusé')
  await page.reload()
  await page.getByTestId('clause-done').waitFor()
  assert.equal(await done(page), before + 12.5)
  assert.equal(await page.getByRole('table', { name: 'Relevés importés' }).getByText('releve-errone.csv').count(), 0)

  // A person of the files not yet eligible is recorded as a participant on screen (criterion checked today).
  const participants = (await (await page.request.get('/api/employment/clauses/participants')).json()) as {
    personId: string
  }[]
  const search = await page.request.get('/api/persons?page=1&pageSize=50')
  assert.ok(search.ok(), `persons: ${search.status()}`)
  const { items } = (await search.json()) as { items: { id: string; lastName: string; firstName: string }[] }
  const newcomer = items.find(
    (p) => !participants.some((x) => x.personId === p.id) && /^[\p{L}]{2,}$/u.test(p.lastName),
  )
  assert.ok(newcomer, 'a person of the demo is not yet a participant')
  await page.getByRole('button', { name: 'Ajouter un participant' }).click()
  const dialog = page.getByRole('dialog', { name: 'Ajouter un participant' })
  await dialog.waitFor()
  const who = dialog.getByRole('combobox', { name: 'Personne', exact: true })
  await who.fill(newcomer.lastName)
  await pick(page, who, new RegExp(`${newcomer.lastName.toUpperCase()} ${newcomer.firstName}`))
  await dialog.getByRole('heading', { name: 'Ajouter un participant' }).click() // the list of names closes
  await pick(
    page,
    dialog.getByRole('combobox', { name: 'Critère d’éligibilité vérifié' }),
    'Demandeur d’emploi de longue durée',
  )
  await assertAccessible(page, 'clauses : nouveau participant')
  await dialog.getByRole('button', { name: 'Enregistrer le participant' }).click()
  await page.getByRole('status').filter({ hasText: 'Participant enregistré' }).waitFor()
  const after = (await (await page.request.get('/api/employment/clauses/participants')).json()) as {
    personId: string
    criterion: string
  }[]
  assert.equal(after.find((x) => x.personId === newcomer.id)?.criterion, 'long_term_job_seeker')
}
