import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in of Brevo's transactional SMS endpoint (brevo.ts has the documented protocol): it checks the
 * `api-key` header and the body as Brevo does, answers 201 `{ messageId }` or 4xx `{ code, message }`, and keeps what
 * it received. Tests read `received`; the demo and a development server without SMS_BREVO_API_KEY send through it.
 */
export interface ReceivedSms {
  sender: string
  recipient: string
  content: string
  type: string
  tag?: string
  messageId: number
}

export async function startBrevoStandIn(opts: { apiKey?: string } = {}) {
  const apiKey = opts.apiKey ?? 'stand-in'
  const received: ReceivedSms[] = []
  let next = 1_511_882_900_176_220
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
      received.push({
        sender: body.sender,
        recipient: body.recipient,
        content: body.content,
        type: String(body.type ?? 'transactional'),
        tag: body.tag,
        messageId,
      })
      answer(res, 201, { messageId })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.unref()
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/v3/transactionalSMS/send`,
    apiKey,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
