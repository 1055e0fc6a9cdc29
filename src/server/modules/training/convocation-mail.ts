import type { Prescription } from '../../../shared/training/prescriptions.schema.ts'
import type { Deps } from '../../deps.ts'
import { convocationLines, renderConvocation } from './convocation-pdf.ts'

// The convocation e-mailed to the person when her file has an address (docs/training/prescriptions.md
// « Convocation »), its PDF attached. A mail that fails does not undo the validation: the caller records the outcome.

export async function mailConvocation(
  deps: Pick<Deps, 'mailer'>,
  p: Prescription,
  structureName: string,
  timeZone: string,
): Promise<'sent' | 'failed' | 'no_address'> {
  if (!p.person.email) return 'no_address'
  const l = convocationLines(p, timeZone)
  const pdf = await renderConvocation(p, structureName, timeZone)
  // Mail's attachment type says string: the PDF goes as base64, which nodemailer decodes (`encoding`)
  const attachment = {
    filename: 'convocation.pdf',
    content: pdf.toString('base64'),
    contentType: 'application/pdf',
    encoding: 'base64',
  }
  try {
    await deps.mailer.send({
      to: p.person.email,
      subject: `Convocation à l’information collective — ${l.action}`,
      text: [
        `Bonjour ${l.name},`,
        '',
        `Votre demande de formation « ${l.action} » auprès de ${l.body} est validée.`,
        `Vous êtes convoqué(e) à l’information collective ${l.when}, ${l.where}.`,
        '',
        'La convocation est jointe à ce message : apportez-la, avec une pièce d’identité et votre CV.',
        '',
        structureName,
      ].join('\n'),
      attachments: [attachment],
    })
    return 'sent'
  } catch {
    return 'failed'
  }
}
