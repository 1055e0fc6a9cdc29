import { Alert, Anchor, Badge, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import type { Commission } from '../../../../shared/aids/commissions.schema.ts'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros, today } from '../../../components/format.ts'
import { useDocumentTitle } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { refreshAids } from '../aids.api.ts'
import { purposeLabel } from '../aids.labels.ts'
import { candidatesQuery, commissionPdfUrl, commissionQuery, setupApi } from '../setup.api.ts'
import { CommissionCaseCard } from './commission-case.tsx'
import { CommissionMembers } from './commission-members.tsx'

/**
 * An aid commission: who sat, its agenda (the fund's complete requests waiting for it), each request's decision with
 * its reason (and, for a granted reinforced aid, its contract), « Clore la commission », the agenda and minutes as PDF.
 */
export function CommissionPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const commission = useQuery(commissionQuery(id))
  useDocumentTitle(
    commission.data
      ? `Commission ${commission.data.fundCode} du ${formatDate(commission.data.date)}`
      : 'Commission des aides',
  )
  if (commission.isPending) return <Loader aria-label="Chargement de la commission" />
  if (!commission.data) return <FormError error={commission.error} title="Chargement impossible" />
  return <CommissionView commission={commission.data} />
}

function CommissionView({ commission }: { commission: Commission }) {
  const me = useMe()
  const client = useQueryClient()
  const manager = can(me.role, 'aidManage')
  const editable = manager && commission.status === 'planned'
  const decidable = commission.date <= today()
  const held = useMutation({
    mutationFn: () => setupApi.held(commission.id, commission.version),
    onSettled: () => refreshAids(client),
  })
  const undecided = commission.agenda.filter((c) => c.status === 'complete').length
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>
          Commission {commission.fundCode} du {formatDate(commission.date)}
        </Title>
        <Badge variant="light" size="lg" color={commission.status === 'planned' ? 'blue' : 'gray'}>
          {commission.status === 'planned' ? 'Planifiée' : 'Tenue'}
        </Badge>
      </Group>
      <Text>{commission.fundName}</Text>
      {commission.note && <Text size="sm">{commission.note}</Text>}
      <Group>
        <Anchor href={commissionPdfUrl(commission.id, 'agenda')} target="_blank" rel="noopener">
          Ordre du jour (PDF)
        </Anchor>
        <Anchor href={commissionPdfUrl(commission.id, 'minutes')} target="_blank" rel="noopener">
          Relevé de décisions (PDF)
        </Anchor>
      </Group>
      <CommissionMembers commission={commission} editable={editable} />
      <section aria-labelledby="commission-ordre-du-jour">
        <Title order={2} size="h3" id="commission-ordre-du-jour" mb="xs">
          Ordre du jour
        </Title>
        {editable && !decidable && (
          <Text size="sm" c="dimmed" mb="xs">
            Les décisions s’enregistrent le jour de la commission.
          </Text>
        )}
        <Stack gap="sm">
          {commission.agenda.length === 0 && <Text>Aucune demande à l’ordre du jour.</Text>}
          {commission.agenda.map((c, i) => (
            <CommissionCaseCard
              key={c.requestId}
              position={i + 1}
              commission={commission}
              item={c}
              editable={editable}
              decidable={decidable}
              manager={manager}
            />
          ))}
        </Stack>
        {editable && <AddCase commission={commission} />}
      </section>
      {editable && (
        <section aria-labelledby="commission-clore">
          <Title order={2} size="h3" id="commission-clore" mb="xs">
            Clore la commission
          </Title>
          <FormError error={held.error} title="Clôture impossible" />
          {undecided > 0 ? (
            <Alert variant="light" color="gray">
              {undecided} demande{undecided > 1 ? 's' : ''} sans décision : décidez ou retirez-les avant de clore.
            </Alert>
          ) : (
            <Button w="fit-content" disabled={!decidable} loading={held.isPending} onClick={() => held.mutate()}>
              Clore la commission
            </Button>
          )}
        </section>
      )}
    </Stack>
  )
}

/** Put on the agenda a complete request of the fund that no agenda holds yet. */
function AddCase({ commission }: { commission: Commission }) {
  const client = useQueryClient()
  const candidates = useQuery(candidatesQuery(commission.id))
  const [choice, setChoice] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: (requestId: string) => setupApi.addCase(commission.id, requestId),
    onSuccess: () => setChoice(null),
    onSettled: () => refreshAids(client),
  })
  const options = (candidates.data ?? []).map((r) => ({
    value: r.requestId,
    label: `${r.personName} — ${purposeLabel(r.purpose)}, ${formatEuros(r.amountAskedCents)} (demandée le ${formatDate(r.askedOn)})`,
  }))
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (choice) add.mutate(choice)
      }}
    >
      <Stack gap="xs" mt="md">
        <FormError error={add.error ?? candidates.error} title="Ajout impossible" />
        <Group align="flex-end">
          <Select
            label="Ajouter une demande en attente"
            placeholder={options.length === 0 ? 'Aucune demande en attente' : 'Choisissez une demande'}
            searchable
            w={520}
            data={options}
            value={choice}
            onChange={setChoice}
          />
          <Button type="submit" disabled={!choice} loading={add.isPending}>
            Ajouter à l’ordre du jour
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
