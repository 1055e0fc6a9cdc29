import { Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { AidRequest } from '../../../../shared/aids/requests.schema.ts'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import type { FileTabProps } from '../../../web-module.ts'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personRequestsQuery } from '../aids.api.ts'
import { RequestCard } from './request-card.tsx'
import { CreatedNotice, RequestForm } from './request-form.tsx'

/**
 * The person file's « Aides » tab (docs/aids.md « Screens: the daily work »): the person's requests, most recent first,
 * with their decision and payments; the counsellor's request form; the aid officer's link to each request.
 */
export function AidsTab({ person }: FileTabProps) {
  const me = useMe()
  const requests = useQuery(personRequestsQuery(person.id))
  const [created, setCreated] = useState<AidRequest | null>(null)
  const manage = can(me.role, 'aidManage')
  return (
    <Stack gap="lg">
      {can(me.role, 'aidAsk') && <RequestForm person={person} onCreated={setCreated} />}
      {created && <CreatedNotice request={created} onClose={() => setCreated(null)} />}
      <section aria-labelledby="aides-demandes">
        <Title order={2} size="h4" id="aides-demandes" mb="xs">
          Demandes d’aide
        </Title>
        <FormError error={requests.error} title="Chargement impossible" />
        {requests.isPending ? (
          <Loader aria-label="Chargement des demandes d’aide" />
        ) : requests.data?.length === 0 ? (
          <Text>Aucune demande d’aide.</Text>
        ) : (
          <Stack gap="sm">
            {(requests.data ?? []).map((r) => (
              <RequestCard
                key={r.id}
                request={r}
                actions={
                  manage && (
                    <AnchorLink to="/aides/demandes/$id" params={{ id: r.id }} size="sm">
                      Traiter la demande
                    </AnchorLink>
                  )
                }
              />
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  )
}
