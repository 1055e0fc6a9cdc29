import {
  Anchor,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Contract } from '../../../../shared/aids/commissions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros, today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { refreshAids } from '../aids.api.ts'
import { contractPdfUrl, contractQuery, setupApi } from '../setup.api.ts'
import { type ContractValues, contractBody, serverErrors } from './setup.bodies.ts'

/**
 * The reinforced aid's contract: drawn up once the aid is granted (start, months, monthly amount, the young person's
 * commitments), printed for signature, its signature date recorded; its monthly instalments as scheduled.
 */
export function ContractSection({
  requestId,
  grantedCents,
  manager,
}: {
  requestId: string
  grantedCents: number | null
  manager: boolean
}) {
  const contract = useQuery(contractQuery(requestId))
  const titleId = `contrat-${requestId}`
  return (
    <section aria-labelledby={titleId}>
      <Title order={4} size="h5" id={titleId} mb={4}>
        Contrat de l’aide renforcée
      </Title>
      <FormError error={contract.error} title="Chargement impossible" />
      {contract.isPending ? (
        <Loader size="sm" aria-label="Chargement du contrat" />
      ) : contract.data ? (
        <ContractView contract={contract.data} manager={manager} />
      ) : manager ? (
        <ContractForm requestId={requestId} grantedCents={grantedCents} />
      ) : (
        <Text size="sm">Pas encore de contrat.</Text>
      )}
    </section>
  )
}

function ContractForm({ requestId, grantedCents }: { requestId: string; grantedCents: number | null }) {
  const client = useQueryClient()
  const form = useForm<ContractValues>({
    initialValues: { startsOn: today(), months: '', monthly: '', commitments: '' },
    validate: (v) => contractBody(v).errors,
  })
  const save = useMutation({
    mutationFn: (v: ContractValues) => setupApi.createContract(requestId, contractBody(v).body),
    onError: (error) => form.setErrors(serverErrors(error)),
    onSettled: () => refreshAids(client),
  })
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="xs">
        <FormError error={save.error} title="Contrat non enregistré" />
        {grantedCents !== null && (
          <Text size="sm">Les mensualités ne dépassent pas les {formatEuros(grantedCents)} accordés.</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label="Début du contrat" required {...form.getInputProps('startsOn')} />
          <TextInput label="Nombre de mois" required inputMode="numeric" {...form.getInputProps('months')} />
          <TextInput label="Montant mensuel (€)" required inputMode="decimal" {...form.getInputProps('monthly')} />
        </SimpleGrid>
        <Textarea
          label="Engagements du jeune"
          required
          autosize
          minRows={2}
          maxLength={4000}
          {...form.getInputProps('commitments')}
        />
        <Button type="submit" w="fit-content" loading={save.isPending}>
          Établir le contrat
        </Button>
      </Stack>
    </form>
  )
}

function ContractView({ contract, manager }: { contract: Contract; manager: boolean }) {
  const client = useQueryClient()
  const [signedOn, setSignedOn] = useState<string | null>(today())
  const sign = useMutation({
    mutationFn: () => setupApi.sign(contract.requestId, signedOn ?? '', contract.version),
    onSettled: () => refreshAids(client),
  })
  const signError = serverErrors(sign.error).signedOn
  return (
    <Stack gap="xs">
      <Text size="sm">
        À partir du {formatDate(contract.startsOn)}, {contract.months} mois de {formatEuros(contract.monthlyCents)} (
        {formatEuros(contract.totalCents)} au total).
      </Text>
      <Text size="sm">Engagements : {contract.commitments}</Text>
      <Group>
        <Anchor href={contractPdfUrl(contract.requestId)} target="_blank" rel="noopener">
          Contrat à signer (PDF)
        </Anchor>
        <Text size="sm">{contract.signedOn ? `Signé le ${formatDate(contract.signedOn)}` : 'Pas encore signé'}</Text>
      </Group>
      {manager && !contract.signedOn && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            sign.mutate()
          }}
        >
          <Group align="flex-end">
            <DateField label="Date de signature" required value={signedOn} onChange={setSignedOn} error={signError} />
            <Button type="submit" variant="default" loading={sign.isPending}>
              Enregistrer la signature
            </Button>
          </Group>
          {!signError && <FormError error={sign.error} title="Signature non enregistrée" />}
        </form>
      )}
      <Table aria-label="Mensualités du contrat">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Échéance</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th>Paiement</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contract.instalments.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.dueOn ? formatDate(i.dueOn) : '—'}</Table.Td>
              <Table.Td ta="right">{formatEuros(i.amountCents)}</Table.Td>
              <Table.Td>{i.cancelled ? 'Annulé' : i.paidOn ? `Payé le ${formatDate(i.paidOn)}` : 'À payer'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
