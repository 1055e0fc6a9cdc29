import { Checkbox, Fieldset, Group, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useId } from 'react'
import {
  attributeLabels,
  sensitiveAttributes,
  sensitiveStatuses,
  statuses,
} from '../../../shared/nomenclatures/person.ts'
import { attributeOptions, level2019Options, optionsOf } from './labels.ts'
import { type EntrySituationValues, plainAttributes } from './person-bodies.ts'
import { SensitiveHint } from './sensitive.tsx'

/** Family, housing, resources, education, licence, mobility and statuses at the first reception (all optional). */
export function EntrySituationFields({
  form,
  withSensitive,
}: {
  form: UseFormReturnType<any>
  /** RSA, resources, RQTH and justice may be recorded (the user is one who follows people) */
  withSensitive: boolean
}) {
  const values = form.values.situation as EntrySituationValues
  const shownAttributes = plainAttributes.filter((a) => withSensitive || !(sensitiveAttributes as string[]).includes(a))
  const nomenclatureLabel = useId()
  const statusOptions = optionsOf(statuses.labels).filter(
    (o) => withSensitive || !(sensitiveStatuses as string[]).includes(o.value),
  )
  return (
    <Fieldset legend="Situation à l’entrée (facultatif)">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Datée du premier accueil ; les changements se saisiront ensuite dans le dossier, à leur date.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {shownAttributes.map((attribute) => (
            <Select
              key={attribute}
              label={attributeLabels[attribute]}
              data={attributeOptions(attribute)}
              clearable
              clearButtonProps={{ 'aria-label': `Effacer : ${attributeLabels[attribute]}` }}
              placeholder="Non renseigné"
              {...form.getInputProps(`situation.attributes.${attribute}`)}
            />
          ))}
        </SimpleGrid>
        <Group align="flex-end" gap="md">
          <Stack gap={4}>
            <Text size="sm" fw={500} id={nomenclatureLabel}>
              Nomenclature du niveau
            </Text>
            <SegmentedControl
              aria-labelledby={nomenclatureLabel}
              data={[
                { value: '2019', label: '2019 (1 à 8)' },
                { value: '1969', label: '1969 (VI à I)' },
              ]}
              {...form.getInputProps('situation.nomenclature')}
            />
          </Stack>
          {values.nomenclature === '2019' ? (
            <Select
              label="Niveau de formation"
              data={level2019Options}
              clearable
              clearButtonProps={{ 'aria-label': 'Effacer le niveau' }}
              placeholder="Non renseigné"
              w={380}
              {...form.getInputProps('situation.level2019')}
            />
          ) : (
            <Select
              label="Niveau de formation"
              data={attributeOptions('education_level')}
              clearable
              clearButtonProps={{ 'aria-label': 'Effacer le niveau' }}
              placeholder="Non renseigné"
              w={380}
              {...form.getInputProps('situation.level1969')}
            />
          )}
        </Group>
        <Checkbox.Group
          label="Statuts"
          description="Ouverts à la date du premier accueil"
          {...form.getInputProps('situation.statuses')}
        >
          <Group gap="lg" mt={6}>
            {statusOptions.map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
        {withSensitive && <SensitiveHint />}
      </Stack>
    </Fieldset>
  )
}
