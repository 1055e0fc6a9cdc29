import { queryOptions, useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  changePasswordSchema,
  Me,
  passwordResetCompleteSchema,
  SignInResult,
  signInSchema,
  totpCodeSchema,
  totpEnrolmentSchema,
} from '../../../shared/auth/auth.schema.ts'
import { api, forgetCsrfToken, isApiError } from '../../api.ts'
import { setTimeZone } from '../../components/format.ts'

export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>
type TotpCode = z.input<typeof totpCodeSchema>['code']

/** The signed-in user, or null when nobody is (401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await api.get<Me>('/api/auth/me')
      setTimeZone(me.timeZone)
      return me
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null
      throw error
    }
  },
  staleTime: 5 * 60_000,
})

/** For pages under the signed-in layout, where the route has already made sure someone is signed in. */
export function useMe(): Me {
  const { data } = useQuery(meQuery)
  if (!data) throw new Error('useMe() outside the signed-in layout')
  setTimeZone(data.timeZone) // also when the sign-in's answer filled the query
  return data
}

export const authApi = {
  signIn: (body: z.input<typeof signInSchema>) => api.post<SignInResult>('/api/auth/sign-in', body),
  verifyTotp: (code: TotpCode) => api.post<SignInResult>('/api/auth/totp/verify', { code }),
  startEnrolment: () => api.post<TotpEnrolment>('/api/auth/totp/enrol'),
  confirmTotp: (code: TotpCode) => api.post('/api/auth/totp/confirm', { code }),
  changePassword: (body: z.input<typeof changePasswordSchema>) => api.post('/api/auth/password', body),
  completePasswordReset: (body: z.input<typeof passwordResetCompleteSchema>) =>
    api.post('/api/auth/password-reset', body),
  signOut: async () => {
    try {
      await api.post('/api/auth/sign-out')
    } catch (error) {
      // already signed out (expired session): nothing left to end
      if (!isApiError(error) || error.status !== 401) throw error
    } finally {
      forgetCsrfToken()
    }
  },
}
