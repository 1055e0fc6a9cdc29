import assert from 'node:assert/strict'
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

/** creates the person the later journeys of the person file search for (none may create it before) */
export const order = 20
export const name = 'l’accueil cherche une personne, ne la trouve pas et crée son dossier au premier accueil'

/** The person this journey creates; the counsellor's journey opens her file. */
export const newcomer = { lastName: 'Oyelaran', firstName: 'Maïwenn', birthDate: '14/05/2006', created: false }
const MAIL = 'maiwenn.oyelaran@example.org'

/** The first interview's day: three weeks from today in Paris, as the form takes it and as the agenda's URL. */
const inThreeWeeks = new Date(Date.now() + 21 * 86_400_000)
const interview = {
  french: inThreeWeeks.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }),
  iso: inThreeWeeks.toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }),
}

export async function run({ newPage, waitForMail }: Journey) {
  const page = await signIn(newPage)

  // The search first: nobody of that name.
  await mainNav(page).getByRole('link', { name: 'Personnes' }).click()
  await page.getByRole('heading', { level: 1, name: 'Rechercher une personne' }).waitFor()
  await page.getByRole('table').waitFor()
  await assertAccessible(page, 'recherche de personnes')
  await page.getByLabel('Nom et prénom').fill(`${newcomer.lastName} ${newcomer.firstName}`)
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
  await page.getByText('Aucune personne ne correspond à cette recherche.').waitFor()
  assert.match(page.url(), /q=Oyelaran/, 'the search is kept in the address')

  // Then the file, at the first reception.
  await page.getByRole('link', { name: 'Nouvelle personne' }).click()
  await page.getByRole('heading', { level: 1, name: 'Nouvelle personne' }).waitFor()
  await assertAccessible(page, 'création d’un dossier')
  // What was searched is carried over; emptied here to see the form's messages
  const lastName = page.getByRole('textbox', { name: 'Nom', exact: true })
  assert.equal(await lastName.inputValue(), 'Oyelaran', 'the searched name fills the form')
  await lastName.fill('')
  // Sent too early: the API's own schema names what is missing or wrong, next to each field, before any request.
  await page.getByLabel('Téléphone').fill('12')
  await page.getByRole('button', { name: 'Créer le dossier', exact: true }).click()
  await page.getByText('Nom requis.', { exact: true }).waitFor()
  await page.getByText('Indiquez le sexe.').waitFor()
  await page.getByText('Date de naissance requise.').waitFor()
  await page.getByText('Numéro de téléphone invalide.').waitFor()
  await page.getByText('Indiquez l’origine de la venue.').waitFor()
  assert.equal(
    await page.getByRole('textbox', { name: 'Nom', exact: true }).getAttribute('aria-invalid'),
    'true',
    'the message belongs to its field',
  )
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(newcomer.lastName)
  await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill(newcomer.firstName)
  await page.getByRole('radio', { name: 'Femme' }).check()
  await page.getByRole('textbox', { name: 'Date de naissance' }).fill(newcomer.birthDate)
  await page.keyboard.press('Escape')
  await page.getByLabel('Téléphone').fill('06 12 34 56 78')
  await page.getByLabel('Adresse e-mail').fill(MAIL)
  await page.getByLabel('Numéro et voie').fill('12 rue du Port')
  await page.getByRole('combobox', { name: 'Commune' }).fill('Dunker')
  await page.getByRole('option', { name: /^Dunkerque/ }).click()
  assert.equal(await page.getByLabel('Code postal').inputValue(), '59140', 'the postcode comes with the commune')
  await pick(page, page.getByRole('combobox', { name: 'Site de suivi' }), 'Antenne Dunkerque Centre')
  // the referent suggested for the site (its least loaded active counsellor: the demo's only one there) fills the field
  await page.getByText(/Référent suggéré pour ce site : Claire Conseillère, qui suit \d+ personnes?/).waitFor()
  assert.equal(
    await page.getByRole('combobox', { name: 'Référent' }).inputValue(),
    'Claire Conseillère',
    'the suggestion fills the referent',
  )
  await pick(page, page.getByRole('combobox', { name: 'Origine de la venue' }), 'France Travail (Pôle emploi)')
  await pick(page, page.getByRole('combobox', { name: 'Logement' }), 'Chez les parents')
  await pick(page, page.getByRole('combobox', { name: 'Niveau de formation' }), /^Niveau 4/)
  await pick(page, page.getByRole('combobox', { name: 'Permis B' }), 'En cours')
  // Reception does not record disability or justice statuses.
  assert.equal(await page.getByRole('checkbox', { name: 'Travailleur handicapé (RQTH)' }).count(), 0)
  await page.getByRole('checkbox', { name: 'Demandeur d’emploi de longue durée' }).check()

  // The first interview, in the referent's agenda: three weeks ahead, early (no demo appointment then).
  await page.getByRole('checkbox', { name: 'Réserver le premier entretien dans l’agenda du référent' }).check()
  await page.getByText('Avec Claire Conseillère, sur le site du dossier.').waitFor()
  await page.getByRole('textbox', { name: 'Date de l’entretien' }).fill(interview.french)
  await page.keyboard.press('Escape')
  await page.getByLabel(/^Début/).fill('08:00')
  await page.getByLabel(/^Fin/).fill('08:45')
  // she agrees to be sent the convocation, and the reminders, by e-mail
  await pick(page, page.getByRole('combobox', { name: 'Convocation' }), 'Par courriel')
  await assertAccessible(page, 'création d’un dossier, premier entretien')

  await page.getByRole('button', { name: 'Créer le dossier', exact: true }).click()
  await page.waitForURL(/\/personnes\/[0-9a-f-]{36}/)
  await page.getByRole('heading', { level: 1, name: 'OYELARAN Maïwenn' }).waitFor()
  newcomer.created = true
  const summary = page.getByRole('group', { name: 'Résumé du dossier' })
  await summary.getByText('Référent : Claire Conseillère').waitFor()
  await summary.getByText('Antenne Dunkerque Centre').waitFor()
  await summary.getByText('Demandeur d’emploi de longue durée').waitFor()
  // Reception sees the identity, not the accompaniment record.
  await page.getByRole('tab', { name: 'Identité' }).waitFor()
  assert.equal(await page.getByRole('tab', { name: 'Événements' }).count(), 0, 'no record tabs for reception')
  await assertAccessible(page, 'dossier vu par l’accueil')
  // the convocation reached her mailbox, with the invitation for her calendar
  const mail = await waitForMail(MAIL)
  assert.match(mail.text, /Content-Type: text\/calendar/i, 'the convocation carries an .ics')

  // The referent finds the first interview in her agenda.
  const referent = await newPage()
  await submitCredentials(referent, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(referent)
  await referent.goto(`/agenda?vue=liste&date=${interview.iso}`)
  await referent.getByRole('table', { name: 'Rendez-vous de la période, dans l’ordre' }).waitFor()
  await referent.getByRole('row', { name: /08h00.*Premier entretien.*OYELARAN/ }).waitFor()
  await referent.close()

  // Someone else changes the file meanwhile: saving what was read before is refused, the reload shows their change.
  const other = await signIn(newPage)
  await other.goto(page.url())
  await other.getByLabel('Téléphone').fill('06 98 76 54 32')
  await other.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await other.getByText('Modifications enregistrées.').waitFor()
  await page.getByLabel('Adresse e-mail').fill('maiwenn.oyelaran@example.org')
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await page.getByText('Modifié entre-temps').waitFor()
  await page.getByRole('button', { name: 'Recharger la fiche' }).click()
  await page.waitForFunction(
    () => (document.querySelector('input[type=tel]') as HTMLInputElement)?.value === '06 98 76 54 32',
  )
  await page.getByLabel('Adresse e-mail').fill('maiwenn.oyelaran@example.org')
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
  await page.getByText('Modifications enregistrées.').waitFor()
}

async function signIn(newPage: Journey['newPage']) {
  const page = await newPage()
  await submitCredentials(page, 'accueil@demo.jalon.fr', DEMO_PASSWORD)
  await waitForHome(page)
  return page
}
