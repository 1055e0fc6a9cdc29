import assert from 'node:assert/strict'
import AxeBuilder from '@axe-core/playwright'
import { generate } from 'otplib'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'

export const DEMO_PASSWORD = 'demo-jalon-2026'
export const DEMO_COUNSELLOR = 'conseiller@demo.jalon.fr'
export const DEMO_ADMIN = 'admin@demo.jalon.fr'

/** What each journey receives from the runner. */
export interface Journey {
  baseURL: string
  browser: Browser
  /** a fresh browser (own cookies), in French, on Paris time; closed by the runner */
  newPage(): Promise<Page>
  /** every mail the server has sent so far (through real SMTP, to the runner's local sink), oldest first */
  mails(): ReceivedMail[]
  /** the next mail to this address that no earlier call returned, waiting for it if need be */
  waitForMail(to: string): Promise<ReceivedMail>
}

export interface ReceivedMail {
  to: string[]
  subject: string
  /** the body, quoted-printable decoded */
  text: string
}

/** A raw message as the SMTP sink received it, read back: subject and decoded text (nodemailer's plain-text mails). */
export function readMail(message: { to: string[]; raw: string }): ReceivedMail {
  const split = message.raw.search(/\r?\n\r?\n/)
  const head = message.raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ')
  const body = message.raw.slice(split).trim()
  const quotedPrintable = /^Content-Transfer-Encoding:\s*quoted-printable/im.test(head)
  const base64 = /^Content-Transfer-Encoding:\s*base64/im.test(head)
  const text = base64
    ? Buffer.from(body, 'base64').toString('utf8')
    : quotedPrintable
      ? Buffer.from(
          body
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
          'latin1',
        ).toString('utf8')
      : body
  const subject = (/^Subject: (.*)$/im.exec(head)?.[1] ?? '').replace(
    /=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_, encoding: string, word: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(word, 'base64').toString('utf8')
        : Buffer.from(
            word
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
  )
  return { to: message.to, subject: subject.trim(), text: text.replace(/\r\n/g, '\n') }
}

/** The first address in a mail that starts with this one (a one-time link, its #fragment included). */
export function linkIn(mail: ReceivedMail, start: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(start))
  assert.ok(link, `a link to ${start} in the mail "${mail.subject}"`)
  return link
}

/** A journey file `<what-happens>.spec.ts` anywhere under e2e/ (found by the runner; a module's journeys may sit in a
 * folder of their own). */
export interface JourneyModule {
  name: string
  /** journeys run by increasing order (default 100), then by file name: lower when others rely on what it does */
  order?: number
  /** the lane it runs in, against a server of its own (e2e/run.ts): the journeys it relies on share it; default 1 */
  lane?: number
  run(journey: Journey): Promise<void>
}

export async function openContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    // No animation to race against: axe measures colours of a settled page, never of a modal still fading in.
    reducedMotion: 'reduce',
  })
  // a wait for an element or an action; a page load gets longer: the first page of a lane loads the whole app's
  // JavaScript while the other lanes' servers and pages share the two cores (30 s was passed in CI, 02/12/2026)
  context.setDefaultTimeout(30_000)
  context.setDefaultNavigationTimeout(90_000)
  return context
}

/** Fills the sign-in form and submits it; the caller checks what comes next. */
export async function submitCredentials(page: Page, email: string, password: string) {
  await page.goto('/connexion')
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor()
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
}

/** Waits for the home page and returns its h1. */
export async function waitForHome(page: Page): Promise<string> {
  await page.waitForURL('**/accueil')
  const heading = page.getByRole('heading', { level: 1 })
  await heading.filter({ hasText: 'Bonjour' }).waitFor()
  return (await heading.textContent()) ?? ''
}

/** The demo admin's TOTP secret, once a journey has enrolled it (the server keeps it for the whole run). */
const adminTotp: { secret?: string; lastCode?: string } = {}

