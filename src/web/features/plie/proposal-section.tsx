import {
  Alert,
  Badge,
  Button,
  Checkbox,
  List,
  Loader,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { proposalInput } from '../../../shared/plie/proposals.schema.ts'
import { bodyErrors } from '../../components/body-errors.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import type { FileTabProps } from '../../web-module.ts'
import { SiteSelect } from '../persons/pickers.tsx'
import { eligibilityQuery, personProposalsQuery, plieApi, refreshPlie } from './plie.api.ts'
import { eligibilityLines, type ProposalValues, proposalBody } from './plie.bodies.ts'
import { proposalStatusLabel } from './plie.labels.ts'

/** The eligibility on today (rules held and missing), « Proposer au PLIE », and the person's proposals. */
export function ProposalSection({ person, canPropose }: FileTabProps & { canPropose: boolean }) {
  const client = useQueryClient()
  const eligibility = useQuery(eligibilityQuery(person.id))
  const proposals = useQuery(personProposalsQuery(person.id))
  const [notice, setNotice] = useState<string | null>(null)
  const form = useForm<ProposalValues>({
    initialValues: { siteId: person.siteId, motivation: '', override: false },
    validate: (v) => bodyErrors(proposalInput, proposalBody(v)),
  })
  const propose = useMutation({
    mutationFn: (v: ProposalValues) => plieApi.propose(person.id, proposalBody(v)),
    onSuccess: (created) => {
      setNotice(created.notice ?? 'Proposition enregistrée : elle attend le comité du site.')
      form.reset()
    },
    onError: (error) => applyFieldErrors(form, error),
    onSettled: () => refreshPlie(client),
  })
  const withdraw = useMutation({
    mutationFn: (p: { id: string; version: number }) => plieApi.withdraw(p.id, p.version),
    onSettled: () => refreshPlie(client),
  })
  const e = eligibility.data
  const waiting = (proposals.data?.items ?? []).some((p) => p.status === 'pending')
  return (
    <Stack gap="md">
      <section aria-labelledby="plie-eligibilite">
        <Title order={2} size="h4" id="plie-eligibilite" mb="xs">
          Éligibilité au PLIE
        </Title>
        <FormError error={eligibility.error} title="Éligibilité indisponible" />
        {eligibility.isPending && <Loader aria-label="Chargement de l’éligibilité" />}
        {e && (
          <>
            <Text fw={600}>
              {e.eligible ? 'Éligible' : 'Non éligible'} au {formatDate(e.on)}
            </Text>
            <List aria-label="Règles d’éligibilité">
              {eligibilityLines(e).map((line) => (
                <List.Item key={line.label}>
                  {line.holds ? 'Rempli' : 'Manquant'} : {line.label}
                </List.Item>
              ))}
            </List>
            {e.reasons.length > 0 && (
              <List aria-label="Ce qui manque" mt="xs">
                {e.reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            )}
            {e.sensitiveHidden && (
              <Text size="sm" c="dimmed">
                Le RSA et la RQTH ne vous sont pas visibles : l’éligibilité peut être sous-estimée.
              </Text>
            )}
          </>
        )}
      </section>
      {canPropose && !waiting && (
        <section aria-labelledby="plie-proposer">
          <Title order={2} size="h4" id="plie-proposer" mb="xs">
            Proposer au PLIE
          </Title>
          <form noValidate onSubmit={form.onSubmit((v) => propose.mutate(v))}>
            <Stack gap="sm" maw={560}>
              <FormError error={propose.error} title="Proposition impossible" />
              <SiteSelect
                label="Site du comité"
                required
                current={{ id: person.siteId, name: person.siteName }}
                {...form.getInputProps('siteId')}
              />
              {e && !e.eligible && (
                <Checkbox
                  label="Proposer malgré les règles d’éligibilité (le comité décide ; motivation obligatoire)"
                  {...form.getInputProps('override', { type: 'checkbox' })}
                />
              )}
              <Textarea
                label="Motivation"
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('motivation')}
              />
              <Button type="submit" loading={propose.isPending} w="fit-content">
                Proposer au PLIE
              </Button>
            </Stack>
          </form>
        </section>
      )}
      {notice && (
        <Alert color="blue" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <section aria-labelledby="plie-propositions">
        <Title order={2} size="h4" id="plie-propositions" mb="xs">
          Propositions
        </Title>
        <FormError error={proposals.error ?? withdraw.error} />
        {proposals.data?.items.length === 0 ? (
          <Text>Aucune proposition.</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Site</Table.Th>
                  <Table.Th>Statut</Table.Th>
                  <Table.Th>Motivation</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(proposals.data?.items ?? []).map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{formatDate(p.proposedOn)}</Table.Td>
                    <Table.Td>{p.siteName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">{proposalStatusLabel(p.status)}</Badge>
                      {p.overridden && <Text size="xs">Hors règles d’éligibilité</Text>}
                    </Table.Td>
                    <Table.Td>{p.motivation ?? '—'}</Table.Td>
                    <Table.Td>
                      {canPropose && p.status === 'pending' && !p.committeeId && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={withdraw.isPending}
                          onClick={() => withdraw.mutate(p)}
                        >
                          Retirer
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  )
}
