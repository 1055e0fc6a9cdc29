import { Group, Select, SimpleGrid, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import type { TrainingSession } from '../../../../shared/training/catalogue.schema.ts'
import { useMe } from '../../auth/auth.api.ts'
import { DateField } from '../../persons/date-field.tsx'
import { sessionDates, sessionStatusOptions } from '../training.labels.ts'
import { CatalogueDialog, DeleteButton } from './catalogue-dialog.tsx'
import { actionsQuery, trainingApi } from './officer.api.ts'
import { type SessionValues, sessionBody, sessionValues } from './officer.bodies.ts'

// A session created, changed, deleted (or closed, cancelled) (docs/training/screens.md « Catalogue »). The
// information session is typed as a day and a time of day in the structure's time zone.

/** the server names the instant: the form shows it next to the day */
const fieldOf = (field: string) => (field === 'infoSessionAt' ? 'infoDay' : field)

function SessionFields({ form }: { form: UseFormReturnType<SessionValues> }) {
  const actions = useQuery(actionsQuery()).data ?? []
  const actionOptions = actions
    .filter((a) => a.active || a.id === form.values.actionId)
    .map((a) => ({ value: a.id, label: `${a.title} — ${a.bodyName}` }))
  return (
    <>
      <Select
        label="Action de formation"
        required
        searchable
        data={actionOptions}
        allowDeselect={false}
        data-autofocus
        {...form.getInputProps('actionId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label="Début" required {...form.getInputProps('startsOn')} />
        <DateField label="Fin" clearable {...form.getInputProps('endsOn')} />
        <TextInput label="Lieu" maxLength={300} {...form.getInputProps('place')} />
        <TextInput
          label="Code commune (INSEE)"
          description="5 caractères"
          maxLength={5}
          {...form.getInputProps('communeCode')}
        />
        <TextInput label="Places" required inputMode="numeric" {...form.getInputProps('places')} />
        <Select label="Statut" data={sessionStatusOptions} allowDeselect={false} {...form.getInputProps('status')} />
        <DateField label="Candidatures jusqu’au" clearable {...form.getInputProps('applicationsCloseOn')} />
      </SimpleGrid>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 }}>
          Information collective
        </legend>
        <Group grow align="flex-start">
          <DateField label="Jour de l’information collective" clearable {...form.getInputProps('infoDay')} />
          <TextInput
            label="Heure"
            description="hh:mm, par exemple 09:30"
            maxLength={5}
            {...form.getInputProps('infoTime')}
          />
        </Group>
        <TextInput
          mt="sm"
          label="Lieu de l’information collective"
          maxLength={300}
          {...form.getInputProps('infoSessionPlace')}
        />
      </fieldset>
    </>
  )
}

export function NewSessionButton() {
  const { timeZone } = useMe()
  return (
    <CatalogueDialog<SessionValues>
      label="Nouvelle session"
      title="Nouvelle session"
      initial={() => sessionValues(timeZone)}
      validate={(v) => sessionBody(v, timeZone).errors}
      send={(v) => trainingApi.createSession(sessionBody(v, timeZone).body)}
      fieldOf={fieldOf}
      submitLabel="Créer la session"
    >
      {(form) => <SessionFields form={form} />}
    </CatalogueDialog>
  )
}

export function SessionButtons({ session }: { session: TrainingSession }) {
  const { timeZone } = useMe()
  const name = `${session.actionTitle} (${sessionDates(session)})`
  return (
    <Group gap={4} wrap="nowrap">
      <CatalogueDialog<SessionValues & { version: number }>
        label="Modifier"
        ariaLabel={`Modifier la session ${name}`}
        title={`Session : ${name}`}
        variant="subtle"
        size="xs"
        initial={() => ({ ...sessionValues(timeZone, session), version: session.version })}
        validate={(v) => sessionBody(v, timeZone).errors}
        send={(v) => trainingApi.updateSession(session.id, { ...sessionBody(v, timeZone).body, version: v.version })}
        fieldOf={fieldOf}
      >
        {(form) => <SessionFields form={form} />}
      </CatalogueDialog>
      <DeleteButton
        name={name}
        what="la session"
        remove={() => trainingApi.deleteSession(session.id, session.version)}
      />
    </Group>
  )
}
