import { z } from 'zod'
import { calendarDate, cents, distinct, int4, safeText, versionSchema } from '../primitives.ts'
import {
  projectDecisions,
  projectForms,
  projectNatures,
  projectSectors,
  projectStatuses,
  requestStatuses,
} from './aids.nomenclature.ts'

// Contracts of the youth projects (CLAP) and holiday projects (issue 12, docs/aids.md « Youth projects (CLAP) and
// holidays »): a project file with its holders, presented to a committee, funded or not, then completed or abandoned;
// a holiday project's young people each get the holiday fund's fixed aid as a request of that fund.

const id = z.uuid('Identifiant invalide.')
export const projectParams = z.object({ id })
export const personProjectsParams = z.object({ personId: id })

export const PROJECT_HOLDERS_MAX = 50
export const FOLLOW_UP_MAX = 4000

const positiveCents = cents().refine((v) => v > 0, 'Montant supérieur à zéro attendu.')
const year = z
  .string()
  .regex(/^\d{4}$/, 'Année sur quatre chiffres.')
  .transform(Number)
  .pipe(z.number().int().min(1990, 'Année entre 1990 et 2100.').max(2100, 'Année entre 1990 et 2100.'))

export const projectFormSchema = z.enum(projectForms.codes, 'Forme du projet : individuel ou collectif.')
export const projectNatureSchema = z.enum(projectNatures.codes, 'Nature du projet inconnue.')
export const projectSectorSchema = z.enum(projectSectors.codes, 'Secteur inconnu.')
export const projectStatusSchema = z.enum(projectStatuses.codes, 'Statut de projet inconnu.')
export const projectDecisionSchema = z.enum(projectDecisions.codes, 'Décision : financé, refusé ou ajourné.')

export const projectListQuery = z.object({
  fundId: id.optional(),
  /** the year the project was created (or decided, for a decided one) */
  year: year.optional(),
  status: projectStatusSchema.optional(),
})

export const projectInput = z
  .object({
    fundId: id,
    title: safeText('Texte attendu.').trim().min(2, 'Intitulé du projet requis.').max(200, '200 caractères au plus.'),
    form: projectFormSchema,
    nature: projectNatureSchema,
    /** an economic project's sector; none for the others */
    sector: projectSectorSchema.nullable().default(null),
    holderIds: z
      .array(id, 'Liste des porteurs attendue.')
      .min(1, 'Au moins un porteur du projet.')
      .max(PROJECT_HOLDERS_MAX, `${PROJECT_HOLDERS_MAX} porteurs au plus.`)
      .refine(distinct, 'Un porteur est cité deux fois.'),
    budgetCents: cents().nullable().default(null),
    askedCents: cents().nullable().default(null),
    /** the site that follows the project; none: the first holder's */
    siteId: id.nullable().default(null),
    followedBy: id.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.nature === 'economic' && !v.sector)
      ctx.addIssue({
        code: 'custom',
        path: ['sector'],
        message: 'Secteur d’activité requis pour un projet économique.',
      })
    if (v.nature !== 'economic' && v.sector)
      ctx.addIssue({ code: 'custom', path: ['sector'], message: 'Un secteur seulement pour un projet économique.' })
    if (v.form === 'individual' && v.holderIds.length > 1)
      ctx.addIssue({ code: 'custom', path: ['holderIds'], message: 'Un projet individuel a un seul porteur.' })
    if (v.budgetCents !== null && v.askedCents !== null && v.askedCents > v.budgetCents)
      ctx.addIssue({ code: 'custom', path: ['askedCents'], message: 'Le montant demandé dépasse le budget du projet.' })
  })
export type ProjectInput = z.output<typeof projectInput>
export const projectUpdateInput = projectInput.safeExtend({ version: versionSchema })
export type ProjectUpdateInput = z.output<typeof projectUpdateInput>

