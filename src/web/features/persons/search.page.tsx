import { Button, Checkbox, Group, Loader, Table, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { can } from '../../../shared/auth/roles.ts'
import {
  PERSON_SEARCH_CAP,
  personSearchQuery as personSearchQuerySchema,
} from '../../../shared/persons/person.schema.ts'
import { bodyErrors } from '../../components/body-errors.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../components/format.ts'
import { ExportButtons, ListFilterFields } from '../../components/list-export.tsx'
import { Page } from '../../components/page.tsx'
import { SortableTh, TablePagination } from '../../components/table.tsx'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from './anchor-link.tsx'
import { DateField } from './date-field.tsx'
import { personSearchSchema } from './person-search.ts'
import { type PersonSearchParams, personExportUrl, personSearchQuery } from './persons.api.ts'
import { SiteSelect } from './pickers.tsx'

type Sortable = 'name' | 'birthDate' | 'firstReception'

interface Filters {
  q: string
  birthDate: string | null
  phone: string
  siteId: string | null
  mine: boolean
}

/** The criteria the form puts in the query string, checked as the API checks them (a phone: at least 4 digits). */
const criteriaSchema = personSearchQuerySchema.pick({ q: true, birthDate: true, phone: true, siteId: true })
const criteriaOf = (f: Filters) => ({
  q: f.q.trim() || undefined,
  birthDate: f.birthDate ?? undefined,
  phone: f.phone.trim() || undefined,
  siteId: f.siteId ?? undefined,
})

/** Default values stay out of the URL. */
function clean(p: PersonSearchParams): Partial<PersonSearchParams> {
  return Object.fromEntries(
    Object.entries(p).filter(
      ([k, v]) =>
        v !== undefined &&
        v !== '' &&
        !(k === 'page' && v === 1) &&
        !(k === 'pageSize' && v === 25) &&
        !(k === 'order' && v === 'asc'),
    ),
  )
}

export function PersonSearchPage() {
  const me = useMe()
  const params = personSearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  const go = (next: PersonSearchParams) => navigate({ to: '/personnes', search: clean(next), replace: true })
  const results = useQuery(personSearchQuery(params))
  const criteria = Boolean(
    params.q ||
      params.birthDate ||
      params.phone ||
      params.siteId ||
      params.referentId ||
      params.programmeId ||
      params.ageOutBefore ||
      params.cejEndBefore,
  )

  const form = useForm<Filters>({
    initialValues: {
      q: params.q ?? '',
      birthDate: params.birthDate ?? null,
      phone: params.phone ?? '',
      siteId: params.siteId ?? null,
      mine: params.referentId === me.id,
    },
    validate: (f) => bodyErrors(criteriaSchema, criteriaOf(f)),
  })
  const sort: Sortable | 'relevance' = params.sort ?? (params.q ? 'relevance' : 'name')
  const sortProps = {
    sort: sort as Sortable,
    order: params.order,
    onSort: (s: Sortable, order: 'asc' | 'desc') => go({ ...params, sort: s, order, page: 1 }),
  }

  return (
    <Page
      title="Rechercher une personne"
      actions={
        <Group gap="sm">
          {can(me.role, 'listExport') && (
            <ExportButtons url={personExportUrl} query={{ ...params }} label="les personnes trouvées" />
          )}
          {can(me.role, 'personCreate') && (
            <ButtonLink
              to="/personnes/nouvelle"
              search={{ q: params.q, birthDate: params.birthDate, phone: params.phone }}
            >
              Nouvelle personne
            </ButtonLink>
          )}
        </Group>
      }
    >
      <Text>
        Avant de créer un dossier, cherchez la personne : par son nom (l’orthographe approchée suffit), sa date de
        naissance ou son téléphone.
      </Text>
      <search aria-label="Rechercher une personne">
        <form
          noValidate
          onSubmit={form.onSubmit((f) =>
            go({
              ...params,
              ...criteriaOf(f),
              referentId: f.mine ? me.id : undefined,
              sort: undefined,
              page: 1,
            }),
          )}
        >
          <Group align="flex-start" gap="md">
            <TextInput label="Nom et prénom" placeholder="ex. Dupont Marie" w={260} {...form.getInputProps('q')} />
            <DateField label="Date de naissance" clearable w={170} {...form.getInputProps('birthDate')} />
            <TextInput label="Téléphone" type="tel" placeholder="06 12…" w={170} {...form.getInputProps('phone')} />
            <SiteSelect
              label="Site"
              clearable
              clearButtonProps={{ 'aria-label': 'Tous les sites' }}
              placeholder="Tous vos sites"
              w={240}
              {...form.getInputProps('siteId')}
            />
            {can(me.role, 'referent') && (
              <Checkbox label="Dont je suis référent" mt={32} {...form.getInputProps('mine', { type: 'checkbox' })} />
            )}
            <Group gap="sm" mt={25}>
              <Button type="submit">Rechercher</Button>
              <Button
                variant="default"
                onClick={() => {
                  form.setValues({ q: '', birthDate: null, phone: '', siteId: null, mine: false })
                  go({ page: 1, pageSize: params.pageSize, order: 'asc' })
                }}
              >
                Effacer
              </Button>
            </Group>
          </Group>
        </form>
        <ListFilterFields
          mt="sm"
          site={false}
          value={params}
          onChange={(patch) => go({ ...params, ...patch, page: 1 })}
        />
      </search>

      <FormError error={results.error} title="Recherche impossible" />
      {results.data?.totalCapped && (
        <Text role="status">
          Plus de {formatNumber(PERSON_SEARCH_CAP)} personnes correspondent : seules les{' '}
          {formatNumber(PERSON_SEARCH_CAP)} premières sont listées. Précisez la recherche (nom, date de naissance,
          site).
        </Text>
      )}
      {results.isPending ? (
        <Loader aria-label="Recherche en cours" />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped highlightOnHover aria-busy={results.isFetching}>
            <Table.Caption>
              {criteria
                ? 'Personnes correspondant à la recherche'
                : can(me.role, 'personsWholeStructure')
                  ? 'Personnes suivies par la structure'
                  : 'Personnes suivies sur vos sites'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="name" {...sortProps}>
                  Nom
                </SortableTh>
                <SortableTh column="birthDate" {...sortProps}>
                  Date de naissance
                </SortableTh>
                <Table.Th>Âge</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Référent</Table.Th>
                <SortableTh column="firstReception" {...sortProps}>
                  Premier accueil
                </SortableTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text ta="center" py="md">
                      Aucune personne ne correspond à cette recherche.
                      {can(me.role, 'personCreate') && ' Vous pouvez créer son dossier.'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {results.data?.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <AnchorLink to="/personnes/$id" params={{ id: p.id }} fw={600}>
                      {p.lastName.toUpperCase()} {p.firstName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                  <Table.Td>{p.age} ans</Table.Td>
                  <Table.Td>{p.siteName}</Table.Td>
                  <Table.Td>
                    {p.referentName ?? (
                      <Text c="dimmed" span size="sm">
                        À désigner
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(p.firstReceptionDate) || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {results.data && (
        <TablePagination
          total={results.data.total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => go({ ...params, ...next })}
        />
      )}
    </Page>
  )
}
