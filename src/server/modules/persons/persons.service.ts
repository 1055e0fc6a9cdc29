import type { z } from 'zod'
import { can } from '../../../shared/auth/roles.ts'
import { ageOn, dayIn, frenchDate } from '../../../shared/dates.ts'
import type { PersonDetail, personCreateSchema, personUpdateSchema } from '../../../shared/persons/person.schema.ts'
import {
  type AttributeState,
  isSensitiveAttribute,
  isSensitiveAttributeValue,
  isSensitiveStatus,
  resolveAttributeValue,
} from '../../../shared/persons/situation.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Actor, Deps, Tx } from '../../deps.ts'
import { AppError, type FieldError } from '../../errors.ts'
import { bookFirstInterview, convokeFirstInterview } from '../agenda/index.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { notify } from '../notifications/index.ts'
import { resolveCommune } from '../reference/communes.ts'
import { personCreated } from '../registry.ts'
import { describeDuplicate, findDuplicates, lockIdentity } from './duplicates.repository.ts'
import { abilitiesOn, canSeeSensitive } from './person.policy.ts'
import { findActiveCounsellor, findSite, loadPersonView, type PersonViewRow } from './persons.repository.ts'
import { defaultProgramme, receptionProgrammes, suggestReferent } from './reception.service.ts'
import { attributeStateOn, insertAttribute, insertStatus, listStatuses } from './situation.repository.ts'

