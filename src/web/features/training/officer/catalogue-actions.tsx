import { Checkbox, Group, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import type { TrainingAction } from '../../../../shared/training/catalogue.schema.ts'
import { funderOptions, levelOptions, nsfOptions, nsfText, situationKindOptions } from '../training.labels.ts'
import { CatalogueDialog, DeleteButton } from './catalogue-dialog.tsx'
import { bodiesQuery, trainingApi } from './officer.api.ts'
import { type ActionValues, actionBody, actionValues } from './officer.bodies.ts'

// A training action created, changed, deleted (or deactivated) (docs/training/screens.md « Catalogue »).

function ActionFields({ form }: { form: UseFormReturnType<ActionValues> }) {
  const bodies = useQuery(bodiesQuery).data ?? []
  const bodyOptions = bodies
    .filter((b) => b.active || b.id === form.values.bodyId)
    .map((b) => ({ value: b.id, label: b.name }))
  // a code with its letter (311m) is not one of the 93 groups: kept as an option of its own
  const nsf = form.values.nsfCode
  const nsfData =
    nsf && !nsfOptions.some((o) => o.value === nsf) ? [{ value: nsf, label: nsfText(nsf) }, ...nsfOptions] : nsfOptions
  const nsfProps = form.getInputProps('nsfCode')
  return (
    <>
      <TextInput label="Intitulé" required maxLength={300} data-autofocus {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Organisme de formation"
          required
          searchable
          data={bodyOptions}
          allowDeselect={false}
          {...form.getInputProps('bodyId')}
        />
        <TextInput label="Code de l’action" maxLength={50} {...form.getInputProps('code')} />
        <Select
          label="Financeur"
          required
          data={funderOptions}
          allowDeselect={false}
          {...form.getInputProps('funder')}
        />
        <Select
          label="Type de formation"
          data={situationKindOptions}
          allowDeselect={false}
          {...form.getInputProps('situationKind')}
        />
        <Select
          label="Domaine (NSF)"
          searchable
          clearable
          data={nsfData}
          {...nsfProps}
          value={nsf || null}
          onChange={(v) => form.setFieldValue('nsfCode', v ?? '')}
        />
        <TextInput
          label="Formacode"
          description="5 chiffres"
          maxLength={5}
          inputMode="numeric"
          {...form.getInputProps('formacode')}
        />
        <Select label="Niveau visé" data={levelOptions} clearable {...form.getInputProps('level2019')} />
        <Group grow align="flex-start">
          <TextInput label="Durée (heures)" inputMode="numeric" {...form.getInputProps('durationHours')} />
          <TextInput label="Places" inputMode="numeric" {...form.getInputProps('places')} />
        </Group>
      </SimpleGrid>
      <Textarea label="Public" autosize minRows={2} maxLength={1000} {...form.getInputProps('public')} />
      <Textarea label="Prérequis" autosize minRows={2} maxLength={2000} {...form.getInputProps('prerequisites')} />
      <Textarea label="Objectif" autosize minRows={2} maxLength={4000} {...form.getInputProps('objective')} />
      <Checkbox label="Active (proposée aux prescripteurs)" {...form.getInputProps('active', { type: 'checkbox' })} />
    </>
  )
}

export function NewActionButton() {
  return (
    <CatalogueDialog<ActionValues>
      label="Nouvelle action"
      title="Nouvelle action de formation"
      initial={() => actionValues()}
      validate={(v) => actionBody(v).errors}
      send={(v) => trainingApi.createAction(actionBody(v).body)}
      submitLabel="Créer l’action"
    >
      {(form) => <ActionFields form={form} />}
    </CatalogueDialog>
  )
}

export function ActionButtons({ action }: { action: TrainingAction }) {
  return (
    <Group gap={4} wrap="nowrap">
      <CatalogueDialog<ActionValues & { version: number }>
        label="Modifier"
        ariaLabel={`Modifier ${action.title}`}
        title={`Action : ${action.title}`}
        variant="subtle"
        size="xs"
        initial={() => ({ ...actionValues(action), version: action.version })}
        validate={(v) => actionBody(v).errors}
        send={(v) => trainingApi.updateAction(action.id, { ...actionBody(v).body, version: v.version })}
      >
        {(form) => <ActionFields form={form} />}
      </CatalogueDialog>
      <DeleteButton
        name={action.title}
        what="l’action"
        remove={() => trainingApi.deleteAction(action.id, action.version)}
      />
    </Group>
  )
}
