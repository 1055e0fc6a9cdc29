import { Stack, Title } from '@mantine/core'
import { type ReactNode, useEffect } from 'react'

/** Sets the document title, so screen readers and browser tabs say where the user is. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} — Jalon`
  }, [title])
}

/** One page: its single h1, optional actions to the right, then the content. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useDocumentTitle(title)
  return (
    <Stack gap="lg">
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', alignItems: 'center' }}
      >
        <Title order={1}>{title}</Title>
        {actions}
      </div>
      {children}
    </Stack>
  )
}
