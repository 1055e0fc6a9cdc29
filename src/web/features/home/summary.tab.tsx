import { Alert, Anchor, Badge, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { SummaryAlert } from '../../../shared/home/home.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import type { FileTabProps } from '../../web-module.ts'
import { attendanceLabel, frenchTime, kindLabel } from '../agenda/labels.ts'
import { summaryQuery } from './home.api.ts'

const weekday = (day: string) =>
  new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`))

function alertText(a: SummaryAlert): string {
  if (a.kind === 'contact')
    return a.lastContactDate
      ? `Aucun contact depuis ${a.days} jours (dernier le ${formatDate(a.lastContactDate)} ; règle : ${a.ruleDays} jours).`
      : `Aucun contact depuis ${a.days} jours, depuis l’arrivée dans la structure (règle : ${a.ruleDays} jours).`
  if (a.kind === 'age_out')
    return `26 ans le ${formatDate(a.date)} : fin de l’accompagnement Mission Locale à préparer.`
  return `Fin prévue du CEJ le ${formatDate(a.date)}.`
}

const timelineWords = {
  event: '',
  situation_start: 'Début : ',
  situation_end: 'Fin : ',
  enrolment_entry: 'Entrée en programme : ',
  enrolment_exit: 'Sortie de programme : ',
} as const

/**
 * The file's first tab: the contact details, the alerts, what is open today, the next appointment, the latest dated
 * facts. Each part leads to the tab that holds the whole list.
 */
export function SummaryTab({ person, setSearch }: FileTabProps) {
  const q = useQuery(summaryQuery(person.id))
  if (q.isPending) return <Loader aria-label="Chargement de la synthèse" />
  if (q.error || !q.data) return <FormError error={q.error} title="Synthèse indisponible" />
  const s = q.data
  const to = (onglet: string, label: string) => (
    <div>
      <Anchor component="button" type="button" size="sm" onClick={() => setSearch({ onglet })}>
        {label}
      </Anchor>
    </div>
  )
  const contact = [person.phone, person.email, [person.postcode, person.communeName].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' · ')
  const next = s.nextAppointment
  return (
    <Stack gap="lg">
      <Text>{contact || 'Aucune coordonnée renseignée.'}</Text>
      {s.alerts.length > 0 && (
        <Alert color="orange" title="Alertes" role="region" aria-label="Alertes du dossier">
          <List size="sm" spacing={4}>
            {s.alerts.map((a) => (
              <List.Item key={a.kind}>{alertText(a)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs" component="section" aria-labelledby="summary-now">
          <Title order={2} size="h4" id="summary-now">
            Situation actuelle
          </Title>
          {s.situations.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucune situation en cours.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {s.situations.map((x) => (
                <List.Item key={x.id}>
                  {x.label} depuis le {formatDate(x.startDate)}
                  {x.until ? `, jusqu’au ${formatDate(x.until)}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          <Text size="sm" fw={600}>
            Programmes en cours
          </Text>
          {s.enrolments.length === 0 ? (
            <Text size="sm" c="dimmed">
              Aucun programme en cours.
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {s.enrolments.map((e) => (
                <List.Item key={e.id}>
                  {e.name} ({e.code}) depuis le {formatDate(e.entryDate)}
                  {e.referentName ? ` — référent : ${e.referentName}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          <Group gap="md">
            {to('situations', 'Toutes les situations')}
            {to('programmes', 'Tous les programmes')}
          </Group>
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="summary-next">
          <Title order={2} size="h4" id="summary-next">
            Prochain rendez-vous
          </Title>
          {next ? (
            <Text size="sm">
              Le {weekday(next.date)} {formatDate(next.date)} à {frenchTime(next.start)} :{' '}
              {next.title ?? kindLabel(next.kind)}, {next.siteName}, avec {next.counsellorName}.
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              Aucun rendez-vous à venir.
            </Text>
          )}
          <Text size="sm">
            Dernier contact : {s.lastContactDate ? `le ${formatDate(s.lastContactDate)}` : 'aucun'}.
          </Text>
          {to('rendez-vous', 'Tous les rendez-vous')}
        </Stack>
      </SimpleGrid>
      <Stack gap="xs" component="section" aria-labelledby="summary-timeline">
        <Title order={2} size="h4" id="summary-timeline">
          Derniers événements
        </Title>
        {s.timeline.length === 0 ? (
          <Text size="sm" c="dimmed">
            Rien d’enregistré pour l’instant.
          </Text>
        ) : (
          <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
            {s.timeline.map((t) => (
              <Group component="li" key={t.key} gap="sm" wrap="nowrap" align="baseline">
                <Text size="sm" fw={600} w={96} style={{ flexShrink: 0 }}>
                  {formatDate(t.date)}
                </Text>
                <Text size="sm">
                  {timelineWords[t.kind]}
                  {t.label}
                </Text>
                {t.attendance && t.attendance !== 'present' && (
                  <Badge size="sm" color="orange" variant="light">
                    {attendanceLabel(t.attendance)}
                  </Badge>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {to('evenements', 'Tous les événements')}
      </Stack>
    </Stack>
  )
}
