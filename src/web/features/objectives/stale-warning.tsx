import { Alert } from '@mantine/core'

/** A 409 on a stale version, said plainly: someone else saved first, the list now shows what they saved. */
export function StaleWarning({ changed }: { changed: string }) {
  return (
    <Alert color="orange" variant="light" title="Modifié entre-temps" role="alert">
      {changed} par quelqu’un d’autre depuis l’ouverture de ce formulaire. La liste a été rechargée : fermez ce
      formulaire et rouvrez-le pour repartir de la version enregistrée.
    </Alert>
  )
}
