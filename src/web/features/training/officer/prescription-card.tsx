import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { Prescription } from '../../../../shared/training/prescriptions.schema.ts'
import { formatDate, formatDateTime, formatNumber } from '../../../components/format.ts'
import {
  attendanceLabel,
  exitKindLabel,
  funderLabel,
  infoSessionText,
  placesText,
  prescriptionStatusColor,
  prescriptionStatusLabel,
  sessionDates,
  yesNo,
} from '../training.labels.ts'

// A prescription as the department reads it: the session, the argument, the answers recorded, and its history.

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  )
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={prescriptionStatusColor(status)} variant="light" style={{ overflow: 'visible' }}>
      {prescriptionStatusLabel(status)}
    </Badge>
  )
}

export function PrescriptionCard({ p }: { p: Prescription }) {
  const s = p.session
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="prescription-session">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="prescription-session">
            {s.actionTitle}
          </Title>
          <StatusBadge status={p.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label="Organisme">{s.bodyName}</Field>
          <Field label="Financeur">{funderLabel(s.funder)}</Field>
          <Field label="Session">{sessionDates(s)}</Field>
          <Field label="Lieu">{[s.place, s.communeName].filter(Boolean).join(', ') || '—'}</Field>
          <Field label="Information collective">{infoSessionText(s)}</Field>
          <Field label="Places">{placesText(s)}</Field>
          <Field label="Prescripteur">{p.prescriberName ?? '—'}</Field>
          <Field label="Déposée le">{formatDateTime(p.filedAt)}</Field>
          <Field label="Réponse de l’organisme attendue le">{p.answerDueOn ? formatDate(p.answerDueOn) : '—'}</Field>
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="prescription-argument">
        <Title order={2} size="h3" id="prescription-argument" mb="xs">
          Argumentaire
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.argument}
        </Text>
        {p.departmentNote && <Field label="Note du département formation">{p.departmentNote}</Field>}
      </Card>
      {(p.infoAttendance || p.entryDate || p.exitDate) && (
        <Card withBorder component="section" aria-labelledby="prescription-answers">
          <Title order={2} size="h3" id="prescription-answers" mb="xs">
            Réponses de l’organisme
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label="Information collective">{attendanceLabel(p.infoAttendance)}</Field>
            <Field label="Résultat des tests">{p.testResult ?? '—'}</Field>
            <Field label="Motif">{p.outcomeReason ?? '—'}</Field>
            <Field label="Entrée en formation">{p.entryDate ? formatDate(p.entryDate) : '—'}</Field>
            <Field label="Sortie">
              {p.exitDate ? `${formatDate(p.exitDate)} — ${exitKindLabel(p.exitKind)}` : '—'}
            </Field>
            <Field label="Qualification obtenue">{yesNo(p.qualificationObtained)}</Field>
            <Field label="Heures suivies">{p.hoursAttended === null ? '—' : formatNumber(p.hoursAttended)}</Field>
            <Field label="Résultat">{p.resultNote ?? '—'}</Field>
          </SimpleGrid>
        </Card>
      )}
      <section aria-labelledby="prescription-history">
        <Title order={2} size="h3" id="prescription-history" mb="xs">
          Historique
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Historique de la prescription">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Par</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.events.map((e) => (
                <Table.Tr key={`${e.at}-${e.toStatus}`}>
                  <Table.Td>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{e.actorName ?? '—'}</Table.Td>
                  <Table.Td>{prescriptionStatusLabel(e.toStatus)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.note ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  )
}
