import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import * as reception from './reception-creates-a-person-file.spec.ts'
import {
  assertAccessible,
  DEMO_COUNSELLOR,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  submitCredentials,
  waitForHome,
} from './support.ts'

/** after the reception's journey, as a counsellor's day follows the reception's */
export const order = 30
export const name =
  'la conseillère ouvre le dossier, saisit entretien, propositions et CDD sur un seul écran, puis le voit dans son portefeuille'

const { newcomer } = reception

/** dd/mm/yyyy, months from today. */
function inMonths(months: number): string {
  const d = new Date()
  d.setMonth(d.getMonth() + months)
  return d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
}

async function openTab(page: Page, tab: string) {
  await page.getByRole('tab', { name: tab, exact: true }).click()
  await page.getByRole('tabpanel', { name: tab, exact: true }).waitFor()
}

export async function run(journey: Journey) {
  if (!newcomer.created) await reception.run(journey)
  const page = await journey.newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)

  await mainNav(page).getByRole('link', { name: 'Personnes' }).click()
  await page.getByLabel('Nom et prénom').fill(newcomer.lastName)
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
  await page.getByRole('link', { name: 'OYELARAN Maïwenn' }).click()
  await page.getByRole('heading', { level: 1, name: 'OYELARAN Maïwenn' }).waitFor()
  await assertAccessible(page, 'dossier, identité')

  // The situation recorded at the first reception, on today's date.
  await openTab(page, 'Situation')
  await page.getByRole('row', { name: /Logement Chez les parents/ }).waitFor()
  await page.getByRole('row', { name: /Permis B En cours/ }).waitFor()
  await page.getByText('Données sensibles : consultation tracée').waitFor()
  await assertAccessible(page, 'dossier, situation')
  // On a date before the first reception, nothing was known yet.
  await page.getByRole('textbox', { name: 'Situation au' }).fill('01/01/2020')
  await page.keyboard.press('Tab')
  await page.getByRole('heading', { name: 'Situation au 01/01/2020' }).waitFor()
  await page.getByRole('row', { name: /Logement Non renseigné/ }).waitFor()
  assert.match(page.url(), /on=2020-01-01/, 'the date is kept in the address')

  // The interview, its two propositions and a fixed-term contract, on one screen and in one save.
  await page.getByRole('link', { name: 'Enregistrer un entretien' }).click()
  await page.getByRole('heading', { level: 1, name: 'Entretien — OYELARAN Maïwenn' }).waitFor()
  await page.getByLabel('Durée (minutes)').fill('45')
  await page.getByLabel('Compte rendu').fill('Premier entretien : projet dans la logistique, permis en cours.')
  for (const [i, [domain, theme]] of [
    ['Professionnel', 'Accès à l’emploi'],
    ['Social', 'Logement'],
  ].entries()) {
    await page.getByRole('button', { name: 'Ajouter une proposition' }).click()
    const row = page.getByRole('group', { name: `Proposition ${i + 1}` })
    await pick(page, row.getByRole('combobox', { name: 'Domaine' }), domain)
    await pick(page, row.getByRole('combobox', { name: 'Thème' }), theme)
  }
  await page.getByRole('checkbox', { name: /La situation de la personne change/ }).check()
  await pick(page, page.getByRole('combobox', { name: 'Nouvelle situation' }), 'CDD')
  await page.getByRole('textbox', { name: 'Fin prévue' }).fill(inMonths(6))
  await page.keyboard.press('Escape')
  await page.getByLabel('Employeur ou organisme').fill('Boulangerie du Port')
  await assertAccessible(page, 'écran d’entretien')
  // a missing theme is refused before anything is sent: the summary says what to fix
  await page.getByRole('button', { name: 'Ajouter une proposition' }).click()
  await page.getByRole('button', { name: 'Enregistrer l’entretien' }).click()
  await page.getByRole('alert').filter({ hasText: 'L’entretien n’est pas enregistré' }).waitFor()
  await page.getByRole('button', { name: 'Retirer la proposition 3' }).click()
  await page.getByRole('button', { name: 'Enregistrer l’entretien' }).click()

  // Back on the file: the event, the two propositions and the contract are there.
  await page.getByRole('tabpanel', { name: 'Événements', exact: true }).waitFor()
  await page.getByRole('row', { name: /Entretien individuel.*45 min.*Présent/ }).waitFor()
  await openTab(page, 'Propositions')
  await page.getByRole('row', { name: /Professionnel Accès à l’emploi/ }).waitFor()
  await page.getByRole('row', { name: /Social Logement/ }).waitFor()
  assert.equal(await page.getByRole('row').count(), 3, 'a header and two propositions')
  await assertAccessible(page, 'dossier, propositions')
  await openTab(page, 'Situations')
  const cdd = page.getByRole('row', { name: /CDD En cours/ })
  await cdd.waitFor()
  assert.match((await cdd.textContent()) ?? '', new RegExp(`${inMonths(6)}.*Boulangerie du Port`))
  await assertAccessible(page, 'dossier, situations')

  // Notes: the reminder comes first.
  await openTab(page, 'Notes')
  await page.getByText('La personne peut demander à lire ces notes').waitFor()
  await page.getByLabel('Nouvelle note').fill('Rendez-vous à caler après la période d’essai.')
  await page.getByRole('button', { name: 'Ajouter la note' }).click()
  await page.getByRole('listitem').filter({ hasText: 'Rendez-vous à caler' }).waitFor()

  // The caseload: the person is there, seen today, with the contract under way.
  await mainNav(page).getByRole('link', { name: 'Mon portefeuille' }).click()
  await page.getByRole('heading', { level: 1, name: 'Mon portefeuille' }).waitFor()
  await page.getByRole('table').waitFor()
  await assertAccessible(page, 'mon portefeuille')
  await pick(page, page.getByRole('combobox', { name: 'Lignes par page' }), '100')
  const row = page.getByRole('row').filter({ hasText: 'OYELARAN Maïwenn' })
  await row.waitFor()
  const text = (await row.textContent()) ?? ''
  assert.match(text, /aujourd’hui/, `last contact today (row: ${text})`)
  assert.match(text, /CDD/, 'the open contract is shown')
  assert.doesNotMatch(text, /Sans contact/, 'no alert for someone seen today')

  // Alerts only: everyone left is flagged, and the new person is not among them.
  await page.getByRole('checkbox', { name: 'Alertes seulement' }).check()
  await page.waitForURL(/alert=only/)
  await page.getByRole('row').filter({ hasText: 'OYELARAN Maïwenn' }).waitFor({ state: 'detached' })
  const alerts = page.getByRole('row').filter({ hasText: /Sans contact depuis|Aucun contact enregistré/ })
  await alerts.first().waitFor()
  assert.equal(await alerts.count(), (await page.getByRole('row').count()) - 1, 'every row is an alert')
}
