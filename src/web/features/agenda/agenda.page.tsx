import FullCalendar from '@fullcalendar/react'
import '@fullcalendar/react/skeleton.css'
import '@fullcalendar/react/themes/classic/theme.css'
import '@fullcalendar/react/themes/classic/palette.css'
import interactionPlugin from '@fullcalendar/react/interaction'
import listPlugin from '@fullcalendar/react/list'
import frLocale from '@fullcalendar/react/locales/fr'
import classicTheme from '@fullcalendar/react/themes/classic'
import timeGridPlugin from '@fullcalendar/react/timegrid'
import { Button, Group, Loader, SegmentedControl, Select, Stack } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import { can } from '../../../shared/auth/roles.ts'
import { addDays } from '../../../shared/dates.ts'
import { FormError } from '../../components/form-error.tsx'
import { currentTimeZone, today } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { useMe } from '../auth/auth.api.ts'
import { CounsellorSelect, SiteSelect } from '../persons/pickers.tsx'
import { agendaApi, appointmentsQuery, refreshAgenda, roomsQuery } from './agenda.api.ts'
import type { AgendaSearch } from './agenda.search.ts'
import { AppointmentDetailModal, placeText } from './appointment-detail.tsx'
import { AppointmentFormModal, type Draft } from './appointment-form.tsx'
import { AppointmentList } from './appointment-list.tsx'
import { FeedPanel } from './feed-panel.tsx'
import { kindLabel } from './labels.ts'
import { SeriesFormModal } from './series-form.tsx'

const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))
/** FullCalendar runs in UTC on the structure's wall times: what it shows is what the server stores, whatever the browser's zone */
const wall = (d: Date) => ({ date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) })

/**
 * The agenda: a week or a day (FullCalendar's time grid, drag to move, select a slot to book) or a list (the keyboard
 * way, with the booking form), by counsellor, site or room. Reception sees the day of their sites.
 */
/**
 * The structure's wall clock, as the calendar's UTC-coerced times are wall times: its « today » column and its now are
 * the structure's (between midnight in Paris and midnight UTC, the browser's UTC day would be yesterday's).
 */
const wallNow = () => {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: currentTimeZone(),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date())
  return `${today()}T${time}Z`
}

