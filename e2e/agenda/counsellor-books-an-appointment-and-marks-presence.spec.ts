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

/** what the journey booked, for the reception's journey that follows it */
export const booked: { lastName?: string; firstName?: string } = {}

/** beside the PLIE's journey (lane 3): the two agenda journeys rely on each other only (e2e/run.ts) */
export const lane = 3
export const name =
  'la conseillère prend un rendez-vous dans sa semaine, la personne reçoit la convocation avec son .ics, puis la conseillère la note présente et enregistre l’entretien avec deux propositions (un seul événement)'

/** today in Paris, as the agenda's form shows it */
const todayInParis = () => new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })
const isoToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' })

/** A person of the demo counsellor's agenda who agreed to be mailed (the demo puts those with an address first). */
async function demoPersonWithMail(page: Page) {
  const caseload = await (await page.request.get('/api/caseload?pageSize=200')).json()
  for (const row of caseload.items as { personId: string }[]) {
    const file = await (await page.request.get(`/api/persons/${row.personId}/agenda`)).json()
    if (file.contact.consent && file.contact.channel === 'email' && file.contact.hasEmail) {
      const person = await (await page.request.get(`/api/persons/${row.personId}`)).json()
      return {
        id: row.personId,
        lastName: person.lastName as string,
        firstName: person.firstName as string,
        email: person.email as string,
      }
    }
  }
  throw new Error('no demo person with consent by e-mail')
}

/** The .ics part of a received mail (nodemailer sends it base64-encoded in a multipart message). */
function icsOf(text: string): string {
  const part = text.split(/\n--/).find((p) => /Content-Type: text\/calendar/i.test(p))
  assert.ok(part, 'the mail carries a text/calendar part')
  return Buffer.from(part.split(/\n\n/).slice(1).join('').replace(/\s+/g, ''), 'base64').toString('utf8')
}

