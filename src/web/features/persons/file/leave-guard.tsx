import { Button, Group, Stack, Text } from '@mantine/core'
import { useBlocker } from '@tanstack/react-router'
import { useRef } from 'react'
import { AppModal } from '../../../components/app-modal.tsx'

/**
 * Asks before leaving a form with unsaved changes: another tab of the file, another page, the browser's back, or
 * closing the window (the browser's own question then). `dirty` is read at the moment of leaving.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const ref = useRef(dirty)
  ref.current = dirty
  const blocker = useBlocker({
    shouldBlockFn: () => ref.current,
    enableBeforeUnload: () => ref.current,
    withResolver: true,
  })
  return (
    <AppModal
      opened={blocker.status === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Modifications non enregistrées"
      centered
    >
      <Stack gap="md">
        <Text>Vos modifications de l’identité ne sont pas enregistrées. Les abandonner ?</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            Rester sur la fiche
          </Button>
          <Button color="red.9" onClick={() => blocker.proceed?.()}>
            Quitter sans enregistrer
          </Button>
        </Group>
      </Stack>
    </AppModal>
  )
}
