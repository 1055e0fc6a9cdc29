import { Badge, Button, Card, Group, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CommitteeCase } from '../../../shared/plie/committees.schema.ts'
import { decisionInput } from '../../../shared/plie/committees.schema.ts'
import { caseKinds } from '../../../shared/plie/plie.nomenclature.ts'
import { bodyErrors } from '../../components/body-errors.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { plieApi, refreshPlie } from './plie.api.ts'
import { type DecisionValues, decisionBody } from './plie.bodies.ts'
import { decisionLabel, decisionOptions } from './plie.labels.ts'
import { ReferentSelect } from './referent-form.tsx'

/**
 * A case of the agenda: the person, why they are here, and the committee's decision with its minute. The decision is a
 * radio group (arrows move, space picks); the form is a plain form (Enter in a field saves).
 */
export function CaseDecision({
  committeeId,
  item,
  editable,
  decidable,
}: {
  committeeId: string
  item: CommitteeCase
  /** the committee is not closed yet */
  editable: boolean
  /** its date has come (a decision before the committee sat is refused) */
  decidable: boolean
}) {
  const client = useQueryClient()
  const form = useForm<DecisionValues>({
    initialValues: {
      decision: item.decision,
      referentId: item.referentId,
      refusalReason: item.refusalReason ?? '',
      minute: item.minute ?? '',
    },
    validate: (v) => bodyErrors(decisionInput, decisionBody(v, item.version, item.kind === 'entry')),
  })
  const save = useMutation({
    mutationFn: (v: DecisionValues) =>
      plieApi.decide(committeeId, item.id, decisionBody(v, item.version, item.kind === 'entry')),
    onError: (error) => applyFieldErrors(form, error),
    onSettled: () => refreshPlie(client),
  })
  const remove = useMutation({
    mutationFn: () => plieApi.removeCase(committeeId, item.id),
    onSettled: () => refreshPlie(client),
  })
  const titleId = `dossier-${item.id}`
  const decision = form.getValues().decision
  return (
    <Card withBorder component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {item.position}.{' '}
            <AnchorLink to="/personnes/$id" params={{ id: item.personId }}>
              {item.personName}
            </AnchorLink>
          </Title>
          <Group gap="xs">
            <Badge variant="outline">{caseKinds.labels[item.kind]}</Badge>
            <Badge variant="light" color={item.decision ? 'green' : 'gray'}>
              {decisionLabel(item.decision)}
            </Badge>
          </Group>
        </Group>
        {item.motivation && <Text size="sm">Motivation : {item.motivation}</Text>}
        {item.pathwayEntryDate && <Text size="sm">En parcours depuis le {formatDate(item.pathwayEntryDate)}</Text>}
        {item.decision && item.referentName && <Text size="sm">Référent : {item.referentName}</Text>}
        {editable && decidable && (
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
              {decision === 'accepted' && item.kind === 'entry' && (
                <ReferentSelect {...form.getInputProps('referentId')} />
              )}
              {decision === 'refused' && (
                <TextInput label="Motif du refus" required maxLength={500} {...form.getInputProps('refusalReason')} />
              )}
              <Textarea
                label="Relevé de décision"
                required
                autosize
                minRows={2}
                maxLength={2000}
                {...form.getInputProps('minute')}
              />
              <Group>
                <Button type="submit" loading={save.isPending}>
                  Enregistrer la décision
                </Button>
                {!item.decision && (
                  <Button variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
                    Retirer de l’ordre du jour
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
        {(!editable || !decidable) && item.minute && <Text size="sm">Relevé : {item.minute}</Text>}
        {editable && !decidable && !item.decision && (
          <Button w="fit-content" variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
            Retirer de l’ordre du jour
          </Button>
        )}
        <FormError error={remove.error} title="Retrait impossible" />
      </Stack>
    </Card>
  )
}
