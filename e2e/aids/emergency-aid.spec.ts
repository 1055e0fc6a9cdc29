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

/** against a server of its own (e2e/run.ts): it relies on no other journey, only on the day's demo (aids.demo.ts) */
export const lane = 3
export const name =
  'Aides : le conseiller demande un secours d’urgence FDAJ depuis le dossier, le chargé des aides le voit dans les urgences avec son délai, l’accorde et le paie ; le dossier le montre payé'

const OFFICER = 'aides@demo.jalon.fr'
/** the demo's FDAJ (aids-demo.funds.ts): 18 to 25 years, three documents, the emergency track */
const FDAJ = /^FDAJ — /
const DOCUMENTS = ['Pièce d’identité', 'Justificatif de ressources', 'Justificatif de domicile']
const AMOUNT = /60,00\s€/

interface Candidate {
  id: string
  lastName: string
  age: number
}

/** A young adult of the counsellor's files with no FDAJ request yet (the demo's ceilings stay far away). */
async function youngAdult(page: Page): Promise<Candidate> {
  const list = await (await page.request.get('/api/persons?pageSize=100')).json()
  for (const row of list.items as Candidate[]) {
    if (row.age < 19 || row.age > 24) continue
    const requests = (await (await page.request.get(`/api/persons/${row.id}/aids/requests`)).json()) as {
      fundCode: string
    }[]
    if (!requests.some((r) => r.fundCode === 'FDAJ')) return row
  }
  assert.fail('the counsellor follows a person of 19 to 24 with no FDAJ request')
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  const person = await youngAdult(page)

  // The person file's « Aides » tab: the counsellor asks an emergency aid, every document received.
  await page.goto(`/personnes/${person.id}?onglet=aides`)
  const form = page.getByRole('region', { name: 'Demander une aide' })
  await form.waitFor()
  await assertAccessible(page, 'dossier, onglet Aides')
  await pick(page, form.getByRole('combobox', { name: 'Fonds' }), FDAJ)
  await pick(page, form.getByRole('combobox', { name: 'Voie' }), 'Secours d’urgence (48 h)')
  await pick(page, form.getByRole('combobox', { name: 'Objet de l’aide' }), 'Subsistance')
  // an amount not understood is named next to its field, in French
  await form.getByRole('textbox', { name: 'Montant demandé (€)' }).fill('60,001')
  await form.getByRole('button', { name: 'Envoyer la demande' }).click()
  await form.getByText('Montant en euros attendu, par exemple 1 234,50.').waitFor()
  await form.getByRole('textbox', { name: 'Montant demandé (€)' }).fill('60,00')
  await form.getByRole('textbox', { name: 'Argumentaire' }).fill('Sans ressources jusqu’au versement de son salaire.')
  for (const document of DOCUMENTS) await form.getByRole('checkbox', { name: document }).check()
  await assertAccessible(page, 'demande d’aide remplie')
  await form.getByRole('button', { name: 'Envoyer la demande' }).click()
  await page.getByRole('status').getByText('Demande FDAJ enregistrée : complète').waitFor()
  const asked = page.getByRole('article').filter({ hasText: 'FDAJ — Subsistance' }).first()
  await asked.getByText('Complète, à décider').waitFor()
  await asked.getByText(/4[78] h restantes/).waitFor()
  await signOut(page)

  // The aid officer: the home block, then « Aides à traiter », the emergency first with its hours left.
  await submitCredentials(page, OFFICER, DEMO_PASSWORD)
  await waitForHome(page)
  await page.getByRole('region', { name: 'Aides à traiter' }).getByText('Urgences (48 h)').waitFor()
  await assertAccessible(page, 'accueil du chargé des aides')
  await mainNav(page).getByRole('link', { name: 'Aides à traiter' }).click()
  await page.getByRole('heading', { level: 1, name: 'Aides à traiter' }).waitFor()
  const emergencies = page.getByRole('table', { name: 'Urgences' })
  const row = emergencies.getByRole('row').filter({ hasText: new RegExp(person.lastName, 'i') })
  await row.getByText(/4[78] h restantes/).waitFor()
  await assertAccessible(page, 'aides à traiter')

  // The request: granted (the amount asked), then paid by transfer today.
  await row.getByRole('link').click()
  await page.getByRole('heading', { level: 1, name: /Demande d’aide de/ }).waitFor()
  await page.getByText(/Enveloppe \d{4} du FDAJ : reste/).waitFor()
  await page.getByRole('radio', { name: 'Accordée', exact: true }).check()
  await assertAccessible(page, 'décision d’une demande')
  await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
  const payment = page.getByRole('region', { name: 'Enregistrer un paiement' })
  await payment.waitFor()
  assert.match(await payment.getByRole('textbox', { name: 'Montant payé (€)' }).inputValue(), /^60,00$/)
  await pick(page, payment.getByRole('combobox', { name: 'Mode de paiement' }), 'Virement')
  await payment.getByRole('button', { name: 'Enregistrer le paiement' }).click()
  const payments = page.getByRole('region', { name: 'Paiements' })
  await payments.getByRole('cell', { name: AMOUNT }).waitFor()
  await payments.getByRole('button', { name: 'Annuler' }).waitFor()
  await assertAccessible(page, 'demande accordée et payée')

  await signOut(page)

  // The counsellor's file shows it granted and paid (the aid officer reads the file's identity only).
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  await page.goto(`/personnes/${person.id}?onglet=aides`)
  const paid = page.getByRole('article').filter({ hasText: 'FDAJ — Subsistance' }).first()
  await paid.getByText('Accordée', { exact: true }).waitFor()
  await paid.getByText(/Payé : 60,00\s€/).waitFor()
  await paid
    .getByRole('list', { name: 'Paiements' })
    .getByText(/Virement/)
    .waitFor()
}
