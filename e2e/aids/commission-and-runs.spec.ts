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

/** beside the PLIE's and the agenda's journeys (lane 3), which do not touch the aids; after the other aids journeys of
 * the lane (order), since it leaves the FDAJ's envelope of the year empty and this month's allowance paid */
export const lane = 3
export const order = 110
export const name =
  'le chargé des aides tient une commission du FDAJ : une aide renforcée accordée dans ce qui reste de l’enveloppe, son contrat ; le virement groupé de l’allocation, une seule fois par mois'

const ZONE = 'Europe/Paris'
const day = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' })
const TODAY = day.format(new Date())
const YEAR = TODAY.slice(6)
const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',')

async function signIn(page: Page, email: string) {
  await submitCredentials(page, email, DEMO_PASSWORD)
  await waitForHome(page)
}
async function json<T>(page: Page, url: string): Promise<T> {
  const r = await page.request.get(url)
  assert.equal(r.status(), 200, `${url} → ${r.status()}`)
  return (await r.json()) as T
}
const caseCard = (page: Page, person: string) => page.getByRole('article').filter({ hasText: person })

export async function run({ newPage }: Journey) {
  const page = await newPage()

  // The director leaves 100 € on the FDAJ's envelope of the year (never under what the year has committed).
  await signIn(page, 'direction@demo.jalon.fr')
  await mainNav(page).getByRole('link', { name: 'Fonds et enveloppes' }).click()
  await page.getByRole('heading', { level: 1, name: 'Fonds et enveloppes' }).waitFor()
  const funds = await json<{ id: string; code: string }[]>(page, '/api/aids/funds')
  const fdaj = funds.find((f) => f.code === 'FDAJ')!
  const year = await json<{ remainingCents: number; envelopes: { funder: string; allocatedCents: number }[] }>(
    page,
    `/api/aids/funds/${fdaj.id}/envelopes?year=${YEAR}`,
  )
  const envelope = year.envelopes[0]!
  await page.getByRole('button', { name: 'Enveloppes du FDAJ' }).click()
  await page.getByRole('heading', { level: 2, name: 'Enveloppes du FDAJ' }).waitFor()
  await assertAccessible(page, 'fonds et enveloppes')
  await page.getByRole('button', { name: `Modifier l’enveloppe ${envelope.funder}` }).click()
  const dialog = page.getByRole('dialog', { name: `Modifier l’enveloppe ${envelope.funder} ${YEAR}` })
  await dialog
    .getByRole('textbox', { name: 'Montant alloué (€)' })
    .fill(euros(envelope.allocatedCents - year.remainingCents + 10_000))
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  await page
    .getByText(/^100,00\s€$/)
    .first()
    .waitFor()
  await signOut(page)

  // The aid officer takes a reinforced request off next week's agenda and plans today's commission for it.
  await signIn(page, 'aides@demo.jalon.fr')
  await mainNav(page).getByRole('link', { name: 'Commissions' }).click()
  await page.getByRole('heading', { level: 1, name: 'Commissions des aides' }).waitFor()
  await page
    .getByRole('link', { name: /^Commission FDAJ du/ })
    .first()
    .click()
  await page.getByRole('heading', { level: 2, name: 'Ordre du jour' }).waitFor()
  const first = page.getByRole('article').first()
  const person = ((await first.getByRole('link').first().textContent()) ?? '').trim()
  await first.getByRole('button', { name: 'Retirer de l’ordre du jour' }).click()
  await caseCard(page, person).waitFor({ state: 'detached' })

  await mainNav(page).getByRole('link', { name: 'Commissions' }).click()
  await page.getByRole('button', { name: 'Planifier une commission' }).click()
  const plan = page.getByRole('dialog', { name: 'Planifier une commission' })
  await pick(page, plan.getByRole('combobox', { name: 'Fonds' }), /^FDAJ/)
  await plan.getByRole('textbox', { name: 'Date de la commission' }).fill(TODAY)
  await plan.getByRole('textbox', { name: 'Date de la commission' }).press('Tab')
  await plan.getByRole('checkbox', { name: /Inscrire les demandes complètes/ }).uncheck()
  await plan.getByRole('button', { name: 'Planifier la commission' }).click()
  await page.getByRole('heading', { level: 1, name: `Commission FDAJ du ${TODAY}` }).waitFor()
  await pick(page, page.getByRole('combobox', { name: 'Ajouter une demande en attente' }), new RegExp(person))
  await page.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click()
  const card = caseCard(page, person)
  await card.waitFor()
  await assertAccessible(page, 'commission du jour')

  // Granted in full, it would overspend the envelope: refused, with what is left; granted in part, within it.
  await card.getByRole('radio', { name: 'Accordée', exact: true }).check()
  await card
    .getByRole('textbox', { name: 'Motif de la décision' })
    .fill('Projet solide, dans la limite de l’enveloppe.')
  await card.getByRole('button', { name: 'Enregistrer la décision' }).click()
  await card
    .getByRole('alert')
    .filter({ hasText: new RegExp(`Il reste 100,00\\s€ sur l’enveloppe ${YEAR} du FDAJ`) })
    .waitFor()
  await card.getByRole('radio', { name: 'Accordée en partie' }).check()
  await card.getByRole('textbox', { name: 'Montant accordé (€)' }).fill('100')
  await card.getByRole('button', { name: 'Enregistrer la décision' }).click()

  // The contract: one month of 100 €, printed for signature.
  await card.getByRole('heading', { name: 'Contrat de l’aide renforcée' }).waitFor()
  await card.getByRole('textbox', { name: 'Nombre de mois' }).fill('1')
  await card.getByRole('textbox', { name: 'Montant mensuel (€)' }).fill('100,00')
  await card.getByRole('textbox', { name: 'Engagements du jeune' }).fill('Suivre la formation ; voir son conseiller.')
  await card.getByRole('button', { name: 'Établir le contrat' }).click()
  const pdf = card.getByRole('link', { name: 'Contrat à signer (PDF)' })
  await pdf.waitFor()
  const printed = await page.request.get((await pdf.getAttribute('href'))!)
  assert.equal(printed.status(), 200)
  assert.equal((await printed.body()).subarray(0, 4).toString(), '%PDF')
  await card
    .getByRole('table', { name: 'Mensualités du contrat' })
    .getByText(/^100,00\s€$/)
    .first()
    .waitFor()
  await assertAccessible(page, 'décision et contrat')

  // The allowance: a month granted this month (the request's own screen is another journey's), then the month's run.
  const csrf = (await json<{ token: string }>(page, '/api/auth/csrf')).token
  const work = await json<{ toDecide: { id: string; fundCode: string; version: number }[] }>(page, '/api/aids/worklist')
  const allowance = work.toDecide.find((r) => r.fundCode === 'CIVIS')!
  const granted = await page.request.post(`/api/aids/requests/${allowance.id}/decision`, {
    headers: { 'x-csrf-token': csrf },
    data: { decision: 'granted', version: allowance.version },
  })
  assert.equal(granted.status(), 200, await granted.text())
  await mainNav(page).getByRole('link', { name: 'Allocation CIVIS / CEJ' }).click()
  await page.getByRole('heading', { level: 1, name: 'Allocation CIVIS / CEJ' }).waitFor()
  await page.getByRole('table', { name: 'Allocations accordées à payer' }).waitFor()
  await page.getByRole('button', { name: 'Lancer le paiement du mois' }).click()
  await page.getByRole('link', { name: /^Télécharger le fichier des virements/ }).waitFor()
  const runs = page.getByRole('table', { name: 'Virements groupés' })
  const month = new Intl.DateTimeFormat('fr-FR', { timeZone: ZONE, month: 'long', year: 'numeric' }).format(new Date())
  await runs.getByRole('rowheader', { name: month, exact: true }).waitFor()
  assert.equal(await runs.getByRole('link', { name: /^Fichier des virements/ }).count(), 2, 'this month and the last')
  await assertAccessible(page, 'allocation, virement lancé')
  await page.getByRole('button', { name: 'Lancer le paiement du mois' }).click()
  await page.getByText('Les allocations de ce mois ont déjà été payées par un virement groupé.').waitFor()

  // The projects of the year: the demo's CLAP project presented, its decision to take; the indirect aids below.
  await mainNav(page).getByRole('link', { name: 'Projets de jeunes' }).click()
  await page
    .getByRole('button', { name: /^Décider/ })
    .first()
    .waitFor()
  await assertAccessible(page, 'projets de jeunes')
}