export async function run(journey: Journey) {
  const page = await journey.newPage()
  await submitCredentials(page, DEMO_COUNSELLOR, DEMO_PASSWORD)
  await waitForHome(page)
  const person = await demoPersonWithMail(page)

  // The week view of her agenda, with the demo's appointments.
  await mainNav(page).getByRole('link', { name: 'Agenda' }).click()
  await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor()
  assert.ok(await page.getByRole('radio', { name: 'Semaine' }).isChecked(), 'the week view by default')
  await assertAccessible(page, 'agenda, vue semaine')

  // Book: select today's 07:00 slot in the week's grid (early, so the attendance can be taken at once).
  const column = page.locator(`[role="cell"][data-date="${isoToday()}"]`).last()
  const hour = page.getByText('07 h', { exact: true }).first()
  const [col, line] = [await column.boundingBox(), await hour.boundingBox()]
  assert.ok(col && line, 'today’s column and the 07 h line are on screen')
  const x = col.x + col.width / 2
  await page.mouse.move(x, line.y + 4)
  await page.mouse.down()
  await page.mouse.move(x, line.y + 10, { steps: 4 })
  await page.mouse.move(x, line.y + 14, { steps: 2 })
  await page.mouse.up()
  const dialog = page.getByRole('dialog', { name: 'Nouveau rendez-vous' })
  await dialog.waitFor()
  assert.equal(await dialog.getByRole('textbox', { name: 'Date' }).inputValue(), todayInParis())
  assert.equal(await dialog.getByLabel('Début').inputValue(), '07:00')
  await dialog.getByLabel('Fin').fill('07:30')
  const persons = dialog.getByRole('combobox', { name: 'Personne', exact: true })
  await persons.fill(person.lastName)
  await pick(page, persons, new RegExp(`${person.lastName.toUpperCase()} ${person.firstName}`))
  await dialog.getByLabel('Note (interne)').click() // the list of names closes
  await assertAccessible(page, 'formulaire de rendez-vous')
  assert.ok(await dialog.getByRole('checkbox', { name: /Envoyer la convocation/ }).isChecked())
  await dialog.getByRole('button', { name: 'Enregistrer' }).click()
  await dialog.waitFor({ state: 'detached' })

  // The person's mail, with the invitation.
  const mail = await journey.waitForMail(person.email)
  assert.match(mail.subject, /^Rendez-vous le \d\d\/\d\d\/\d{4} à 07h00$/)
  const ics = icsOf(mail.text)
  assert.match(ics, /BEGIN:VEVENT/)
  assert.match(ics, /METHOD:REQUEST/)
  assert.match(ics, new RegExp(`DTSTART:${isoToday().replaceAll('-', '')}T0[56]0000Z`))

  // Dragged half an hour later: the server takes the move (it would answer 409 onto a taken slot).
  // the new appointment by its hours in today's column (the person may have another appointment earlier in the week)
  const event = column.getByText(/^07:00 – 07:30/).first()
  await event.waitFor()
  const eight = await page.getByText('08 h', { exact: true }).first().boundingBox()
  const box = await event.boundingBox()
  assert.ok(eight && box)
  const halfHour = (eight.y - line.y) / 2
  await page.mouse.move(box.x + box.width / 2, box.y + 4)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2, box.y + 4 + halfHour / 2, { steps: 5 })
  await page.mouse.move(box.x + box.width / 2, box.y + 4 + halfHour, { steps: 5 })
  await page.mouse.up()
  await page.getByText(/^07:30 – 08:00$/).waitFor()

  // Present, in one click, from the appointment (the list: the keyboard's way).
  await page.locator('label', { hasText: /^Liste$/ }).click()
  await page.getByRole('table', { name: 'Rendez-vous de la période, dans l’ordre' }).waitFor()
  await assertAccessible(page, 'agenda, liste')
  const row = page.getByRole('row', { name: new RegExp(`07h30.*${person.lastName.toUpperCase()}`) })
  await row.getByRole('button', { name: /Ouvrir/ }).click()
  const detail = page.getByRole('dialog', { name: /07h30/ })
  await assertAccessible(page, 'rendez-vous ouvert')
  const attendance = detail.getByRole('group', { name: new RegExp(`Présence de ${person.lastName.toUpperCase()}`) })
  await attendance.getByRole('button', { name: 'Présent' }).click()
  await detail.getByRole('cell', { name: 'Présent', exact: true }).waitFor()
  const interview = detail.getByRole('link', { name: 'Enregistrer l’entretien' })
  const interviewHref = (await interview.getAttribute('href')) ?? ''
  assert.match(interviewHref, new RegExp(`/personnes/${person.id}/entretien\\?rdv=`))
  await detail.getByRole('button', { name: 'Fermer' }).click()
  Object.assign(booked, { lastName: person.lastName, firstName: person.firstName })

  // A permanence's form, from the keyboard's side of the page.
  await page.getByRole('button', { name: 'Nouvelle permanence' }).click()
  const permanence = page.getByRole('dialog', { name: 'Nouvelle permanence' })
  await permanence.getByRole('checkbox', { name: 'mardi' }).waitFor()
  await assertAccessible(page, 'formulaire de permanence')
  await permanence.getByRole('button', { name: 'Annuler' }).click()
  await permanence.waitFor({ state: 'detached' })

  // The person's file keeps the appointment and the message.
  await page.goto(`/personnes/${person.id}?onglet=rendez-vous`)
  await page.getByRole('heading', { name: 'Messages envoyés' }).waitFor()
  await page.getByRole('cell', { name: person.email }).first().waitFor()
  await assertAccessible(page, 'dossier, rendez-vous')

  // The interview, from the appointment: the account and two propositions on one screen, in one save. It completes
  // the event the attendance wrote: the file keeps one contact today for this appointment, not two.
  const today = isoToday()
  const count = async (what: 'events' | 'propositions') => {
    const res = await page.request.get(`/api/persons/${person.id}/${what}?from=${today}&to=${today}&pageSize=200`)
    assert.equal(res.status(), 200, await res.text())
    return (await res.json()).total as number
  }
  const [eventsBefore, propositionsBefore] = [await count('events'), await count('propositions')]
  await page.goto(interviewHref)
  await page
    .getByRole('heading', { level: 1, name: new RegExp(`^Entretien — ${person.lastName.toUpperCase()}`) })
    .waitFor()
  const account = 'Entretien du rendez-vous de 07h30 : CV à reprendre, candidatures en logistique.'
  await page.getByLabel('Compte rendu').fill(account)
  for (const [i, [domain, theme]] of [
    ['Professionnel', 'Accès à l’emploi'],
    ['Social', 'Logement'],
  ].entries()) {
    await page.getByRole('button', { name: 'Ajouter une proposition' }).click()
    const proposition = page.getByRole('group', { name: `Proposition ${i + 1}` })
    await pick(page, proposition.getByRole('combobox', { name: 'Domaine' }), domain!)
    await pick(page, proposition.getByRole('combobox', { name: 'Thème' }), theme!)
  }
  await assertAccessible(page, 'écran d’entretien, depuis le rendez-vous')
  await page.getByRole('button', { name: 'Enregistrer l’entretien' }).click()
  await page.getByRole('tabpanel', { name: 'Événements', exact: true }).waitFor()
  await page.getByRole('row').filter({ hasText: account }).waitFor()
  assert.equal(await count('events'), eventsBefore, 'the interview completes the attendance’s event (one contact)')
  assert.equal(await count('propositions'), propositionsBefore + 2, 'two propositions, dated on the interview’s day')
  await assertAccessible(page, 'dossier, événements après l’entretien')
}
