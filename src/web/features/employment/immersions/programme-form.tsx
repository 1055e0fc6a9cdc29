import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { type Programme, programmeUpdateInput } from '../../../../shared/employment/immersions.schema.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { immersionsApi, refreshImmersions, serverErrors } from './immersions.api.ts'
import { objectiveOptions } from './immersions.labels.ts'

// The employment officer changes a programme (docs/employment/immersions.md « Programmes »): its name, whether it is
// still offered, its modules (number, label, objective). A module with immersions stays (the server's 409 on
// `modules`); the version read makes a concurrent change a 409 too. Checked by the API's own schema first.

type ModuleRow = { key: number; number: number | string; label: string; objective: string | null }

export function ProgrammeForm({ programme, onDone }: { programme: Programme; onDone: () => void }) {
  const client = useQueryClient()
  const [name, setName] = useState(programme.name)
  const [active, setActive] = useState(programme.active)
  const [modules, setModules] = useState<ModuleRow[]>(
    programme.modules.map((m, key) => ({ key, number: m.number, label: m.label, objective: m.objective })),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const body = () => ({
    name,
    active,
    modules: modules.map((m) => ({
      number: m.number === '' ? undefined : Number(m.number),
      label: m.label,
      objective: m.objective ?? undefined,
    })),
    version: programme.version,
  })
  const save = useMutation({
    mutationFn: () =>
      immersionsApi.updateProgramme(programme.id, body() as Parameters<typeof immersionsApi.updateProgramme>[1]),
    onError: (error) => setErrors(serverErrors(error)),
    onSuccess: onDone,
    onSettled: () => refreshImmersions(client),
  })
  const change = (key: number, patch: Partial<ModuleRow>) =>
    setModules((ms) => ms.map((m) => (m.key === key ? { ...m, ...patch } : m)))
  const next = () => Math.max(0, ...modules.map((m) => Number(m.number) || 0)) + 1
  return (
    <form
      noValidate
      aria-label="Modifier le programme"
      onSubmit={(e) => {
        e.preventDefault()
        const found = bodyErrors(programmeUpdateInput, body())
        setErrors(found)
        if (Object.keys(found).length === 0) save.mutate()
      }}
    >
      <Stack gap="sm" maw={820}>
        <FormError error={save.error} title="Enregistrement impossible" />
        <TextInput
          label="Nom du programme"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Checkbox
          label="Programme proposé (décoché : inactif)"
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
        <Table aria-label="Modules du programme">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Numéro</Table.Th>
              <Table.Th>Intitulé</Table.Th>
              <Table.Th>Objectif</Table.Th>
              <Table.Th>
                <VisuallyHidden>Retirer</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {modules.map((m, index) => (
              <Table.Tr key={m.key}>
                <Table.Td>
                  <NumberInput
                    aria-label={`Numéro du module ${index + 1}`}
                    min={1}
                    max={20}
                    allowDecimal={false}
                    value={m.number}
                    onChange={(v) => change(m.key, { number: v })}
                    error={errors[`modules.${index}.number`]}
                    w={90}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Intitulé du module ${index + 1}`}
                    value={m.label}
                    onChange={(e) => change(m.key, { label: e.currentTarget.value })}
                    error={errors[`modules.${index}.label`]}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`Objectif du module ${index + 1}`}
                    data={objectiveOptions}
                    value={m.objective}
                    onChange={(v) => change(m.key, { objective: v })}
                    error={errors[`modules.${index}.objective`]}
                    w={260}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Retirer le module ${index + 1}`}
                    onClick={() => setModules((ms) => ms.filter((x) => x.key !== m.key))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {errors.modules && (
          <Text c="red" size="sm" role="alert">
            {errors.modules}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            disabled={modules.length >= 20}
            onClick={() => setModules((ms) => [...ms, { key: Date.now(), number: next(), label: '', objective: null }])}
          >
            Ajouter un module
          </Button>
        </Group>
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
