import { candidateStatuses, refusalReasons } from '../../../shared/employment/employment.nomenclature.ts'
import type { CandidateStatusInput } from '../../../shared/employment/offers.schema.ts'
import type { Deps } from '../../deps.ts'
import { positionerOf } from './candidates.repository.ts'
import type { EmploymentCtx } from './employment-ctx.ts'

// The mail to the counsellor who positioned a person on an offer when someone else — the employment officer, as a
// rule — records the employer's answer (docs/employment/offers.md « Candidates »). Through the mailer (SMTP); a mail
// that fails does not undo the status: the outcome is audited. The person is named by first name and initial only,
// the rest is behind the link (the counsellor signs in to read it).

export type CandidateMailOutcome = 'sent' | 'failed' | 'no_positioner' | 'self'

export async function mailCandidateStatus(
  deps: Pick<Deps, 'mailer' | 'config'>,
  ctx: EmploymentCtx,
  candidateId: string,
  input: CandidateStatusInput,
): Promise<CandidateMailOutcome> {
  const to = await positionerOf(ctx.tx, ctx.actor.structureId, candidateId)
  let outcome: CandidateMailOutcome
  if (!to) outcome = 'no_positioner'
  else if (to.user_id === ctx.actor.userId) outcome = 'self'
  else {
    const who = `${to.first_name} ${to.last_name.slice(0, 1).toUpperCase()}.`
    const status = candidateStatuses.labels[input.status]
    const reason =
      input.status === 'refused' && input.refusalReason ? ` (${refusalReasons.labels[input.refusalReason]})` : ''
    const interview =
      input.status === 'interview' && input.interviewOn
        ? [`Entretien prévu le ${input.interviewOn.split('-').reverse().join('/')}.`]
        : []
    try {
      await deps.mailer.send({
        to: to.email,
        subject: `Candidature de ${who} sur « ${to.title} » : ${status}`,
        text: [
          `Bonjour ${to.display_name},`,
          '',
          `La candidature de ${who}, que vous avez positionné(e) sur l’offre « ${to.title} », est passée à « ${status} »${reason}.`,
          ...interview,
          ...(input.note ? [`Note : ${input.note}`] : []),
          '',
          `Voir l’offre : ${deps.config.publicUrl}/emploi/offres/${to.offer_id}`,
          '',
          'Jalon',
        ].join('\n'),
      })
      outcome = 'sent'
    } catch {
      outcome = 'failed'
    }
  }
  if (outcome === 'sent' || outcome === 'failed')
    await ctx.audit({
      action: 'employment.candidate.status-mail',
      entity: 'offer_candidate',
      entityId: candidateId,
      detail: { to: to?.user_id, status: input.status, outcome },
    })
  return outcome
}
