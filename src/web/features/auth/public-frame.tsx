import { Box, Container, Paper, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** The frame of the pages seen before sign-in: the name of the application, one card, a line below it. */
export function PublicFrame({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <Box mih="100vh" bg="gray.0">
      <Box
        component="header"
        py="md"
        px="lg"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Text fw={700} size="xl" c="blue.9">
          Jalon
        </Text>
      </Box>
      <Container component="main" size={440} py={48}>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
        {footer && (
          <Text size="sm" c="dimmed" ta="center" mt="lg">
            {footer}
          </Text>
        )}
      </Container>
    </Box>
  )
}
