import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in of Brevo's transactional SMS endpoint (brevo.ts has the documented protocol): it checks the
 * `api-key` header and the body as Brevo does, answers 201 `{ messageId }` or 4xx `{ code, message }`, and keeps what
 * it received. Tests read `received`; the demo and a development server without SMS_BREVO_API_KEY send through it.
 *
 * Like Brevo's webhook, it then reports what became of each SMS: `sent`, then `delivered` — or `hard_bounce` for a
 * number ending in 00, a stand-in for a number that does not exist — as Brevo's JSON (`{ id, to, sms_count,
 * credits_used, messageId, remaining_credit, msg_status, date, type, reference, tag, ts_event }`) posted to `reportTo`
 * (Jalon's webhook URL), `reportDelayMs` after the send; a report answered otherwise than 2xx is tried again later
 * (5 times at most, as Brevo retries). `reportDelayMs: null`: reports wait for `flushReports()` (tests), and
 * `reportWith` replaces the HTTP post (a test posts through the app's inject()).
 */
export interface SmsReport {
  id: number
  to: string
  sms_count: number
  credits_used: number
  messageId: number
  remaining_credit: number
  msg_status: 'sent' | 'delivered' | 'hard_bounce'
  date: string
  type: 'transactional'
  reference: Record<string, string>
  tag: string
  ts_event: number
}
type Post = (report: SmsReport) => Promise<number>

/** Brevo's `date`: local time in Paris, "YYYY-MM-DD HH:MM:SS" */
const parisTime = (at: Date) => at.toLocaleString('sv-SE', { timeZone: 'Europe/Paris' })
export interface ReceivedSms {
  sender: string
  recipient: string
  content: string
  type: string
  tag?: string
  messageId: number
}

export async function startBrevoStandIn(
  opts: { apiKey?: string; reportTo?: string; reportDelayMs?: number | null } = {},
) {
  const apiKey = opts.apiKey ?? 'stand-in'
  const received: ReceivedSms[] = []
  let next = 1_511_882_900_176_220
  const pending: { report: SmsReport; attempts: number }[] = []
  const delay = opts.reportDelayMs === undefined ? 1000 : opts.reportDelayMs
  const state: { post: Post | undefined; timer: NodeJS.Timeout | undefined } = {
    post: opts.reportTo ? httpPost(opts.reportTo) : undefined,
    timer: undefined,
  }
  /** posts every pending report once; those refused stay for the next round (5 attempts at most) */
  const flush = async () => {
    const out: { messageId: number; msg_status: string; status: number }[] = []
    const post = state.post
    if (!post) return out
    for (const item of pending.splice(0)) {
      const status = await post(item.report).catch(() => 0)
      out.push({ messageId: item.report.messageId, msg_status: item.report.msg_status, status })
      if ((status < 200 || status > 299) && ++item.attempts < 5) pending.push(item)
    }
    return out
  }
  const schedule = (ms: number) => {
    if (delay === null || state.timer) return
    state.timer = setTimeout(async () => {
      state.timer = undefined
      await flush()
      if (pending.length) schedule(ms * 2)
    }, ms)
    state.timer.unref()
  }
  const queue = (sms: ReceivedSms) => {
    const base = { id: 1, to: sms.recipient, sms_count: 1, credits_used: 1, messageId: sms.messageId }
    const at = new Date()
    const report = (msg_status: SmsReport['msg_status'], seconds: number): SmsReport => ({
      ...base,
      remaining_credit: 1000,
      msg_status,
      date: parisTime(new Date(at.getTime() + seconds * 1000)),
      type: 'transactional',
      reference: { '1': `stand-in-${sms.messageId}` },
      tag: sms.tag ?? '',
      ts_event: Math.floor(at.getTime() / 1000) + seconds,
    })
    pending.push({ report: report('sent', 0), attempts: 0 })
    pending.push({ report: report(sms.recipient.endsWith('00') ? 'hard_bounce' : 'delivered', 2), attempts: 0 })
    if (delay !== null && state.post) schedule(delay)
  }
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = ''
    req.on('data', (c: Buffer) => {
      raw += c.toString('utf8')
    })
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v3/transactionalSMS/send')
        return answer(res, 404, { code: 'not_found', message: 'Not found' })
      if (req.headers['api-key'] !== apiKey) return answer(res, 401, { code: 'unauthorized', message: 'Key not found' })
      let body: Partial<ReceivedSms>
      try {
        body = JSON.parse(raw)
      } catch {
        return answer(res, 400, { code: 'bad_request', message: 'Invalid JSON' })
      }
      const bad = (message: string) => answer(res, 400, { code: 'invalid_parameter', message })
      if (typeof body.sender !== 'string' || !/^([A-Za-z0-9]{1,11}|\d{1,15})$/.test(body.sender))
        return bad('sender is invalid')
      if (typeof body.recipient !== 'string' || !/^\d{8,15}$/.test(body.recipient)) return bad('recipient is invalid')
      if (typeof body.content !== 'string' || !body.content) return bad('content is missing')
      const messageId = next++
      const sms = {
        sender: body.sender,
        recipient: body.recipient,
        content: body.content,
        type: String(body.type ?? 'transactional'),
        tag: body.tag,
        messageId,
      }
      received.push(sms)
      answer(res, 201, { messageId })
      queue(sms)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/v3/transactionalSMS/send`,
    apiKey,
    received,
    /** the reports not yet accepted by Jalon's webhook */
    pending: () => pending.map((p) => p.report),
    flushReports: flush,
    /** where reports go: a URL, or a function (a test posting through inject()) */
    reportWith(target: string | Post) {
      state.post = typeof target === 'string' ? httpPost(target) : target
      if (delay !== null && pending.length) schedule(delay)
    },
    close: () => {
      clearTimeout(state.timer)
      return new Promise<void>((r) => server.close(() => r()))
    },
  }
}

function httpPost(url: string): Post {
  return async (report) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
      signal: AbortSignal.timeout(10_000),
    })
    await res.arrayBuffer().catch(() => undefined)
    return res.status
  }
}
