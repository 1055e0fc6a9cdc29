import { Alert, Badge, Group, Loader, Stack, Tabs, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { Suspense, useEffect } from 'react'
import { priorityAreas } from '../../../shared/nomenclatures/person.ts'
import type { PersonDetail } from '../../../shared/persons/person.schema.ts'
import { isApiError } from '../../api.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { fileTabsFor, useWebModules } from '../../web-module.ts'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from './anchor-link.tsx'
import { type FileSearch, fileSearchSchema } from './file/file-search.ts'
import { labelOf, statusLabels } from './labels.ts'
import { personQuery } from './persons.api.ts'

/** The file of one person: a header, then the tabs every module declares (their manifests' `fileTabs`). */
export function PersonFilePage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const search = fileSearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  const person = useQuery(personQuery(id))
  const modules = useWebModules()
  const me = useMe()
  // the tabs are chunks of their own: fetched while the person is, not one by one as they are opened
  useEffect(() => {
    for (const tab of modules.flatMap((m) => m.fileTabs)) void tab.component.preload?.()
  }, [modules])

  if (person.isPending) return <Loader aria-label="Chargement du dossier" />
  if (person.error || !person.data) {
    const gone = isApiError(person.error) && person.error.status === 404
    return (
      <Page title={gone ? 'Dossier introuvable' : 'Dossier indisponible'}>
        {gone ? (
          <Alert color="gray">Ce dossier n’existe pas ou ne fait pas partie de votre périmètre.</Alert>
        ) : (
          <FormError error={person.error} title="Chargement impossible" />
        )}
        <AnchorLink to="/personnes">Retour à la recherche</AnchorLink>
      </Page>
    )
  }

  const p = person.data
  const tabs = fileTabsFor(modules, p, me.role)
  const first = tabs[0]?.key
  const tab = tabs.some((t) => t.key === search.onglet) ? search.onglet : first
  const setSearch = (patch: Partial<FileSearch>) =>
    navigate({ to: '/personnes/$id', params: { id }, search: { ...search, ...patch }, replace: true })

  return (
    <Page
      title={`${p.lastName.toUpperCase()} ${p.firstName}`}
      actions={
        p.can.write && (
          <ButtonLink to="/personnes/$id/entretien" params={{ id }}>
            Enregistrer un entretien
          </ButtonLink>
        )
      }
    >
      <FileHeader person={p} />
      <Tabs
        value={tab}
        onChange={(next) =>
          navigate({
            to: '/personnes/$id',
            params: { id },
            search: !next || next === first ? {} : { onglet: next },
          })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label="Sections du dossier">
          {tabs.map((t) => (
            <Tabs.Tab key={t.key} value={t.key}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ key, component: Tab }) => (
          <Tabs.Panel key={key} value={key} pt="lg">
            <Suspense fallback={<Loader aria-label="Chargement de l’onglet" />}>
              <Tab person={p} search={search} setSearch={setSearch} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  )
}

/** Who, where, followed by whom: the lines under the name, on every tab. */
function FileHeader({ person: p }: { person: PersonDetail }) {
  const badges = Boolean(p.priorityArea) || p.statuses.length > 0
  return (
    <Stack gap={6} aria-label="Résumé du dossier" role="group">
      <Group gap="xs" wrap="wrap">
        <Text>
          Né{p.sex === 'F' ? 'e' : ''} le {formatDate(p.birthDate)} ({p.age} ans)
        </Text>
        <Text aria-hidden="true">·</Text>
        <Text>{p.siteName}</Text>
        <Text aria-hidden="true">·</Text>
        <Text>Référent : {p.referentName ?? 'à désigner'}</Text>
        {p.firstReceptionDate && (
          <>
            <Text aria-hidden="true">·</Text>
            <Text>Premier accueil le {formatDate(p.firstReceptionDate)}</Text>
          </>
        )}
      </Group>
      {badges && (
        <Group gap="xs">
          {p.priorityArea && (
            <Badge color="grape" variant="light">
              {labelOf(priorityAreas.labels, p.priorityArea)}
            </Badge>
          )}
          {p.statuses.map((s) => (
            <Badge key={s.id} color={s.sensitive ? 'orange' : 'blue'} variant="light">
              {labelOf(statusLabels, s.status)}
            </Badge>
          ))}
        </Group>
      )}
      {p.sensitiveHidden && (
        <Text size="sm" c="dimmed">
          Certaines informations sensibles ne vous sont pas accessibles.
        </Text>
      )}
    </Stack>
  )
}
