import { Alert, Anchor, Button, Container, Stack, Text } from '@mantine/core'
import { Link } from '@tanstack/react-router'
import { isApiError } from '../api.ts'
import { Page } from '../components/page.tsx'

export function Forbidden() {
  return (
    <Page title="Accès refusé">
      <Text>Votre rôle ne donne pas accès à cette page.</Text>
      <Anchor component={Link} to="/accueil">
        Retour à l'accueil
      </Anchor>
    </Page>
  )
}

export function NotFound() {
  return (
    <Container component="main" size="sm" py="xl">
      <Page title="Page introuvable">
        <Text>Cette adresse ne correspond à aucune page de Jalon.</Text>
        <Anchor component={Link} to="/accueil">
          Retour à l'accueil
        </Anchor>
      </Page>
    </Container>
  )
}

/** An error inside a page of the signed-in layout (which already provides the main landmark). */
export function ErrorPage({ error }: { error: unknown }) {
  const detail = isApiError(error) ? error.detail : 'Une erreur inattendue est survenue.'
  return (
    <Page title="Une erreur est survenue">
      <Stack gap="md">
        <Alert color="red" role="alert">
          {detail}
        </Alert>
        <div>
          <Button onClick={() => window.location.reload()}>Recharger la page</Button>
        </div>
      </Stack>
    </Page>
  )
}

/** An error before any layout could render (the server unreachable while checking the session…). */
export function FullPageError({ error }: { error: unknown }) {
  return (
    <Container component="main" size="sm" py="xl">
      <ErrorPage error={error} />
    </Container>
  )
}
