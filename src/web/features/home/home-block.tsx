import { Card, Group, Loader, Stack, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { FormError } from '../../components/form-error.tsx'

/** One block of a home page: a titled section (its heading names it for screen readers), its content or its error. */
export function HomeBlock({
  id,
  title,
  action,
  loading,
  error,
  children,
}: {
  id: string
  title: string
  action?: ReactNode
  loading?: boolean
  error?: unknown
  children?: ReactNode
}) {
  return (
    <Card withBorder component="section" aria-labelledby={id} h="100%">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {action}
        </Group>
        {error ? (
          <FormError error={error} title="Chargement impossible" />
        ) : loading ? (
          <Loader size="sm" aria-label={`Chargement : ${title}`} />
        ) : (
          children
        )}
      </Stack>
    </Card>
  )
}
