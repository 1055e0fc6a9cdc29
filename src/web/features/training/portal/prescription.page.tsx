import { Badge, Card, Group, List, Loader, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import type { Prescription } from '../../../../shared/training/prescriptions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import {
  attendanceLabel,
  exitKindLabel,
  infoSessionText,
  personName,
  placesText,
  prescriptionStatusColor,
  prescriptionStatusLabel,
  sessionDates,
  yesNo,
} from '../training.labels.ts'
import { AnswerForm, EntryForm, ExitForm } from './answer-forms.tsx'
import { portalPrescriptionQuery } from './portal.api.ts'

/**
 * A prescribed person as the training body sees them (name, birth date, phone, e-mail), the session, what was answered
 * so far, and the form the status calls for: the answer after the information session, the entry, the exit.
 */
export function PortalPrescriptionPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const query = useQuery(portalPrescriptionQuery(id))
  const p = query.data
  return (
    <Page title={p ? `Prescription : ${personName(p.person)}` : 'Prescription'}>
      <AnchorLink to="/formation/organisme">← Mes sessions de formation</AnchorLink>
      <FormError error={query.error} title="Prescription indisponible" />
      {query.isPending && <Loader aria-label="Chargement de la prescription" />}
      {p && (
        <Stack gap="lg">
          <Summary prescription={p} />
          {(p.status === 'validated' || p.status === 'waiting_list' || p.status === 'accepted') && (
            <AnswerForm key={`answer-${p.version}`} prescription={p} />
          )}
          {p.status === 'accepted' && <EntryForm key={`entry-${p.version}`} prescription={p} />}
          {p.status === 'entered' && <ExitForm key={`exit-${p.version}`} prescription={p} />}
        </Stack>
      )}
    </Page>
  )
}

function Summary({ prescription: p }: { prescription: Prescription }) {
  const s = p.session
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={700}>
            {s.actionTitle} — {sessionDates(s)}
          </Text>
          <Badge color={prescriptionStatusColor(p.status)} variant="light" styles={{ label: { overflow: 'visible' } }}>
            {prescriptionStatusLabel(p.status)}
          </Badge>
        </Group>
        <Text size="sm">
          {personName(p.person)} · née le {p.person.birthDate ? formatDate(p.person.birthDate) : '—'} · téléphone :{' '}
          {p.person.phone ?? '—'} · courriel : {p.person.email ?? '—'}
        </Text>
        <Text size="sm">
          {s.bodyName} · {placesText(s)} · information collective : {infoSessionText(s)}
        </Text>
        {p.answeredAt && (
          <Text size="sm">
            Information collective : {attendanceLabel(p.infoAttendance)}
            {p.testResult && ` · tests : ${p.testResult}`}
            {p.outcomeReason && ` · ${p.outcomeReason}`}
          </Text>
        )}
        {p.entryDate && <Text size="sm">Entrée le {formatDate(p.entryDate)}</Text>}
        {p.exitDate && (
          <Text size="sm">
            Sortie le {formatDate(p.exitDate)} ({exitKindLabel(p.exitKind)}) · qualification obtenue :{' '}
            {yesNo(p.qualificationObtained)}
            {p.hoursAttended !== null && ` · ${p.hoursAttended} heures suivies`}
          </Text>
        )}
        <List size="sm" aria-label="Historique">
          {p.events.map((e) => (
            <List.Item key={`${e.at}-${e.toStatus}`}>
              {formatDateTime(e.at)} — {prescriptionStatusLabel(e.toStatus)}
              {e.note && ` : ${e.note}`}
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  )
}
