import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * The foot of every form: an optional cancel button, then the submit button (busy while saving). `before` holds what
 * stands apart on the left (a delete button).
 */
export function FormActions({
  saving,
  submitLabel = 'Enregistrer',
  onCancel,
  cancelLabel = 'Annuler',
  cancelDisabled,
  before,
}: {
  saving: boolean
  submitLabel?: ReactNode
  onCancel?: () => void
  cancelLabel?: string
  cancelDisabled?: boolean
  before?: ReactNode
}) {
  return (
    <Group justify="flex-end">
      {before}
      {onCancel && (
        <Button variant="default" disabled={cancelDisabled} onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  )
}
