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

/** against a server of its own: it relies on no other journey (order irrelevant) */
export const lane = 3
export const name =
  'la direction tient les structures d’accueil et les partenaires du PLIE et ses communes membres ; le partenaire ne voit que ses participants'

const NEW_ACI = 'Chantier d’insertion des Moëres'

async function signInAsDirector(page: Page) {
  await submitCredentials(page, 'direction@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)
}

const rowOf = (page: Page, organisation: string) =>
  page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: organisation, exact: true }) })

export async function run({ newPage }: Journey) {
  const page = await newPage()
  await signInAsDirector(page)

  // The home page's PLIE block: the year to date against the protocol's objectives.
  await page.getByRole('heading', { level: 2, name: /^PLIE \d{4}, du 01\/01\/\d{4} au / }).waitFor()
  await page.getByRole('rowheader', { name: 'Entrées', exact: true }).waitFor()

  // The hosts and partners, by kind: the demo's ACI and the partner linked to the demo partner account.
  await mainNav(page).getByRole('link', { name: 'Structures et partenaires' }).click()
  await page.getByRole('heading', { level: 1, name: 'Structures et partenaires' }).waitFor()
  await page.getByRole('heading', { level: 2, name: /^Atelier et chantier d’insertion \(ACI\)/ }).waitFor()
  await rowOf(page, 'Chantier d’insertion Les Dunes Vertes').waitFor()
  assert.match((await rowOf(page, 'Club Entreprises du Dunkerquois').textContent()) ?? '', /1 compte/)
  // linking accounts needs the users' list: the admin's
  assert.equal(await page.getByRole('button', { name: /^Comptes/ }).count(), 0)
  await assertAccessible(page, 'structures et partenaires')

  // A new ACI: what is missing is said next to its field, then it is saved with no partner account.
  await page.getByRole('button', { name: 'Nouvelle structure' }).click()
  const dialog = page.getByRole('dialog', { name: 'Nouvelle structure ou nouveau partenaire' })
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.getByText('Type de structure inconnu.').waitFor()
  await dialog.getByText('Nom requis.').waitFor()
  await assertAccessible(page, 'formulaire d’une structure')
  await pick(page, dialog.getByRole('combobox', { name: 'Type de structure' }), 'Atelier et chantier d’insertion (ACI)')
  await dialog.getByRole('textbox', { name: 'Nom' }).fill(NEW_ACI)
  await dialog.getByRole('textbox', { name: 'Conventionnement' }).fill('Conventionnement État ACI 2026')
  await dialog.getByRole('textbox', { name: 'Places d’insertion' }).fill('14')
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })
  const row = rowOf(page, NEW_ACI)
  await row.waitFor()
  const text = (await row.textContent()) ?? ''
  assert.match(text, /Conventionnement État ACI 2026/)
  assert.match(text, /14/)
  assert.match(text, /aucun/, 'no partner account linked')

  // Two tabs on the same structure: the second save, on the version read before the first, is told so in French.
  await row.getByRole('button', { name: `Modifier ${NEW_ACI}` }).click()
  const edit = page.getByRole('dialog', { name: `Modifier ${NEW_ACI}` })
  await edit.getByRole('textbox', { name: 'Places d’insertion' }).fill('16')
  const other = await page.context().newPage()
  await other.goto(page.url())
  await rowOf(other, NEW_ACI)
    .getByRole('button', { name: `Modifier ${NEW_ACI}` })
    .click()
  const otherEdit = other.getByRole('dialog', { name: `Modifier ${NEW_ACI}` })
  await otherEdit.getByRole('textbox', { name: 'Places d’insertion' }).fill('15')
  await otherEdit.getByRole('button', { name: 'Enregistrer' }).click()
  await otherEdit.waitFor({ state: 'detached' })
  await other.close()
  await edit.getByRole('button', { name: 'Enregistrer' }).click()
  await edit.getByText('modifiée par quelqu’un d’autre', { exact: false }).waitFor()
  await assertAccessible(page, 'structure modifiée entre-temps')
  await edit.getByRole('button', { name: 'Annuler' }).click()
  await edit.waitFor({ state: 'detached' })
  await rowOf(page, NEW_ACI).getByRole('cell', { name: '15', exact: true }).waitFor()

  // The member communes: the demo territory's, and the official list's picker to change them.
  await mainNav(page).getByRole('link', { name: 'Communes membres' }).click()
  await page.getByRole('heading', { level: 1, name: 'Communes membres' }).waitFor()
  await page.getByRole('heading', { level: 2, name: /^Liste des communes membres \(\d+\)$/ }).waitFor()
  await page.getByRole('cell', { name: 'Dunkerque', exact: true }).waitFor()
  await page.getByRole('combobox', { name: 'Communes desservies' }).waitFor()
  await assertAccessible(page, 'communes membres')
  // one more commune of the official list, saved with the others
  const before = await page.getByRole('heading', { level: 2, name: /^Liste des communes membres/ }).textContent()
  await page.getByRole('combobox', { name: 'Communes desservies' }).fill('Pitgam')
  await page.getByRole('option', { name: /^Pitgam/ }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Enregistrer' }).click()
  await page.getByRole('status').filter({ hasText: 'Communes membres enregistrées.' }).waitFor()
  await page.getByRole('cell', { name: 'Pitgam', exact: true }).waitFor()
  const count = (text: string | null) => Number(/\((\d+)\)/.exec(text ?? '')?.[1])
  const after = await page.getByRole('heading', { level: 2, name: /^Liste des communes membres/ }).textContent()
  assert.equal(count(after), count(before) + 1)

  // The funding: an ESF operation of the year, its amounts typed the French way, shown in euros with the totals.
  await mainNav(page).getByRole('link', { name: 'Financements', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Financements' }).waitFor()
  await page.getByRole('button', { name: 'Nouvelle opération' }).click()
  const funding = page.getByRole('dialog', { name: /^Nouvelle opération financée en \d{4}$/ })
  await funding.getByRole('textbox', { name: 'Montant programmé (€)' }).fill('12 500,5x')
  await funding.getByRole('button', { name: 'Enregistrer' }).click()
  await funding.getByText('Montant en euros attendu, par exemple 1 234,56.').waitFor()
  await funding.getByText('Financeur inconnu.').waitFor()
  await assertAccessible(page, 'formulaire d’une opération financée')
  const operation = 'Accompagnement renforcé des participants'
  const fillFunding = async () => {
    await pick(page, funding.getByRole('combobox', { name: 'Financeur' }), 'Fonds social européen (FSE+)')
    await funding.getByRole('textbox', { name: 'Opération' }).fill(operation)
    await funding.getByRole('textbox', { name: 'Montant programmé (€)' }).fill('12 500,50')
    await funding.getByRole('textbox', { name: 'Montant réalisé (€)' }).fill('10 000')
    await funding.getByRole('button', { name: 'Enregistrer' }).click()
  }
  await fillFunding()
  await funding.waitFor({ state: 'detached' })
  const esf = (await rowOf(page, operation).textContent()) ?? ''
  assert.match(esf, /Fonds social européen/)
  assert.match(esf, /12\s500,50\s€/)
  assert.match(esf, /10\s000,00\s€/)
  assert.match((await page.getByRole('table').locator('tfoot').textContent()) ?? '', /Total \d{4}.*12\s500,50\s€/)
  await assertAccessible(page, 'financements')
  // the same operation twice for the year and the funder: said in French under « Opération »
  await page.getByRole('button', { name: 'Nouvelle opération' }).click()
  await fillFunding()
  await funding.getByText('Cette opération est déjà enregistrée pour ce financeur et cette année.').first().waitFor()
  await funding.getByRole('button', { name: 'Annuler' }).click()
  await funding.waitFor({ state: 'detached' })

  // The partner account of the demo's employer-relations partner: its participants, nothing else of the PLIE (the
  // training bodies' page is every partner's: empty for an account bound to no training body).
  const partner = await newPage()
  await submitCredentials(partner, 'partenaire@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(partner)
  const links = await mainNav(partner).getByRole('link').allTextContents()
  assert.deepEqual(
    links.map((l) => l.trim()),
    ['Accueil', 'Mes participants', 'Mes sessions de formation', 'Mon profil'],
  )
  await mainNav(partner).getByRole('link', { name: 'Mes participants' }).click()
  await partner.getByRole('heading', { level: 1, name: 'Mes participants' }).waitFor()
  await partner.getByRole('table', { name: 'Étapes dans votre structure' }).first().waitFor()
  const hosts = await partner.getByRole('table', { name: 'Étapes dans votre structure' }).allTextContents()
  assert.ok(hosts.every((t) => t.includes('Club Entreprises du Dunkerquois')))
  assert.ok(!hosts.some((t) => /Dunes Vertes|Clean’Opale|Tremplin/.test(t)), 'no step hosted elsewhere')
  await assertAccessible(partner, 'mes participants')
  await partner.goto('/plie/structures')
  await partner.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor()
}