/** presented to a commission of the project's fund (its date), or on a day without a recorded commission */
export const presentationInput = z
  .object({
    version: versionSchema,
    commissionId: id.nullable().default(null),
    presentedOn: calendarDate().nullable().default(null),
  })
  .refine((v) => v.commissionId !== null || v.presentedOn !== null, {
    path: ['presentedOn'],
    message: 'Indiquez la commission ou la date de présentation.',
  })
export type PresentationInput = z.output<typeof presentationInput>

export const projectDecisionInput = z
  .object({
    version: versionSchema,
    decision: projectDecisionSchema,
    decidedOn: calendarDate(),
    /** funded only: at most the amount asked, within the fund's envelope of the year */
    grantedCents: positiveCents.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'funded' && v.grantedCents === null)
      ctx.addIssue({
        code: 'custom',
        path: ['grantedCents'],
        message: 'Montant accordé requis pour un projet financé.',
      })
    if (v.decision !== 'funded' && v.grantedCents !== null)
      ctx.addIssue({ code: 'custom', path: ['grantedCents'], message: 'Un montant seulement pour un projet financé.' })
  })
export type ProjectDecisionInput = z.output<typeof projectDecisionInput>

export const projectOutcomes = { completed: 'Réalisé', abandoned: 'Abandonné' } as const
export const projectOutcomeInput = z
  .object({
    version: versionSchema,
    outcome: z.enum(['completed', 'abandoned'], 'Issue : réalisé ou abandonné.'),
    followUp: safeText('Texte attendu.')
      .trim()
      .max(FOLLOW_UP_MAX, `${FOLLOW_UP_MAX} caractères au plus.`)
      .nullable()
      .default(null),
    jobsCreated: int4().max(10000, '10 000 emplois au plus.').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'abandoned' && v.jobsCreated !== null)
      ctx.addIssue({ code: 'custom', path: ['jobsCreated'], message: 'Pas d’emplois créés pour un projet abandonné.' })
  })
export type ProjectOutcomeInput = z.output<typeof projectOutcomeInput>

export const holidayAidsInput = z.object({ version: versionSchema })

export const projectHolderSchema = z.object({
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
})
/** a young person's aid on the project (a request of the project's fund: its decision and payments are the requests') */
export const projectAidSchema = z.object({
  requestId: z.string(),
  personId: z.string(),
  status: z.enum(requestStatuses.codes),
  amountAskedCents: z.number().int(),
  amountGrantedCents: z.number().int().nullable(),
  askedOn: z.string(),
})

export const projectSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  fundCode: z.string(),
  fundName: z.string(),
  fundKind: z.enum(['project', 'holiday']),
  title: z.string(),
  form: projectFormSchema,
  nature: projectNatureSchema,
  sector: projectSectorSchema.nullable(),
  siteId: z.string().nullable(),
  followedBy: z.string().nullable(),
  followedByName: z.string().nullable(),
  budgetCents: z.number().int().nullable(),
  askedCents: z.number().int().nullable(),
  commissionId: z.string().nullable(),
  presentedOn: z.string().nullable(),
  decision: projectDecisionSchema.nullable(),
  decidedOn: z.string().nullable(),
  grantedCents: z.number().int().nullable(),
  jobsCreated: z.number().int().nullable(),
  followUp: z.string().nullable(),
  status: projectStatusSchema,
  statusLabel: z.string(),
  createdOn: z.string(),
  /** the holders the reader may see (all of them for the aid officer and the director) */
  holders: z.array(projectHolderSchema),
  /** how many holders the project has in all */
  holderCount: z.number().int(),
  /** the holiday aids of the holders the reader may see */
  aids: z.array(projectAidSchema),
  version: z.number().int(),
})
export type Project = z.infer<typeof projectSchema>
export const projectListSchema = z.array(projectSchema)

export const holidayAidsSchema = z.object({ project: projectSchema, created: z.array(projectAidSchema) })
