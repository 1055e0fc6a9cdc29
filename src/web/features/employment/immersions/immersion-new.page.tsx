import { Alert, Loader } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { FormError } from '../../../components/form-error.tsx'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personQuery } from '../../persons/persons.api.ts'
import { personName } from '../employment.labels.ts'
import { ImmersionForm } from './immersion-form.tsx'

// « Préparer une immersion » (docs/employment/immersions.md « Screens »): opened from the person file (?personId=),
// the agreement's form for that person; the saved agreement opens as a draft to sign.

export function NewImmersionPage() {
  const { personId } = useSearch({ strict: false }) as { personId?: string }
  const navigate = useNavigate()
  const person = useQuery({ ...personQuery(personId ?? ''), enabled: !!personId })
  const back = () =>
    personId
      ? navigate({ to: '/personnes/$id', params: { id: personId }, search: { onglet: 'immersions' } })
      : navigate({ to: '/emploi/immersions' })
  if (!personId)
    return (
      <Page title="Préparer une immersion">
        <Alert color="blue" variant="light">
          Une immersion se prépare depuis le dossier de la personne : ouvrez son dossier, onglet « Immersions », puis «
          Préparer une immersion ». <AnchorLink to="/personnes">Rechercher une personne</AnchorLink>
        </Alert>
      </Page>
    )
  return (
    <Page title={person.data ? `Immersion de ${personName(person.data)}` : 'Préparer une immersion'}>
      <FormError error={person.error} title="Personne introuvable" />
      {person.isPending && <Loader aria-label="Chargement de la personne" />}
      {person.data && (
        <ImmersionForm
          personId={personId}
          immersion={null}
          onSaved={(i) => navigate({ to: '/emploi/immersions/$id', params: { id: i.id } })}
          onCancel={back}
        />
      )}
    </Page>
  )
}
