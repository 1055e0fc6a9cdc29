import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, DOCUMENT_ONLY, IMMUTABLE } from '../app.ts'
import { createTestContext, type TestContext } from '../test/test-app.ts'

// How the web app and the API go out (issue 10, "Web delivery"): files of the build compressed ahead (brotli, gzip) as
// the browser accepts them, hashed assets kept a year, index.html revalidated at every visit, API answers compressed
// on the fly and never kept. The built app is stood in for by a folder written as `vite build` writes it.

const script = `export const greeting = ${JSON.stringify('Bonjour '.repeat(400))}\n`
const page = `<!doctype html><html lang="fr"><head><title>Jalon</title>${'<link rel="modulepreload" href="/assets/app-Cz7aPuAV.js">'.repeat(30)}</head><body><div id="root"></div></body></html>`

let t: TestContext
let app: FastifyInstance
let root: string

function writeBuilt(path: string, content: string) {
  writeFileSync(join(root, path), content)
  writeFileSync(join(root, `${path}.br`), brotliCompressSync(content))
  writeFileSync(join(root, `${path}.gz`), gzipSync(content))
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'jalon-web-'))
  mkdirSync(join(root, 'assets'))
  writeBuilt('index.html', page)
  writeBuilt('assets/app-Cz7aPuAV.js', script)
  t = await createTestContext()
  app = await buildApp(t.deps, { webRoot: root })
})
afterAll(async () => {
  await app?.close()
  await t?.close()
  rmSync(root, { recursive: true, force: true })
})

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} })

describe('the built web app', () => {
  it('sends a hashed asset as brotli or gzip, as accepted, cached a year without revalidation', async () => {
    const br = await get('/assets/app-Cz7aPuAV.js', 'gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers['cache-control']).toBe(IMMUTABLE)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script)
    expect(br.rawPayload.length).toBeLessThan(script.length / 5)

    const gz = await get('/assets/app-Cz7aPuAV.js', 'gzip, deflate')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers['cache-control']).toBe(IMMUTABLE)
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script)

    const plain = await get('/assets/app-Cz7aPuAV.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
  })

  it('sends index.html compressed and revalidated at every visit (no-cache), for / and every page of the app', async () => {
    for (const url of ['/', '/portefeuille', '/personnes/6f1c8a52-0d1e-4f5b-9a43-2b7d9c0e1f23?onglet=notes']) {
      const res = await get(url, 'br, gzip')
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type'], url).toMatch(/text\/html/)
      expect(res.headers['content-encoding'], url).toBe('br')
      expect(res.headers['cache-control'], url).toBe('no-cache')
      expect(res.headers.etag, url).toBeTruthy()
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(page)
    }
    const gz = await get('/portefeuille', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString()).toBe(page)
  })

  it('answers 304 to a revalidation of index.html that still holds', async () => {
    const first = await get('/', 'br')
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })

  it('gives index.html every security header, and the assets those a script or a style sheet obeys', async () => {
    const page = await get('/portefeuille', 'br')
    for (const header of DOCUMENT_ONLY) expect(page.headers[header], header).toBeDefined()
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const asset = await get('/assets/app-Cz7aPuAV.js', 'br')
    for (const header of DOCUMENT_ONLY) expect(asset.headers[header], header).toBeUndefined()
    expect(asset.headers['x-content-type-options']).toBe('nosniff')
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(asset.headers['referrer-policy']).toBe('no-referrer')
  })

  it('answers 404, not index.html, for an asset that is not in the build (a chunk of a former version)', async () => {
    const res = await get('/assets/app-0ld0ld00.js', 'br')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).not.toMatch(/text\/html/)
  })
})

describe('API answers', () => {
  it('are compressed from 1 KB on, brotli or gzip as accepted, and never kept (no-store)', async () => {
    const br = await get('/api/docs/json', 'gzip, deflate, br')
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toBe('no-store')
    const json = JSON.parse(brotliDecompressSync(br.rawPayload).toString())
    expect(json.info.title).toBe('Jalon API')

    const gz = await get('/api/docs/json', 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString()).info.title).toBe('Jalon API')

    const plain = await get('/api/docs/json')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.json().info.title).toBe('Jalon API')
  })

  it('are sent as they are under 1 KB, where compressing saves nothing', async () => {
    const res = await get('/api/auth/csrf', 'br, gzip')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.json().token).toBeTruthy()
  })

  it('compress a signed-in answer as any other, and a refusal is problem+json, never kept', async () => {
    const counsellor = await t.as('counsellor')
    const cookie = [...counsellor.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, 'accept-encoding': 'gzip' } })
    expect(me.statusCode).toBe(200)
    expect(me.headers['cache-control']).toBe('no-store')
    const body = me.headers['content-encoding'] === 'gzip' ? gunzipSync(me.rawPayload) : me.rawPayload
    expect(JSON.parse(body.toString()).role).toBe('counsellor')
    const forbidden = await app.inject({
      method: 'GET',
      url: '/api/admin/users',
      headers: { cookie, 'accept-encoding': 'br' },
    })
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(forbidden.headers['cache-control']).toBe('no-store')
  })
})
