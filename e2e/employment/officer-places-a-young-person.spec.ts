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

/** against a server of its own (e2e/run.ts): it relies on no other journey, only on the day's demo (employment demo) */
export const lane = 5
export const name =
  'Emploi : le chargé de relations entreprises crée une entreprise depuis son SIRET et une offre ; la conseillère ouvre l’offre, voit les personnes correspondantes et positionne un jeune ; le chargé l’embauche ; le suivi d’embauche en retard apparaît dans ses alertes et il le note'

const OFFICER = 'entreprises@demo.jalon.fr'
const COMPANY = 'Propreté du Littoral Journée'
const TITLE = 'Agent(e) de nettoyage — parcours e2e'
/** the demo's projects include this ROME code (employment-demo.offers-specs.ts: the first offer's) */
const ROME = 'K2204'
const COUNSELLOR_SITE = 'Antenne Dunkerque Centre'

/** a SIRET no demo company has: 14 digits, Luhn-valid */
function freshSiret(): string {
  const base = `7${String(Date.now()).slice(-12)}`
  for (let d = 0; d <= 9; d++) {
    const s = base + d
    const sum = [...s].reverse().reduce((acc, c, i) => {
      const x = Number(c) * (i % 2 ? 2 : 1)
      return acc + (x > 9 ? x - 9 : x)
    }, 0)
    if (sum % 10 === 0) return s
  }
  throw new Error('unreachable')
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)

async function createCompany(page: Page, siret: string) {
  await mainNav(page).getByRole('link', { name: 'Entreprises' }).click()
  await page.getByRole('heading', { level: 1, name: 'Entreprises' }).waitFor()
  await page.getByRole('link', { name: 'Nouvelle entreprise' }).click()
  const form = page.getByRole('form', { name: 'Nouvelle entreprise' })
  await form.getByRole('textbox', { name: 'SIRET' }).fill(siret)
  await form.getByRole('textbox', { name: 'Raison sociale ou enseigne' }).click()
  await form.getByText('SIRET valide.').waitFor()
  await form.getByRole('textbox', { name: 'Raison sociale ou enseigne' }).fill(COMPANY)
  await assertAccessible(page, 'nouvelle entreprise')
  await form.getByRole('button', { name: 'Créer l’entreprise' }).click()
  await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor()
}

async function createOffer(page: Page) {
  await page.goto('/emploi/offres/nouvelle')
  const form = page.getByRole('form', { name: 'Fiche de l’offre' })
  await form.waitFor()
  // nothing filled: the messages are named next to their fields, nothing is sent
  await form.getByRole('button', { name: 'Créer l’offre' }).click()
  await form.getByText('Intitulé du poste requis.').waitFor()
  await form.getByText('Choisissez au moins un site de diffusion.').waitFor()
  const employer = form.getByRole('combobox', { name: 'Entreprise', exact: true })
  await employer.fill(COMPANY.slice(0, 12))
  await page.getByRole('option', { name: new RegExp(COMPANY) }).click()
  await form.getByRole('textbox', { name: 'Intitulé du poste' }).fill(TITLE)
  const rome = form.getByRole('combobox', { name: 'Métier (code ROME)' })
  await rome.fill(ROME)
  await page.getByRole('option', { name: new RegExp(`^${ROME} — `) }).click()
  await pick(page, form.getByRole('combobox', { name: 'Type de contrat' }), 'CDD')
  await form.getByRole('textbox', { name: 'Durée (mois)' }).fill('6')
  await form.getByRole('textbox', { name: 'Nombre de postes' }).fill('2')
  const sites = form.getByLabel('Sites de diffusion')
  await sites.click()
  await page.getByRole('option', { name: COUNSELLOR_SITE, exact: true }).click()
  await page.keyboard.press('Escape')
  await assertAccessible(page, 'nouvelle offre remplie')
  await form.getByRole('button', { name: 'Créer l’offre' }).click()
  await page.getByRole('heading', { level: 1, name: `${TITLE} — ${COMPANY}` }).waitFor()
  const match = /\/emploi\/offres\/([0-9a-f-]{36})/.exec(page.url())
  assert.ok(match, `the offer's page (${page.url()})`)
  return match[1]!
}

