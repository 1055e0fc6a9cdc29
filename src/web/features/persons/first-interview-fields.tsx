import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { roomsQuery } from '../agenda/agenda.api.ts'
import { placeOptions } from '../agenda/labels.ts'
import { DateField } from './date-field.tsx'
import type { CreateValues } from './person-bodies.ts'

/**
 * « Premier entretien » of the creation form: booked in the referent's agenda (chosen or suggested above), at the
 * file's site, in the creation's request (a clash is refused and nothing is created; the referent is told the date).
 */
export function FirstInterviewFields({
  form,
  today,
  referentName,
}: {
  form: UseFormReturnType<CreateValues>
  today: string
  referentName: string | null
}) {
  const v = form.values.firstInterview
  const rooms = useQuery({ ...roomsQuery, enabled: v.book && v.place === 'site' })
  const siteRooms = (rooms.data ?? []).filter((r) => r.siteId === form.values.siteId && r.active)
  return (
    <Fieldset legend="Premier entretien">
      <Stack gap="sm">
        <Checkbox
          label="Réserver le premier entretien dans l’agenda du référent"
          {...form.getInputProps('firstInterview.book', { type: 'checkbox' })}
        />
        {v.book && (
          <>
            <Text size="sm" aria-live="polite">
              {referentName
                ? `Avec ${referentName}, sur le site du dossier.`
                : 'Choisissez d’abord le référent : l’entretien se prend dans son agenda.'}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DateField
                label="Date de l’entretien"
                required
                minDate={today}
                {...form.getInputProps('firstInterview.date')}
              />
              <TextInput label="Début" type="time" required {...form.getInputProps('firstInterview.start')} />
              <TextInput label="Fin" type="time" required {...form.getInputProps('firstInterview.end')} />
              <Select
                label="Lieu de l’entretien"
                required
                allowDeselect={false}
                data={placeOptions}
                {...form.getInputProps('firstInterview.place')}
              />
              {v.place === 'site' && (
                <Select
                  label="Salle"
                  data={siteRooms.map((r) => ({ value: r.id, label: r.name }))}
                  clearable
                  clearButtonProps={{ 'aria-label': 'Sans salle' }}
                  placeholder="Sans salle"
                  {...form.getInputProps('firstInterview.roomId')}
                />
              )}
              {v.place === 'video' && (
                <TextInput
                  label="Lien de visioconférence"
                  required
                  placeholder="https://…"
                  {...form.getInputProps('firstInterview.videoUrl')}
                />
              )}
            </SimpleGrid>
            <Select
              label="Convocation"
              description="La personne accepte de recevoir la convocation et les rappels par ce canal (enregistré dans son dossier)."
              allowDeselect={false}
              data={[
                { value: 'none', label: 'Ne pas envoyer' },
                { value: 'email', label: 'Par courriel', disabled: !form.values.email.trim() },
                { value: 'sms', label: 'Par SMS', disabled: !form.values.phone.trim() },
              ]}
              {...form.getInputProps('firstInterview.convocation')}
            />
          </>
        )}
      </Stack>
    </Fieldset>
  )
}
