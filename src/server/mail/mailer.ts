import nodemailer from 'nodemailer'

export interface Mail {
  to: string
  subject: string
  text: string
  /** files joined to the mail (an appointment's .ics invitation) */
  attachments?: { filename: string; content: string; contentType: string }[]
}
export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * Mail always goes through SMTP when SMTP_URL is set (a local sink in tests). Without it (first run on a laptop),
 * messages are written to the log instead of being lost silently.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; log?: (msg: string) => void }): Mailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true })
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail })
      if (!opts.smtpUrl)
        opts.log?.(`Courriel (non envoyé, SMTP_URL absent) à ${mail.to} : ${mail.subject}\n${mail.text}`)
      void info
    },
  }
}
