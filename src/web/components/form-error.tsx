import { Alert } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { isApiError } from '../api.ts'

/** The server's explanation of a failed request, above the form; field messages go next to their inputs. */
export function FormError({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null
  const detail = isApiError(error) ? error.detail : 'Une erreur inattendue est survenue.'
  return (
    <Alert color="red" variant="light" title={title ?? 'Impossible de continuer'} role="alert">
      {detail}
    </Alert>
  )
}

/** Puts the server's field messages (`fields[]`) next to the matching inputs of a Mantine form. */
export function applyFieldErrors<V>(form: UseFormReturnType<V, any>, error: unknown) {
  if (!isApiError(error) || error.fields.length === 0) return
  form.setErrors(error.fieldErrors())
}