export interface ServiceContext {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

type PersonCreate = z.infer<typeof personCreateSchema>
type PersonUpdate = z.infer<typeof personUpdateSchema>

/**
 * Writes the audit line a read of sensitive data owes, naming what was shown: RSA, RQTH and justice statuses, and
 * resources that are welfare or disability benefits (statuses.rsa, attributes.resources).
 */
export async function auditSensitiveRead(
  ctx: ServiceContext,
  personId: string,
  shown: {
    statuses?: { status: string }[]
    state?: AttributeState
    attributes?: { attribute: string; value: string }[]
  },
) {
  const attributes = [
    ...Object.entries(shown.state ?? {}).flatMap(([attribute, v]) => (v ? [{ attribute, value: v.value }] : [])),
    ...(shown.attributes ?? []),
  ]
  const fields = [
    ...new Set([
      ...(shown.statuses ?? []).filter((s) => isSensitiveStatus(s.status)).map((s) => `statuses.${s.status}`),
      ...attributes.filter(isSensitiveAttributeValue).map((a) => `attributes.${a.attribute}`),
    ]),
  ]
  if (fields.length)
    await ctx.audit({ action: 'sensitive.read', entity: 'person', entityId: personId, detail: { fields } })
}

/** The file as GET /api/persons/:id answers it; a read that shows a sensitive status is audited. */
export async function readPerson(ctx: ServiceContext, id: string, loaded?: PersonViewRow): Promise<PersonDetail> {
  const p = loaded ?? (await loadPersonView(ctx.tx, ctx.actor, id, dayIn(ctx.now, ctx.actor.timeZone)))
  const today = dayIn(ctx.now, ctx.actor.timeZone)
  const can = abilitiesOn(ctx.actor, p)
  const withSensitive = can.seeSensitive
  const [statuses, stateToday] = await Promise.all([
    listStatuses(ctx.tx, p.id, { on: today, withSensitive }),
    attributeStateOn(ctx.tx, p.id, today, { withSensitive }),
  ])
  await auditSensitiveRead(ctx, p.id, { statuses, state: stateToday })
  return {
    id: p.id,
    lastName: p.last_name,
    firstName: p.first_name,
    sex: p.sex,
    birthDate: p.birth_date,
    age: ageOn(p.birth_date, today),
    phone: p.phone,
    email: p.email,
    address: p.address,
    postcode: p.postcode,
    communeCode: p.commune_code,
    communeName: p.commune_name,
    priorityArea: p.priority_area,
    siteId: p.site_id,
    siteName: p.site_name,
    referentId: p.referent_id,
    referentName: p.referent_name,
    firstReceptionDate: p.first_reception_date,
    referralSource: p.referral_source,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
    today,
    stateToday,
    statuses,
    sensitiveHidden: !can.seeSensitive,
    can,
  }
}

const invalid = (fields: FieldError[]) => {
  if (fields.length) throw new AppError('validation', 'Vérifiez les champs signalés.', fields)
}

/** Checks shared by creation and edition; returns the commune's name. */
async function checkIdentity(
  ctx: ServiceContext,
  body: PersonCreate | PersonUpdate,
  fields: FieldError[],
  current?: { site_id: string; referent_id: string | null },
) {
  const today = dayIn(ctx.now, ctx.actor.timeZone)
  if (body.birthDate > today) fields.push({ field: 'birthDate', message: 'La date de naissance est dans le futur.' })
  if (body.birthDate < '1900-01-01') fields.push({ field: 'birthDate', message: 'Date de naissance invalide.' })
  if (body.siteId !== current?.site_id) {
    const site = await findSite(ctx.tx, ctx.actor.structureId, body.siteId)
    if (!site?.active) fields.push({ field: 'siteId', message: 'Site inconnu ou fermé.' })
    // A new file goes to one of the actor's own sites; an existing one may be transferred to any site (audited).
    else if (!current && !can(ctx.actor.role, 'personsWholeStructure') && !ctx.actor.siteIds.includes(body.siteId))
      fields.push({ field: 'siteId', message: 'Choisissez l’un de vos sites.' })
  }
  if (body.referentId && body.referentId !== current?.referent_id)
    if (!(await findActiveCounsellor(ctx.tx, ctx.actor.structureId, body.referentId)))
      fields.push({ field: 'referentId', message: 'Le référent doit être un conseiller actif de la structure.' })
  if (!body.communeCode) return null
  // a former commune (an imported history) is kept as written; its name says which commune it is part of
  const commune = resolveCommune(body.communeCode)
  if (!commune) fields.push({ field: 'communeCode', message: 'Commune inconnue de la liste officielle.' })
  return commune?.name ?? null
}

function identityColumns(body: PersonCreate | PersonUpdate, communeName: string | null) {
  return {
    last_name: body.lastName,
    first_name: body.firstName,
    sex: body.sex,
    birth_date: body.birthDate,
    phone: body.phone,
    email: body.email,
    address: body.address,
    postcode: body.postcode,
    commune_code: body.communeCode,
    commune_name: communeName,
    priority_area: body.priorityArea,
    site_id: body.siteId,
    referent_id: body.referentId,
  }
}

/** `deps`: the mailer and the SMS settings, for a first interview's convocation. */
export async function createPerson(
  ctx: ServiceContext,
  input: PersonCreate,
  deps: Pick<Deps, 'mailer' | 'config'>,
): Promise<PersonDetail> {
  const { tx, actor, now } = ctx
  const today = dayIn(now, actor.timeZone)
  const fields: FieldError[] = []
  // the hand-off: a file enters a service programme and has a referent unless reception says "to assign"
  const handOff = await resolveHandOff(ctx, input, today, fields)
  const body = { ...input, referentId: handOff.referentId }
  const communeName = await checkIdentity(ctx, body, fields)
  const reception = { ...body.firstReception, siteId: body.firstReception.siteId ?? body.siteId }
  if (reception.date > today)
    fields.push({ field: 'firstReception.date', message: 'Le premier accueil ne peut pas être daté dans le futur.' })
  if (reception.date < body.birthDate)
    fields.push({ field: 'firstReception.date', message: 'Le premier accueil précède la naissance.' })
  if (reception.siteId !== body.siteId && !(await findSite(tx, actor.structureId, reception.siteId))?.active)
    fields.push({ field: 'firstReception.siteId', message: 'Site inconnu ou fermé.' })
  body.situation.statuses.forEach((s, i) => {
    if (s.startDate && s.startDate > today)
      fields.push({
        field: `situation.statuses.${i}.startDate`,
        message: 'Le statut ne peut pas commencer dans le futur.',
      })
  })
  invalid(fields)
  if (!canSeeSensitive(actor, { site_id: body.siteId, referent_id: body.referentId })) {
    const reserved: FieldError[] = [
      ...body.situation.statuses.flatMap((s, i) =>
        isSensitiveStatus(s.status)
          ? [{ field: `situation.statuses.${i}.status`, message: 'Statut réservé au conseiller qui suit la personne.' }]
          : [],
      ),
      ...body.situation.attributes.flatMap((a, i) =>
        isSensitiveAttribute(a.attribute)
          ? [
              {
                field: `situation.attributes.${i}.attribute`,
                message: 'Ressources réservées au conseiller qui suit la personne.',
              },
            ]
          : [],
      ),
    ]
    if (reserved.length)
      throw new AppError(
        'forbidden',
        'Seul un conseiller qui suit la personne peut enregistrer le RSA, les ressources, la RQTH ou la justice.',
        reserved,
      )
  }

  // Under a lock: the same newcomer entered at several desks at once is checked one desk after the other.
  if (!body.confirmNotDuplicate) await lockIdentity(tx, actor.structureId, body.birthDate)
  const duplicates = await findDuplicates(tx, actor, body, today)
  if (duplicates.length && !body.confirmNotDuplicate)
    throw new AppError(
      'conflict',
      'Cette personne semble déjà connue de la structure. Vérifiez la liste ; si c’est bien quelqu’un d’autre, confirmez.',
      duplicates.map((d, i) => ({ field: `duplicates.${i}`, message: describeDuplicate(d) })),
    )

  const { id } = await tx
    .insertInto('person')
    .values({
      structure_id: actor.structureId,
      ...identityColumns(body, communeName),
      first_reception_date: reception.date,
      referral_source: reception.referralSource,
      search_name: '', // set by the person_search_name trigger
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Other modules add their part of a new file (the accompaniment records the first reception as an event).
  await personCreated(tx, {
    structureId: actor.structureId,
    personId: id,
    firstReception: { date: reception.date, siteId: reception.siteId },
    programmeId: handOff.programmeId,
    referentId: body.referentId,
    userId: actor.userId,
    now,
  })
  // the first interview, in the referent's agenda (the agenda's rules: a clash is 409 and nothing is kept)
  const interview = body.firstInterview
    ? await bookFirstInterview(ctx, {
        personId: id,
        siteId: body.siteId,
        counsellorId: body.referentId,
        interview: body.firstInterview,
        reach: { email: body.email, phone: body.phone },
      })
    : null
  const interviewText = interview
    ? `, premier entretien le ${frenchDate(interview.date)} à ${interview.start.replace(':', 'h')}`
    : ''
  // the referent is told that a file was given to them (unless they created it themselves)
  if (body.referentId && body.referentId !== actor.userId)
    await notify(
      tx,
      {
        structureId: actor.structureId,
        recipientId: body.referentId,
        text: `Nouveau dossier confié : ${body.lastName.toUpperCase()} ${body.firstName}, premier accueil le ${frenchDate(reception.date)}${interviewText}.`,
        link: `/personnes/${id}`,
      },
      now,
    )
  for (const a of body.situation.attributes)
    await insertAttribute(tx, {
      structureId: actor.structureId,
      personId: id,
      attribute: a.attribute,
      ...resolveAttributeValue(a),
      validFrom: reception.date,
      recordedBy: actor.userId,
      recordedAt: now,
    })
  for (const s of body.situation.statuses)
    await insertStatus(tx, {
      structureId: actor.structureId,
      personId: id,
      status: s.status,
      detail: s.detail,
      startDate: s.startDate ?? reception.date,
      endDate: null,
      recordedBy: actor.userId,
      recordedAt: now,
    })
  await ctx.audit({
    action: 'create',
    entity: 'person',
    entityId: id,
    detail: {
      siteId: body.siteId,
      referentId: body.referentId,
      ...(input.referentId === undefined ? { referentSuggested: true } : {}),
      programmeId: handOff.programmeId,
      firstReception: reception,
      attributes: body.situation.attributes.map((a) => a.attribute),
      statuses: body.situation.statuses.map((s) => (isSensitiveStatus(s.status) ? 'sensitive' : s.status)),
      ...(duplicates.length ? { confirmedNotDuplicateOf: duplicates.map((d) => d.personId) } : {}),
      ...(interview ? { firstInterview: interview.id } : {}),
    },
  })
  // last, once the file is written: the convocation the person agreed to at reception
  if (interview?.convocation) await convokeFirstInterview(ctx, deps, id, interview.id)
  return readPerson(ctx, id)
}

const auditedFields = {
  lastName: 'last_name',
  firstName: 'first_name',
  sex: 'sex',
  birthDate: 'birth_date',
  phone: 'phone',
  email: 'email',
  address: 'address',
  postcode: 'postcode',
  communeCode: 'commune_code',
  priorityArea: 'priority_area',
  siteId: 'site_id',
  referentId: 'referent_id',
} as const

export async function updatePerson(ctx: ServiceContext, id: string, body: PersonUpdate): Promise<PersonDetail> {
  const { tx, actor, now } = ctx
  const current = await loadPersonView(tx, actor, id, dayIn(now, actor.timeZone))
  const fields: FieldError[] = []
  const communeName = await checkIdentity(ctx, body, fields, current)
  invalid(fields)
  await ensureUpdated(
    await tx
      .updateTable('person')
      .set({ ...identityColumns(body, communeName), updated_at: now, version: body.version + 1 })
      .where('id', '=', id)
      .where('structure_id', '=', actor.structureId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst(),
    async () => true,
    'Cette personne',
  )
  // Names of the changed fields only: the values are personal data and stay in the file, not in the audit trail.
  const changed = Object.entries(auditedFields)
    .filter(([field, column]) => (body[field as keyof typeof auditedFields] ?? null) !== current[column])
    .map(([field]) => field)
  await ctx.audit({
    action: 'update',
    entity: 'person',
    entityId: id,
    detail: {
      changed,
      ...(changed.includes('siteId') ? { siteId: { from: current.site_id, to: body.siteId } } : {}),
      ...(changed.includes('referentId') ? { referentId: { from: current.referent_id, to: body.referentId } } : {}),
    },
  })
  // After a transfer the file may have left the actor's scope: answer it once more, as it now is.
  return readPerson(ctx, id, await loadPersonView(tx, actor, id, dayIn(now, actor.timeZone), { inStructure: true }))
}

/**
 * The programme the new file enters and its referent: as given, or by the structure's rules (reception.service.ts).
 * A programme that cannot be told (several of the same kind) is asked for: `programmeId`.
 */
async function resolveHandOff(ctx: ServiceContext, body: PersonCreate, today: string, fields: FieldError[]) {
  const programmes = await receptionProgrammes(ctx.tx, ctx.actor.structureId)
  let programmeId: string | null = null
  if (body.programmeId) {
    if (programmes.some((p) => p.id === body.programmeId)) programmeId = body.programmeId
    else fields.push({ field: 'programmeId', message: 'Programme d’accueil inconnu ou fermé.' })
  } else if (programmes.length) {
    programmeId = defaultProgramme(programmes, body.birthDate, today)?.id ?? null
    if (!programmeId) fields.push({ field: 'programmeId', message: 'Choisissez le programme d’accueil.' })
  }
  const referentId =
    body.referentId !== undefined
      ? body.referentId
      : ((await suggestReferent(ctx.tx, ctx.actor.structureId, body.siteId))?.id ?? null)
  return { programmeId, referentId }
}
