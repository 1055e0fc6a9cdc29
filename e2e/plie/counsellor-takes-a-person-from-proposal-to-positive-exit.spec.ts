import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import {
  assertAccessible,
  DEMO_PASSWORD,
  type Journey,
  mainNav,
  pick,
  signOut,
  submitCredentials,
  waitForHome,
} from '../support.ts'

/** against a server of its own (e2e/run.ts): it relies on no other journey, only on the day's demo (plie.demo.ts) */
export const lane = 3
export const name =
  'PLIE : le référent propose une personne, le comité l’accepte, deux étapes (ACI puis CDI), une sortie positive CDI créditée au partenaire, qui voit cette personne et pas une autre'

const REFERENT_PLIE = 'referent.plie@demo.jalon.fr'
const PARTNER = 'partenaire@demo.jalon.fr'
/** the demo's organisations (src/server/modules/plie/plie.demo.ts) */
const ACI = 'Chantier d’insertion Les Dunes Vertes'
const EMPLOYER = 'Boulangerie industrielle des Flandres'
const PARTNER_ORGANISATION = 'Club Entreprises du Dunkerquois'

const upper = (s: string) => s.toUpperCase()
const frenchDay = (iso: string) => iso.split('-').reverse().join('/')
const isoToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })

interface Candidate {
  id: string
  lastName: string
  firstName: string
}

/**
 * Two adults of the PLIE referent's site with no PLIE pathway and no proposal: the first goes through the PLIE, the
 * second is the one the partner must not see.
 */
