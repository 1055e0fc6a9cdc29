import { Badge, Button, Card, Group, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Commission, CommissionCase } from '../../../../shared/aids/commissions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros } from '../../../components/format.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { fundsQuery, refreshAids } from '../aids.api.ts'
import { decisionOptions, purposeLabel, statusColor, statusLabel, trackLabel } from '../aids.labels.ts'
import { setupApi } from '../setup.api.ts'
import { ContractSection } from './contract-section.tsx'
import { type CaseDecisionValues, caseDecisionBody, eurosForInput, serverErrors } from './setup.bodies.ts'

/**
 * A request on the commission's agenda: the young person, what is asked and why, the commission's decision with its
 * reason (a radio group: arrows move, space picks); a granted reinforced aid shows its contract below.
 */
export function CommissionCaseCard({
  position,
  commission,
  item,
  editable,
  decidable,
  manager,
}: {
  position: number
  commission: Commission
  item: CommissionCase
  /** planned, and the reader is the aid officer */
  editable: boolean
  /** its day has come (a decision before the commission sits is refused) */
  decidable: boolean
  manager: boolean
}) {
  const client = useQueryClient()
  const decided = item.status !== 'complete'
  const form = useForm<CaseDecisionValues>({
    initialValues: {
      decision: decided ? item.status : null,
      amountGranted: eurosForInput(item.amountGrantedCents),
      refusalCriterion: item.refusalCriterion ?? '',
      redirectedFundId: item.redirectedFundId,
      reason: item.decisionReason ?? '',
    },
    validate: (v) => caseDecisionBody(v, item.version).errors,
  })
  const decision = form.getValues().decision
  const funds = useQuery({ ...fundsQuery(true), enabled: decision === 'redirected' })
  const save = useMutation({
    mutationFn: (v: CaseDecisionValues) =>
      setupApi.decide(commission.id, item.requestId, caseDecisionBody(v, item.version).body),
    onError: (error) => form.setErrors(serverErrors(error)),
    onSettled: () => refreshAids(client),
  })
  const remove = useMutation({
    mutationFn: () => setupApi.removeCase(commission.id, item.requestId),
    onSettled: () => refreshAids(client),
  })
  const titleId = `demande-${item.requestId}`
  const granted = item.status === 'granted' || item.status === 'partly_granted'
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {position}.{' '}
            <AnchorLink to="/personnes/$id" params={{ id: item.personId }}>
              {item.personName}
            </AnchorLink>
          </Title>
          <Group gap="xs">
            <Badge variant="outline">{trackLabel(item.track)}</Badge>
            <Badge variant="light" color={statusColor(item.status)}>
              {statusLabel(item.status)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {purposeLabel(item.purpose)} : {formatEuros(item.amountAskedCents)} demandés le {formatDate(item.askedOn)}
          {item.amountGrantedCents !== null && ` — ${formatEuros(item.amountGrantedCents)} accordés`}
        </Text>
        {item.argument && <Text size="sm">Argumentaire : {item.argument}</Text>}
        {decided && item.decisionReason && <Text size="sm">Motif : {item.decisionReason}</Text>}
        {editable && decidable && !decided && (
          <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
            <Stack gap="xs">
              <FormError error={save.error} title="Décision non enregistrée" />
              <Radio.Group label="Décision" required {...form.getInputProps('decision')}>
                <Group mt={4}>
                  {decisionOptions.map((o) => (
                    <Radio key={o.value} value={o.value} label={o.label} />
                  ))}
                </Group>
              </Radio.Group>
              {(decision === 'granted' || decision === 'partly_granted') && (
                <TextInput
                  label="Montant accordé (€)"
                  description={decision === 'granted' ? 'Vide : le montant demandé' : undefined}
                  required={decision === 'partly_granted'}
                  inputMode="decimal"
                  {...form.getInputProps('amountGranted')}
                />
              )}
              {decision === 'refused' && (
                <TextInput
                  label="Critère du refus"
                  required
                  maxLength={500}
                  {...form.getInputProps('refusalCriterion')}
                />
              )}
              {decision === 'redirected' && (
                <Select
                  label="Fonds vers lequel réorienter"
                  required
                  data={(funds.data ?? [])
                    .filter((f) => f.id !== commission.fundId)
                    .map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))}
                  {...form.getInputProps('redirectedFundId')}
                />
              )}
              <Textarea
                label="Motif de la décision"
                required
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('reason')}
              />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Enregistrer la décision
                </Button>
                <Button variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
                  Retirer de l’ordre du jour
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {editable && !decidable && !decided && (
          <Button w="fit-content" variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
            Retirer de l’ordre du jour
          </Button>
        )}
        <FormError error={remove.error} title="Retrait impossible" />
        {granted && item.track === 'reinforced' && (
          <ContractSection requestId={item.requestId} grantedCents={item.amountGrantedCents} manager={manager} />
        )}
      </Stack>
    </Card>
  )
}