/** A code not used yet: a server may refuse a code replayed within its 30 s window. */
async function freshCode(secret: string): Promise<string> {
  let code = await generate({ secret })
  while (code === adminTotp.lastCode) {
    await new Promise((r) => setTimeout(r, 1000))
    code = await generate({ secret })
  }
  adminTotp.lastCode = code
  return code
}

/**
 * Signs the demo admin in: the first time, enrols two-factor authentication from the secret shown on the page;
 * afterwards, types the code. Says which of the two happened.
 */
export async function signInAsAdmin(page: Page): Promise<'enrolled' | 'verified'> {
  await submitCredentials(page, DEMO_ADMIN, DEMO_PASSWORD)
  const enrol = page.getByRole('heading', { name: 'Activer la double authentification' })
  const verify = page.getByRole('heading', { name: 'Double authentification', exact: true })
  await enrol.or(verify).waitFor()
  let outcome: 'enrolled' | 'verified'
  if (await enrol.isVisible()) {
    // a QR code to scan, and the same secret as text for whoever cannot scan
    const qrCode = page.getByRole('img', { name: /QR code de configuration/ })
    await qrCode.locator('path').first().waitFor({ state: 'attached' })
    await assertAccessible(page, 'activation de la double authentification')
    const secret = (await page.getByLabel('Clé secrète').inputValue()).replace(/\s+/g, '')
    assert.match(secret, /^[A-Z2-7]{16,}=*$/, `a base32 secret is shown (got "${secret}")`)
    adminTotp.secret = secret
    await page.getByLabel('Code à 6 chiffres').fill(await freshCode(secret))
    await page.getByRole('button', { name: 'Activer et continuer' }).click()
    outcome = 'enrolled'
  } else {
    assert.ok(adminTotp.secret, 'the admin was enrolled by an earlier journey of this run')
    await page.getByLabel('Code à 6 chiffres').fill(await freshCode(adminTotp.secret))
    await page.getByRole('button', { name: 'Valider' }).click()
    outcome = 'verified'
  }
  await waitForHome(page)
  return outcome
}

/** Chooses an option of a Mantine Select or MultiSelect by its visible label. */
export async function pick(page: Page, input: Locator, option: string | RegExp) {
  await input.click()
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click()
}

export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' })

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click()
  await page.waitForURL('**/connexion**')
  await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor()
}

/** axe's impacts, least first: a page fails on its `failOn` level (moderate by default) and above. */
const impacts = ['minor', 'moderate', 'serious', 'critical']

/**
 * Fails on moderate, serious or critical accessibility violations, listing them; minor ones are printed. A journey
 * may pass `failOn: 'serious'` for a page with a known moderate violation, naming it in a comment.
 */
export async function assertAccessible(page: Page, where: string, opts: { failOn?: 'moderate' | 'serious' } = {}) {
  await settled(page)
  const results = await new AxeBuilder({ page }).analyze()
  const floor = impacts.indexOf(opts.failOn ?? 'moderate')
  const blocking = results.violations.filter((v) => impacts.indexOf(v.impact ?? 'minor') >= floor)
  for (const v of results.violations.filter((v) => !blocking.includes(v)))
    console.log(`    (axe, ${where}, ${v.impact}) ${v.id}: ${v.help} — ${v.nodes.length} élément(s)`)
  if (blocking.length === 0) return
  const report = blocking
    .map(
      (v) =>
        `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n')}`,
    )
    .join('\n')
  assert.fail(
    `Accessibilité (${where}) : ${blocking.length} violation(s) de niveau ${impacts[floor]} ou plus\n${report}`,
  )
}

/**
 * Waits until nothing moves: no finite CSS animation or transition still running, checked after two animation frames.
 * Colours read while an overlay fades in are not the page's colours.
 */
export async function settled(page: Page) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            done(
              document
                .getAnimations()
                // a spinner turns for ever: it is not a transition to wait for
                .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
                .every((a) => a.playState !== 'running' && !a.pending),
            ),
          ),
        ),
      ),
    undefined,
    { polling: 100, timeout: 10_000 },
  )
}

/** The text of the element, whitespace collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
}