export function AgendaPage() {
  const me = useMe()
  const search = useSearch({ strict: false }) as AgendaSearch
  const navigate = useNavigate()
  const client = useQueryClient()
  const books = can(me.role, 'agendaBook')
  const dayOnly = !books && !can(me.role, 'personsWholeStructure')
  const view = dayOnly ? 'jour' : (search.vue ?? 'semaine')
  const date = dayOnly ? today() : (search.date ?? today())
  const from = view === 'jour' ? date : mondayOf(date)
  const to = view === 'jour' ? date : addDays(from, 6)
  const counsellorId = search.conseiller ?? (books && !search.site && !search.salle ? me.id : undefined)
  const params = { from, to, counsellorId, siteId: search.site, roomId: search.salle }
  const list = useQuery(appointmentsQuery(params))
  const rooms = useQuery(roomsQuery)
  const [creating, setCreating] = useState<Draft | null>(null)
  const [series, setSeries] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const [editing, setEditing] = useState<Appointment | null>(null)
  const open = list.data?.find((a) => a.id === openId)
  const set = (patch: Partial<AgendaSearch>) => navigate({ to: '/agenda', search: { ...search, ...patch } })

  const move = useMutation({
    mutationFn: (v: { a: Appointment; start: Date; end: Date; revert: () => void }) => {
      const s = wall(v.start)
      const e = wall(v.end)
      return agendaApi.move(v.a.id, {
        date: s.date,
        start: s.time,
        end: e.time === '00:00' ? '23:59' : e.time,
        version: v.a.version,
      })
    },
    onError: (_e, v) => v.revert(),
    onSettled: () => refreshAgenda(client),
  })

  const events = useMemo(
    () =>
      (list.data ?? []).map((a) => ({
        id: a.id,
        title: `${a.conflicts.length ? 'Conflit — ' : ''}${a.cancelled ? 'Annulé — ' : ''}${a.title ?? kindLabel(a.kind)}${a.persons.length ? ` — ${a.persons.map((p) => `${p.firstName} ${p.lastName.toUpperCase()}`).join(', ')}` : ''} (${placeText(a)})`,
        start: `${a.date}T${a.start}:00Z`,
        end: `${a.date}T${a.end === '24:00' ? '23:59' : a.end}:00Z`,
        editable: a.canEdit && !a.persons.some((p) => p.attendance),
        // colours dark enough for white text (axe: 4.5:1): conflicts in rust, cancelled in grey
        color: a.cancelled ? '#5c5f66' : a.conflicts.length ? '#a63d0d' : '#1864ab',
      })),
    [list.data],
  )

  return (
    <Page
      title="Agenda"
      actions={
        books && (
          <Group>
            <Button variant="default" onClick={() => setSeries(true)}>
              Nouvelle permanence
            </Button>
            <Button onClick={() => setCreating({ date, start: '09:00', end: '09:45' })}>Nouveau rendez-vous</Button>
          </Group>
        )
      }
    >
      <Stack gap="md">
        <Group align="flex-end" wrap="wrap">
          {!dayOnly && (
            <SegmentedControl
              aria-label="Vue"
              value={view}
              onChange={(v) => set({ vue: v as AgendaSearch['vue'] })}
              data={[
                { value: 'jour', label: 'Jour' },
                { value: 'semaine', label: 'Semaine' },
                { value: 'liste', label: 'Liste' },
              ]}
            />
          )}
          {!dayOnly && (
            <Group gap="xs">
              <Button variant="default" onClick={() => set({ date: addDays(date, view === 'jour' ? -1 : -7) })}>
                {view === 'jour' ? 'Jour précédent' : 'Semaine précédente'}
              </Button>
              <Button variant="default" onClick={() => set({ date: undefined })}>
                Aujourd’hui
              </Button>
              <Button variant="default" onClick={() => set({ date: addDays(date, view === 'jour' ? 1 : 7) })}>
                {view === 'jour' ? 'Jour suivant' : 'Semaine suivante'}
              </Button>
            </Group>
          )}
          <CounsellorSelect
            label="Conseiller"
            placeholder="Tous"
            value={search.conseiller ?? (counsellorId === me.id ? me.id : null)}
            onChange={(v) => set({ conseiller: v ?? undefined })}
            w={220}
          />
          <SiteSelect
            label="Site"
            all={!dayOnly}
            placeholder="Tous"
            allowDeselect
            clearable
            value={search.site ?? null}
            onChange={(v) => set({ site: v ?? undefined, salle: undefined })}
            w={240}
          />
          <Select
            label="Salle"
            placeholder="Toutes"
            clearable
            data={(rooms.data ?? [])
              .filter((r) => !search.site || r.siteId === search.site)
              .map((r) => ({ value: r.id, label: `${r.name} (${r.siteName})` }))}
            value={search.salle ?? null}
            onChange={(v) => set({ salle: v ?? undefined })}
            w={240}
          />
        </Group>
        <FormError
          error={list.error ?? move.error}
          title={move.error ? 'Déplacement refusé' : 'Chargement impossible'}
        />
        {list.isPending ? (
          <Loader aria-label="Chargement de l’agenda" />
        ) : view === 'liste' || dayOnly ? (
          <AppointmentList appointments={list.data ?? []} onOpen={setOpenId} />
        ) : (
          <FullCalendar
            key={`${view}-${from}`}
            plugins={[classicTheme, timeGridPlugin, listPlugin, interactionPlugin]}
            locale={frLocale}
            timeZone="UTC"
            now={wallNow}
            initialView={view === 'jour' ? 'timeGridDay' : 'timeGridWeek'}
            initialDate={from}
            headerToolbar={false}
            allDaySlot={false}
            slotMinTime="07:00:00"
            slotMaxTime="20:00:00"
            height="auto"
            editable={books}
            selectable={books}
            events={events}
            select={(info) => {
              const s = wall(info.start)
              const e = wall(info.end)
              setCreating({ date: s.date, start: s.time, end: e.time, siteId: search.site, roomId: search.salle })
            }}
            eventClick={(info) => setOpenId(info.event.id)}
            eventDrop={(info) => {
              const a = list.data?.find((x) => x.id === info.event.id)
              if (a && info.event.start && info.event.end)
                move.mutate({ a, start: info.event.start, end: info.event.end, revert: info.revert })
            }}
            eventResize={(info) => {
              const a = list.data?.find((x) => x.id === info.event.id)
              if (a && info.event.start && info.event.end)
                move.mutate({ a, start: info.event.start, end: info.event.end, revert: info.revert })
            }}
          />
        )}
        {books && <FeedPanel />}
      </Stack>
      {creating && <AppointmentFormModal draft={creating} onClose={() => setCreating(null)} />}
      {series && <SeriesFormModal onClose={() => setSeries(false)} />}
      {open && !editing && (
        <AppointmentDetailModal appointment={open} onClose={() => setOpenId(null)} onEdit={() => setEditing(open)} />
      )}
      {editing && (
        <AppointmentFormModal
          appointment={editing}
          onClose={() => {
            setEditing(null)
            setOpenId(null)
          }}
        />
      )}
    </Page>
  )
}
