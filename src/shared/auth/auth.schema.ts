import { z } from 'zod'
import { safeText } from '../primitives.ts'
import { roleSchema } from './roles.ts'

export const passwordSchema = safeText()
  .min(12, 'Le mot de passe doit comporter au moins 12 caractères.')
  .max(200, 'Le mot de passe est trop long.')

export const signInSchema = z.object({
  email: z.string().trim().email('Adresse e-mail invalide.'),
  password: safeText().min(1, 'Mot de passe requis.').max(200),
})

export const totpCodeSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'Le code comporte 6 chiffres.') })

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  programmes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  /** the structure's IANA time zone: the web's "today" and its times of day are the structure's */
  timeZone: z.string(),
})
export type Me = z.infer<typeof meSchema>

export const signInResultSchema = z.object({
  status: z.enum(['signed_in', 'totp_required', 'totp_enrolment_required']),
  me: meSchema.optional(),
})
export type SignInResult = z.infer<typeof signInResultSchema>

export const totpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string() })
/** The page reached from a reset link: the link's token and the new password. */
export const passwordResetCompleteSchema = z.object({
  token: z.string().min(20, 'Lien incomplet.').max(200, 'Lien invalide.'),
  newPassword: passwordSchema,
})
export const changePasswordSchema = z.object({
  currentPassword: safeText().min(1).max(200),
  newPassword: passwordSchema,
})