export async function run(journey: Journey) {
  const page = await journey.newPage()

  // The employment officer: a company from its SIRET, then an offer for it broadcast to the counsellor's site.
  await submitCredentials(page, OFFICER, DEMO_PASSWORD)
  await waitForHome(page)
  await page.getByRole('region', { name: 'Relations entreprises' }).waitFor()
  await assertAccessible(page, 'accueil du chargé de relations entreprises')
  await createCompany(page, freshSiret())
  const offerId = await createOffer(page)
  await assertAccessible(page, 'offre créée')
  await signOut(page)

  // The counsellor: « Offres pour mes jeunes », the offer, its matching list; she positions the first of her people.
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  await mainNav(page).getByRole('link', { name: 'Offres pour mes jeunes' }).click()
  await page.getByRole('heading', { level: 1, name: 'Offres pour mes jeunes' }).waitFor()
  const offers = page.getByRole('table', { name: 'Offres d’emploi' })
  await offers.getByRole('link', { name: TITLE }).waitFor()
  await assertAccessible(page, 'offres pour mes jeunes')
  await offers.getByRole('link', { name: TITLE }).click()
  const matches = page.getByRole('table', { name: 'Personnes correspondant à l’offre' })
  const first = matches
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Positionner / }) })
    .first()
  await first.waitFor()
  assert.match((await first.textContent()) ?? '', new RegExp(ROME), 'the match names its project')
  const who = ((await first.getByRole('rowheader').textContent()) ?? '').split('Référent')[0]!.trim()
  assert.ok(who, 'the matching row names the person')
  await assertAccessible(page, 'offre, personnes correspondantes')
  await first.getByRole('button', { name: `Positionner ${who}` }).click()
  const candidates = page.getByRole('table', { name: 'Candidats positionnés sur l’offre' })
  const line = candidates.getByRole('row').filter({ hasText: who })
  await line.getByText('Proposé(e)', { exact: true }).waitFor()
  await assertAccessible(page, 'jeune positionné')
  // the person's file, « Emploi » tab: the project that matched, and the candidacy
  await line.getByRole('link', { name: who }).click()
  await page
    .getByRole('table', { name: 'Projets professionnels' })
    .getByText(new RegExp(`^${ROME} — `))
    .first()
    .waitFor()
  const candidacies = page.getByRole('table', { name: 'Candidatures sur des offres' })
  await candidacies.getByRole('row').filter({ hasText: TITLE }).getByText('Proposé(e)', { exact: true }).waitFor()
  await assertAccessible(page, 'dossier, onglet Emploi')
  await signOut(page)

  // The officer: the candidate hired (a start six weeks ago, so its first follow-up is due already).
  await submitCredentials(page, OFFICER, DEMO_PASSWORD)
  await waitForHome(page)
  await page.goto(`/emploi/offres/${offerId}`)
  const row = page
    .getByRole('table', { name: 'Candidats positionnés sur l’offre' })
    .getByRole('row')
    .filter({ hasText: who })
  await row.getByRole('button', { name: `Embaucher ${who}` }).click()
  const hire = page.getByRole('dialog', { name: `Embauche de ${who}` })
  await hire.getByLabel('Date d’embauche').fill(daysAgo(42))
  await assertAccessible(page, 'embauche')
  await hire.getByRole('button', { name: 'Embaucher' }).click()
  await hire.waitFor({ state: 'hidden' })
  await row.getByText('Recruté(e)', { exact: true }).waitFor()

  // The follow-up at one month is overdue: the home's alert, then « Suivis des embauches ».
  await page.goto('/accueil')
  const card = page.getByRole('region', { name: 'Relations entreprises' })
  await card.getByText('Suivis d’embauche en retard').waitFor()
  await mainNav(page).getByRole('link', { name: 'Tableau de bord emploi' }).click()
  await page.getByRole('alert').filter({ hasText: 'Suivis en retard' }).waitFor()
  await mainNav(page).getByRole('link', { name: 'Suivis des embauches' }).click()
  const overdue = page.getByRole('table', { name: 'Suivis des embauches : en retard' })
  const followUp = overdue.getByRole('row').filter({ hasText: who }).filter({ hasText: COMPANY })
  await followUp.getByText('(en retard)').waitFor()
  await assertAccessible(page, 'suivis en retard')
  await followUp.getByRole('button', { name: /^Noter le suivi/ }).click()
  const record = page.getByRole('dialog', { name: new RegExp(`Suivi à 1 mois de ${who}`) })
  await pick(page, record.getByRole('combobox', { name: 'Résultat' }), 'Toujours en poste')
  await record.getByRole('textbox', { name: 'Note' }).fill('Appel au tuteur : bonne intégration.')
  await assertAccessible(page, 'suivi noté')
  await record.getByRole('button', { name: 'Enregistrer le suivi' }).click()
  await record.waitFor({ state: 'hidden' })
  await followUp.waitFor({ state: 'detached' })
}
