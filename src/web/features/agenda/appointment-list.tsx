import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import { formatDate } from '../../components/format.ts'
import { placeText } from './appointment-detail.tsx'
import { attendanceLabel, frenchTime, kindLabel } from './labels.ts'

/** The appointments as a table: the keyboard's view of the agenda (each row opens the appointment). */
export function AppointmentList({
  appointments,
  onOpen,
}: {
  appointments: Appointment[]
  onOpen: (id: string) => void
}) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped>
        <Table.Caption>Rendez-vous de la période, dans l’ordre</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Heure</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Personnes</Table.Th>
            <Table.Th>Lieu</Table.Th>
            <Table.Th>Conseiller</Table.Th>
            <Table.Th>
              <VisuallyHidden>Ouvrir</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appointments.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={7}>
                <Text ta="center" py="md">
                  Aucun rendez-vous sur cette période.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {appointments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.date)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {frenchTime(a.start)}–{frenchTime(a.end)}
              </Table.Td>
              <Table.Td>
                {a.title ?? kindLabel(a.kind)}
                {a.conflicts.length > 0 && (
                  <Badge ml="xs" color="orange" variant="light">
                    conflit
                  </Badge>
                )}
                {a.cancelled && (
                  <Badge ml="xs" color="gray" variant="light">
                    annulé
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {a.persons.length === 0
                  ? `${a.capacity} place${a.capacity > 1 ? 's' : ''} libre${a.capacity > 1 ? 's' : ''}`
                  : a.persons
                      .map(
                        (p) =>
                          `${p.lastName.toUpperCase()} ${p.firstName} (${attendanceLabel(p.attendance)}${p.arrivedTime ? `, arrivé(e) à ${frenchTime(p.arrivedTime)}` : ''})`,
                      )
                      .join(', ')}
              </Table.Td>
              <Table.Td>{placeText(a)}</Table.Td>
              <Table.Td>{a.counsellorName}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => onOpen(a.id)}>
                  Ouvrir
                  <VisuallyHidden>{` : ${a.title ?? kindLabel(a.kind)} du ${formatDate(a.date)} à ${frenchTime(a.start)}`}</VisuallyHidden>
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
