import { Button, Checkbox, Group, List, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { TrainingBody } from '../../../../shared/training/catalogue.schema.ts'
import { CatalogueDialog, CatalogueError, DeleteButton } from './catalogue-dialog.tsx'
import { bodiesQuery, partnerAccountsQuery, refreshTraining, trainingApi } from './officer.api.ts'
import { type BodyValues, bodyValues, serverErrors, trainingBodyBody } from './officer.bodies.ts'

// A training body created, changed, deleted (or deactivated), and its partner accounts bound or unbound
// (docs/training/screens.md « Catalogue »): for who sets the catalogue up (trainingSetup).

function BodyFields({ form }: { form: UseFormReturnType<BodyValues> }) {
  return (
    <>
      <TextInput label="Nom" required maxLength={200} data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="SIRET" description="14 chiffres" maxLength={17} {...form.getInputProps('siret')} />
        <TextInput
          label="Code commune (INSEE)"
          description="5 caractères"
          maxLength={5}
          {...form.getInputProps('communeCode')}
        />
      </SimpleGrid>
      <TextInput label="Adresse" maxLength={300} {...form.getInputProps('address')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Contact" maxLength={200} {...form.getInputProps('contactName')} />
        <TextInput label="Courriel du contact" type="email" maxLength={254} {...form.getInputProps('contactEmail')} />
        <TextInput label="Téléphone du contact" type="tel" maxLength={30} {...form.getInputProps('contactPhone')} />
      </SimpleGrid>
      <Checkbox label="Actif (proposé aux prescripteurs)" {...form.getInputProps('active', { type: 'checkbox' })} />
    </>
  )
}

export function NewBodyButton() {
  return (
    <CatalogueDialog<BodyValues>
      label="Nouvel organisme"
      title="Nouvel organisme de formation"
      initial={() => bodyValues()}
      validate={(v) => trainingBodyBody(v).errors}
      send={(v) => trainingApi.createBody(trainingBodyBody(v).body)}
      submitLabel="Créer l’organisme"
    >
      {(form) => <BodyFields form={form} />}
    </CatalogueDialog>
  )
}

export function BodyButtons({ body }: { body: TrainingBody }) {
  return (
    <Group gap={4} wrap="nowrap">
      <CatalogueDialog<BodyValues & { version: number }>
        label="Modifier"
        ariaLabel={`Modifier ${body.name}`}
        title={`Organisme : ${body.name}`}
        variant="subtle"
        size="xs"
        initial={() => ({ ...bodyValues(body), version: body.version })}
        validate={(v) => trainingBodyBody(v).errors}
        send={(v) => trainingApi.updateBody(body.id, { ...trainingBodyBody(v).body, version: v.version })}
        after={<PartnerAccounts bodyId={body.id} />}
      >
        {(form) => <BodyFields form={form} />}
      </CatalogueDialog>
      <DeleteButton name={body.name} what="l’organisme" remove={() => trainingApi.deleteBody(body.id, body.version)} />
    </Group>
  )
}

/** the body's partner accounts: each bound one with its unbind button, then a select of the free ones */
function PartnerAccounts({ bodyId }: { bodyId: string }) {
  const client = useQueryClient()
  const titleId = useId()
  const body = useQuery(bodiesQuery).data?.find((b) => b.id === bodyId)
  const accounts = useQuery(partnerAccountsQuery)
  const [chosen, setChosen] = useState<string | null>(null)
  const bind = useMutation({
    mutationFn: (userId: string) => trainingApi.bindUser(bodyId, userId),
    onSuccess: () => setChosen(null),
    onSettled: () => refreshTraining(client),
  })
  const unbind = useMutation({
    mutationFn: (userId: string) => trainingApi.unbindUser(bodyId, userId),
    onSettled: () => refreshTraining(client),
  })
  const free = (accounts.data ?? [])
    .filter((a) => a.bodyId === null)
    .map((a) => ({ value: a.id, label: `${a.displayName} (${a.email})` }))
  const users = body?.users ?? []
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId}>
        Comptes partenaires rattachés
      </Title>
      <CatalogueError error={bind.error ?? unbind.error ?? accounts.error} />
      {users.length === 0 ? (
        <Text size="sm">Aucun compte rattaché : l’organisme ne voit pas encore son portail.</Text>
      ) : (
        <List spacing={4} listStyleType="none">
          {users.map((u) => (
            <List.Item key={u.id}>
              <Group gap="xs">
                <Text size="sm">
                  {u.displayName} ({u.email})
                </Text>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Détacher ${u.displayName}`}
                  loading={unbind.isPending && unbind.variables === u.id}
                  onClick={() => unbind.mutate(u.id)}
                >
                  Détacher
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (chosen) bind.mutate(chosen)
        }}
      >
        <Group align="flex-end" gap="xs">
          <Select
            label="Rattacher un compte partenaire"
            description={free.length === 0 ? 'Aucun compte partenaire libre dans la structure' : undefined}
            data={free}
            searchable
            clearable
            disabled={free.length === 0}
            value={chosen}
            onChange={setChosen}
            error={serverErrors(bind.error).userId}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" disabled={!chosen} loading={bind.isPending}>
            Rattacher
          </Button>
        </Group>
      </form>
    </Stack>
  )
}