async function twoCandidates(page: Page): Promise<Candidate[]> {
  const list = await (await page.request.get('/api/persons?pageSize=100')).json()
  const rows = (list.items as (Candidate & { age: number })[]).sort((a, b) => Number(b.age >= 26) - Number(a.age >= 26))
  const found: Candidate[] = []
  for (const row of rows) {
    const plie = await (await page.request.get(`/api/persons/${row.id}/plie`)).json()
    const proposals = await (await page.request.get(`/api/persons/${row.id}/plie/proposals`)).json()
    if (plie.pathways?.length === 0 && proposals.items?.length === 0)
      found.push({ id: row.id, lastName: row.lastName, firstName: row.firstName })
    if (found.length === 2) return found
  }
  assert.fail('the PLIE referent sees at least two persons with no PLIE pathway nor proposal')
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  const day = isoToday()
  await submitCredentials(page, REFERENT_PLIE, DEMO_PASSWORD)
  await waitForHome(page)
  const [person, other] = await twoCandidates(page)
  assert.ok(person && other)

  // The person file's « PLIE » tab: no pathway, the eligibility, « Proposer au PLIE ».
  await page.goto(`/personnes/${person.id}?onglet=plie`)
  await page.getByText('Aucun parcours PLIE.').waitFor()
  await page.getByRole('heading', { name: 'Éligibilité au PLIE' }).waitFor()
  await page.getByRole('list', { name: 'Règles d’éligibilité' }).waitFor()
  await assertAccessible(page, 'dossier, onglet PLIE sans parcours')
  const proposeForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Proposer au PLIE' }) })
  const override = proposeForm.getByRole('checkbox', { name: /Proposer malgré les règles/ })
  if (await override.isVisible()) await override.check() // ineligible by the rules: the committee decides, motivated
  await proposeForm
    .getByRole('textbox', { name: 'Motivation' })
    .fill('Demandeur d’emploi motivé, projet dans la logistique.')
  await proposeForm.getByRole('button', { name: 'Proposer au PLIE' }).click()
  await page.getByRole('cell', { name: 'En attente du comité' }).waitFor()

  // « Propositions »: waiting for the site's committee.
  await mainNav(page).getByRole('link', { name: 'Propositions' }).click()
  await page.getByRole('heading', { level: 1, name: 'Propositions PLIE' }).waitFor()
  await page
    .getByRole('link', { name: new RegExp(person.lastName, 'i') })
    .first()
    .waitFor()
  await assertAccessible(page, 'propositions PLIE')

  // « Comités »: a committee today on the referent's site.
  await mainNav(page).getByRole('link', { name: 'Comités' }).click()
  await page.getByRole('heading', { level: 1, name: 'Comités PLIE' }).waitFor()
  await assertAccessible(page, 'comités PLIE')
  await page.getByRole('button', { name: 'Nouveau comité' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouveau comité' })
  await dialog.getByRole('textbox', { name: 'Date du comité' }).fill(frenchDay(day))
  await dialog.getByRole('heading').first().click() // the calendar closes
  await assertAccessible(page, 'nouveau comité')
  await dialog.getByRole('button', { name: 'Créer le comité' }).click()
  await page.getByRole('heading', { level: 1, name: new RegExp(`Comité PLIE du ${frenchDay(day)}`) }).waitFor()

  // Members: the referent and someone from outside, present.
  await pick(page, page.getByRole('combobox', { name: 'Ajouter un utilisateur' }), /^Paul Référent/)
  await page.getByRole('button', { name: 'Ajouter le membre' }).click()
  await page.getByRole('checkbox', { name: 'Paul Référent présent' }).waitFor()
  await page.getByLabel('Ou une personne extérieure').fill('Mme Delattre')
  await page.getByLabel('Sa structure').fill('Département du Nord')
  await page.getByRole('button', { name: 'Ajouter la personne' }).click()
  await page.getByRole('checkbox', { name: 'Mme Delattre présent' }).waitFor()

  // The case from the site's waiting proposals, then the decision: accepted, the referent himself.
  await pick(
    page,
    page.getByRole('combobox', { name: 'Ajouter une proposition du site' }),
    new RegExp(person.lastName, 'i'),
  )
  await page.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click()
  const theCase = page.getByRole('article').filter({ hasText: new RegExp(person.lastName, 'i') })
  await theCase.getByRole('radio', { name: 'Accepté' }).waitFor()
  await assertAccessible(page, 'comité, ordre du jour')
  await theCase.getByRole('radio', { name: 'Accepté' }).check()
  await pick(page, theCase.getByRole('combobox', { name: 'Référent' }), /^Paul Référent/)
  await theCase.getByLabel('Relevé de décision').fill('Entrée acceptée : orientation vers un chantier d’insertion.')
  await theCase.getByRole('button', { name: 'Enregistrer la décision' }).click()
  await theCase.getByText('Référent : Paul Référent').waitFor()
  const agenda = await page.request.get(
    (await page.getByRole('link', { name: 'Ordre du jour (PDF)' }).getAttribute('href')) ?? '',
  )
  assert.equal(agenda.status(), 200)
  assert.equal((await agenda.body()).subarray(0, 5).toString(), '%PDF-')
  await page.getByRole('button', { name: 'Clore le comité' }).click()
  await page.getByText('Clos', { exact: true }).waitFor()

  // The pathway on the file, referent and no step yet.
  await page.goto(`/personnes/${person.id}?onglet=plie`)
  await page.getByRole('heading', { name: new RegExp(`Parcours PLIE depuis le ${frenchDay(day)}`) }).waitFor()
  await page.getByText('Référent : Paul Référent').waitFor()

  // Two steps: an insertion contract in an ACI (ended today), then a CDI at an employer.
  await page.getByRole('button', { name: 'Ajouter une étape' }).click()
  let step = page.getByRole('dialog', { name: 'Ajouter une étape' })
  await pick(page, step.getByRole('combobox', { name: 'Type d’étape' }), /^Contrat d’insertion en SIAE/)
  await pick(page, step.getByRole('combobox', { name: 'Structure d’accueil' }), new RegExp(`^${ACI}`))
  await step.getByLabel('Référent de l’étape').fill('M. Declercq, encadrant technique')
  await step.getByRole('textbox', { name: 'Début' }).fill(frenchDay(day))
  await step.getByRole('textbox', { name: 'Fin', exact: true }).fill(frenchDay(day))
  await step.getByLabel('Heures par semaine').click() // the calendar closes
  await assertAccessible(page, 'ajouter une étape')
  await step.getByRole('button', { name: 'Enregistrer' }).click()
  await step.waitFor({ state: 'detached' })
  await page.getByRole('cell', { name: ACI }).waitFor()

  await page.getByRole('button', { name: 'Ajouter une étape' }).click()
  step = page.getByRole('dialog', { name: 'Ajouter une étape' })
  await pick(page, step.getByRole('combobox', { name: 'Type d’étape' }), 'CDI')
  await pick(page, step.getByRole('combobox', { name: 'Structure d’accueil' }), new RegExp(`^${EMPLOYER}`))
  await step.getByRole('textbox', { name: 'Début' }).fill(frenchDay(day))
  await step.getByLabel('Heures par semaine').fill('35')
  await step.getByRole('button', { name: 'Enregistrer' }).click()
  await step.waitFor({ state: 'detached' })
  await page.getByRole('cell', { name: EMPLOYER }).waitFor()
  await assertAccessible(page, 'dossier, parcours PLIE avec étapes')
  // « Changer de référent »: a dated change (opened and left: the referent stays)
  await page.getByRole('button', { name: 'Changer de référent' }).click()
  const referent = page.getByRole('dialog', { name: 'Changer de référent' })
  await referent.getByRole('textbox', { name: 'À partir du' }).waitFor()
  await assertAccessible(page, 'changer de référent')
  await referent.getByRole('button', { name: 'Annuler' }).click()
  await referent.waitFor({ state: 'detached' })

  // The exit: a « CDD over 6 months » the situations do not support is refused next to the reason, in French; then CDI.
  await page.getByRole('button', { name: 'Enregistrer la sortie' }).click()
  const exit = page.getByRole('dialog', { name: 'Enregistrer la sortie' })
  await pick(page, exit.getByRole('combobox', { name: 'Motif de sortie' }), 'CDD de plus de 6 mois (sortie positive)')
  await pick(
    page,
    exit.getByRole('combobox', { name: 'Partenaire des relations entreprises crédité' }),
    PARTNER_ORGANISATION,
  )
  await assertAccessible(page, 'enregistrer la sortie')
  await exit.getByRole('button', { name: 'Enregistrer' }).click()
  const reason = exit.getByRole('combobox', { name: 'Motif de sortie' })
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await reason.elementHandle())
  const described = (await reason.getAttribute('aria-describedby')) ?? ''
  const message =
    (await page.locator(`[id="${described.split(' ').find((id) => id.includes('error'))}"]`).textContent()) ?? ''
  assert.match(message, /CDD/, `the refusal names what is missing, next to the reason (got « ${message} »)`)
  await pick(page, reason, 'CDI (sortie positive)')
  await exit.getByRole('button', { name: 'Enregistrer' }).click()
  await exit.waitFor({ state: 'detached' })
  await page.getByText(`créditée à ${PARTNER_ORGANISATION}`).waitFor()
  await page.getByText('(sortie positive)').first().waitFor()
  await page.getByRole('region', { name: 'Données FSE+' }).waitFor()
  await page.getByRole('button', { name: 'Saisir les réponses à l’entrée' }).click()
  const dlg = page.getByRole('dialog', { name: /Données FSE\+/ })
  await dlg
    .getByRole('radiogroup', { name: 'Situation sur le marché du travail' })
    .getByRole('radio', { name: 'Chômeur de longue durée' })
    .check()
  await dlg
    .getByRole('radiogroup', { name: 'Personne handicapée' })
    .getByRole('radio', { name: 'Ne souhaite pas répondre' })
    .check()
  assert.equal(await dlg.getByRole('radiogroup', { name: 'Vit en zone rurale' }).getByRole('radio').count(), 2)
  await assertAccessible(page, 'données FSE+ à l’entrée')
  await dlg.getByRole('button', { name: 'Enregistrer' }).click()
  await dlg.waitFor({ state: 'detached' })
  await page.getByText('Chômeur de longue durée', { exact: true }).waitFor()
  await page.getByText(/À l’entrée — réponses du/).waitFor()
  await page.getByRole('button', { name: 'Saisir les réponses à la sortie (dans les 4 semaines)' }).waitFor()
  await assertAccessible(page, 'dossier, parcours PLIE terminé')
  await signOut(page)

  // The partner account sees that person among its people (« Mes participants »), with the CDI credited, and not the other.
  await submitCredentials(page, PARTNER, DEMO_PASSWORD)
  await waitForHome(page)
  await mainNav(page).getByRole('link', { name: 'Mes participants' }).click()
  await page.getByRole('heading', { level: 1, name: 'Mes participants' }).waitFor()
  const card = page.getByRole('region', { name: `${upper(person.lastName)} ${person.firstName}` })
  await card.getByText(`le ${frenchDay(day)} : CDI (${PARTNER_ORGANISATION})`).waitFor()
  assert.equal(
    await page.getByRole('heading', { level: 2, name: `${upper(other.lastName)} ${other.firstName}` }).count(),
    0,
    'the partner does not see a person it has no tie to',
  )
  await assertAccessible(page, 'partenaire, mes participants')
  const people = (await (await page.request.get('/api/plie/partner/people')).json()) as { personId: string }[]
  assert.ok(people.some((p) => p.personId === person.id) && !people.some((p) => p.personId === other.id))
  const file = await page.request.get(`/api/persons/${other.id}`)
  assert.ok(
    file.status() === 403 || file.status() === 404,
    `no file of another person for the partner (${file.status()})`,
  )
}
