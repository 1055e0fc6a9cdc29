import { Alert, Badge, Button, Group, Loader, Select, Table, Text, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { projectNatures, projectStatuses } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Project } from '../../../../shared/aids/projects.schema.ts'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { fundsQuery, refreshAids } from '../aids.api.ts'
import { thisYear, YearSelect } from '../officer/year-select.tsx'
import { projectsQuery, setupApi } from '../setup.api.ts'
import { IndirectAids } from './indirect-aids.tsx'
import { type ProjectStep, ProjectStepModal } from './project-actions.tsx'
import { ProjectFormModal } from './project-form.tsx'

// « Projets de jeunes » (docs/aids.md « Screens: configuration, commissions, allowance, projects »): the CLAP and
// holiday projects of a year by status, their file, committee, decision and outcome; a holiday project's aids for its
// holders at once; the indirect aids of the year. The aid officer acts, the director reads.

const statusColor = (s: string) =>
  s === 'funded' || s === 'completed' ? 'green' : s === 'refused' || s === 'abandoned' ? 'gray' : 'blue'
const statusOptions = projectStatuses.codes.map((value) => ({ value, label: projectStatuses.labels[value] }))

export function ProjectsPage() {
  const me = useMe()
  const manager = can(me.role, 'aidManage')
  const [year, setYear] = useState(thisYear)
  const [status, setStatus] = useState<string | null>(null)
  const funds = useQuery(fundsQuery())
  const projectFunds = (funds.data ?? []).filter((f) => f.kind === 'project' || f.kind === 'holiday')
  const projects = useQuery(projectsQuery({ year, ...(status ? { status } : {}) }))
  const [editing, setEditing] = useState<{ project?: Project } | null>(null)
  const [step, setStep] = useState<{ project: Project; step: ProjectStep } | null>(null)
  const list = projects.data ?? []
  return (
    <Page title="Projets de jeunes" actions={manager && <Button onClick={() => setEditing({})}>Nouveau projet</Button>}>
      <Group align="flex-end">
        <YearSelect year={year} onChange={setYear} />
        <Select
          label="Statut"
          placeholder="Tous les statuts"
          clearable
          w={240}
          data={statusOptions}
          value={status}
          onChange={setStatus}
        />
      </Group>
      <FormError error={projects.error} title="Chargement impossible" />
      {projects.isPending ? (
        <Loader aria-label="Chargement des projets" />
      ) : list.length === 0 ? (
        <Alert color="gray">Aucun projet pour {year}.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Caption>Projets CLAP et vacances de {year}, par statut</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Projet</Table.Th>
                <Table.Th>Porteurs</Table.Th>
                <Table.Th ta="right">Demandé</Table.Th>
                <Table.Th>Comité et décision</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...list]
                .sort((a, b) => a.status.localeCompare(b.status) || a.title.localeCompare(b.title, 'fr'))
                .map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row" fw={500}>
                      {p.title}
                      <Text size="sm" c="dimmed">
                        {p.fundCode} · {projectNatures.labels[p.nature]}
                        {p.form === 'collective' ? ' · collectif' : ''}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      {p.holders.map((h) => `${h.firstName} ${h.lastName}`).join(', ') || '—'}
                      {p.holderCount > p.holders.length && ` (${p.holderCount} en tout)`}
                    </Table.Td>
                    <Table.Td ta="right">{p.askedCents === null ? '—' : formatEuros(p.askedCents)}</Table.Td>
                    <Table.Td>
                      {p.presentedOn ? `Présenté le ${formatDate(p.presentedOn)}` : 'Pas encore présenté'}
                      {p.grantedCents !== null && <Text size="sm">{formatEuros(p.grantedCents)} accordés</Text>}
                      {p.jobsCreated !== null && <Text size="sm">{p.jobsCreated} emploi(s) créé(s)</Text>}
                      {p.aids.length > 0 && <Text size="sm">{p.aids.length} aide(s) aux vacances</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={statusColor(p.status)}>
                        {p.statusLabel}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {manager && (
                        <ProjectButtons
                          project={p}
                          onEdit={() => setEditing({ project: p })}
                          onStep={(s) => setStep({ project: p, step: s })}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <IndirectAids year={year} manager={manager} />
      {editing && <ProjectFormModal funds={projectFunds} project={editing.project} onClose={() => setEditing(null)} />}
      {step && <ProjectStepModal project={step.project} step={step.step} onClose={() => setStep(null)} />}
    </Page>
  )
}

/** What can be done next with a project, by its status. */
function ProjectButtons({
  project: p,
  onEdit,
  onStep,
}: {
  project: Project
  onEdit: () => void
  onStep: (step: ProjectStep) => void
}) {
  const client = useQueryClient()
  const holiday = useMutation({
    mutationFn: () => setupApi.holidayAids(p.id, p.version),
    onSettled: () => refreshAids(client),
  })
  const hidden = <VisuallyHidden> {p.title}</VisuallyHidden>
  const decided = p.decision !== null
  return (
    <Group gap="xs" justify="flex-end">
      {!decided && p.status !== 'abandoned' && (
        <Button size="xs" variant="light" onClick={onEdit}>
          Modifier{hidden}
        </Button>
      )}
      {p.status === 'accompanied' && (
        <Button size="xs" variant="default" onClick={() => onStep('present')}>
          Présenter{hidden}
        </Button>
      )}
      {p.status === 'presented' && (
        <Button size="xs" variant="default" onClick={() => onStep('decide')}>
          Décider{hidden}
        </Button>
      )}
      {(p.status === 'funded' || p.status === 'accompanied' || p.status === 'presented') && (
        <Button size="xs" variant="default" onClick={() => onStep('outcome')}>
          Suite{hidden}
        </Button>
      )}
      {p.fundKind === 'holiday' && p.status !== 'refused' && p.status !== 'abandoned' && (
        <Button size="xs" variant="default" loading={holiday.isPending} onClick={() => holiday.mutate()}>
          Créer les aides vacances{hidden}
        </Button>
      )}
      {holiday.isSuccess && (
        <Text size="sm" role="status">
          {holiday.data.created.length} aide(s) créée(s)
        </Text>
      )}
      <FormError error={holiday.error} title="Aides vacances non créées" />
    </Group>
  )
}
