import { Loader } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useParams } from '@tanstack/react-router'
import { FormError } from '../../../components/form-error.tsx'
import { Page } from '../../../components/page.tsx'
import { OfferForm } from './offer-form.tsx'
import { offerQuery } from './offers.api.ts'

// « Nouvelle offre » and « Modifier l’offre » (docs/employment/screens.md): the shared offer form, then the offer's page.

export function NewOfferPage() {
  const navigate = useNavigate()
  return (
    <Page title="Nouvelle offre d’emploi">
      <OfferForm
        offer={null}
        onSaved={(o) => navigate({ to: '/emploi/offres/$id', params: { id: o.id } })}
        onCancel={() => navigate({ to: '/emploi/offres' })}
      />
    </Page>
  )
}

export function EditOfferPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const navigate = useNavigate()
  const query = useQuery(offerQuery(id))
  const back = () => navigate({ to: '/emploi/offres/$id', params: { id } })
  return (
    <Page title={query.data ? `Modifier l’offre : ${query.data.title}` : 'Modifier l’offre'}>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement de l’offre" />}
      {query.data && <OfferForm key={query.data.version} offer={query.data} onSaved={back} onCancel={back} />}
    </Page>
  )
}
