import type { UseFormReturnType } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { isApiError } from '../../api.ts'
import { applyFieldErrors } from '../../components/form-error.tsx'
import { personKeyOf } from './persons.api.ts'

/**
 * A change to one person's record: on success everything cached about the person (and the caseload) is refreshed;
 * on failure the server's field messages go next to the inputs, and a version conflict refreshes what is stale.
 */
export function useRecordMutation<V, R>(
  personId: string,
  form: UseFormReturnType<any> | null,
  mutationFn: (values: V) => Promise<R>,
  onDone?: (result: R) => void,
) {
  const queryClient = useQueryClient()
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: personKeyOf(personId) })
    await queryClient.invalidateQueries({ queryKey: ['caseload'] })
  }
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await refresh()
      onDone?.(result)
    },
    onError: async (error) => {
      if (form) applyFieldErrors(form, error)
      if (isApiError(error) && error.code === 'version_conflict') await refresh()
    },
  })
}

/** '' (an empty NumberInput) → null; anything else → a number. */
export const numberOrNull = (v: number | string | null | undefined) =>
  v === '' || v === null || v === undefined ? null : Number(v)
/** '' → null, for optional texts. */
export const textOrNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null)
