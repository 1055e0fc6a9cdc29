import { z } from 'zod'
import { requiredDate, whenValid } from '../persons/fields.ts'
import { type EsfMoment, type EsfQuestion, esfMoments, esfQuestions } from './plie.nomenclature.ts'

// The ESF+ participant data (docs/plie.md « Import and export, ESF+ »): the answers a counsellor records for a
// pathway at entry, at exit and six months after, and the participant export of a period.

const momentSchema = z.enum(esfMoments.codes, { error: 'Moment inconnu (entry, exit ou six_months).' })

const answersFields = z.object({
  moment: momentSchema,
  answers: z.record(z.string().max(50), z.string().max(50)),
})

/** Each question known, asked at this moment, and its answer from its list (« declined » only where listed). */
function checkAnswers(v: z.infer<typeof answersFields>, ctx: z.RefinementCtx) {
  const entries = Object.entries(v.answers)
  if (!entries.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'Au moins une réponse.' })
  for (const [question, answer] of entries) {
    const q = esfQuestions[question as EsfQuestion] as
      | { moment: EsfMoment; answers: Record<string, string> }
      | undefined
    const path = ['answers', question]
    if (!q || !Object.hasOwn(esfQuestions, question))
      ctx.addIssue({ code: 'custom', path, message: 'Question FSE+ inconnue.' })
    else if (q.moment !== v.moment)
      ctx.addIssue({ code: 'custom', path, message: `Question posée ${esfMoments.labels[q.moment].toLowerCase()}.` })
    else if (!Object.hasOwn(q.answers, answer))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `Réponse inconnue (réponses admises : ${Object.values(q.answers).join(', ')}).`,
      })
  }
}

export const esfAnswersInputSchema = answersFields
  .extend({ answeredOn: requiredDate('Date au format AAAA-MM-JJ.', 'Date de la réponse requise.') })
  .superRefine(checkAnswers, whenValid(answersFields))
export type EsfAnswersInput = z.output<typeof esfAnswersInputSchema>

export const esfAnswerSchema = z.object({
  moment: momentSchema,
  question: z.string(),
  answer: z.string(),
  answeredOn: z.string(),
})
export const esfAnswersSchema = z.object({ enrolmentId: z.uuid(), answers: z.array(esfAnswerSchema) })
export type EsfAnswers = z.infer<typeof esfAnswersSchema>

const periodFields = z.object({
  from: requiredDate('Date de début au format AAAA-MM-JJ.', 'Date de début requise.'),
  to: requiredDate('Date de fin au format AAAA-MM-JJ.', 'Date de fin requise.'),
})
export const esfExportQuery = periodFields.superRefine((v, ctx) => {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'La fin précède le début.' })
}, whenValid(periodFields))
export type EsfExportQuery = z.output<typeof esfExportQuery>
