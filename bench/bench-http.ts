// What the benchmarks that drive a running server share: a free port, and a signed-in user's cookies and CSRF token.
import { createServer } from 'node:net'

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((c) => !c.endsWith('='))

/** Signs `email` in on the server at `base`: the cookies to send, and the CSRF token a write needs. */
export async function signIn(base: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const c = await fetch(`${base}/api/auth/csrf`)
  const { token } = (await c.json()) as { token: string }
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookiesOf(c).join('; ') },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`)
  const cookies = [...cookiesOf(c), ...cookiesOf(res)]
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: cookies.join('; ') } })
  return { cookie: [...cookies, ...cookiesOf(csrf)].join('; '), csrf: ((await csrf.json()) as { token: string }).token }
}
