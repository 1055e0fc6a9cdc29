import { sql } from 'kysely'
import { situationKindCodes } from '../../../shared/nomenclatures/accompaniment.ts'
import { type AttributeKind, attributeKinds } from '../../../shared/nomenclatures/person.ts'
import type { Fixture } from '../builders.ts'
import { buildYouth } from '../reporting.builders.ts'
import type { FactsWorld } from './facts.world.ts'
import type { Op } from './facts.write-ops.ts'

// Test support (kept in the test kit: it writes every module's tables, as the application would): applies a random write (facts.write-ops.ts) to the world of facts.world.ts, as the application or an
// operator would.

const attributes = Object.keys(attributeKinds) as AttributeKind[]
const themes = ['employment_access', 'training', 'housing', 'health', 'citizenship', 'local_theme']
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]

async function ids(
  w: FactsWorld,
  table: 'person' | 'event' | 'person_attribute' | 'enrolment' | 'proposition' | 'situation',
) {
  return (await w.db.kysely.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id)
}

/** a person row and the structure it belongs to */
async function personAt(w: FactsWorld, n: number) {
  const { a, b } = w
  const persons = await w.db.kysely.selectFrom('person').select(['id', 'structure_id']).orderBy('id').execute()
  if (!persons.length) return undefined
  const p = pick(persons, n)
  return { id: p.id, fx: p.structure_id === a.structureId ? a : b }
}

const endOf = (start: string, exit: string | null) => (exit && exit < start ? start : exit)

/** applies one write (a statement or a few), as the application or an operator would */
export async function applyWrite(w: FactsWorld, o: Op) {
  const { db, a, b, civis } = w
  const k = db.kysely
  const at = async (table: Parameters<typeof ids>[1], n: number) => {
    const list = await ids(w, table)
    return list.length ? pick(list, n) : undefined
  }
  switch (o.op) {
    case 'person': {
      const fx = o.s ? a : b
      const id = await buildYouth(db, fx, {
        sex: o.sex,
        birth: `${o.birth}-06-15`,
        siteId: o.site ? fx.sites.a : fx.sites.b,
        firstReception: o.reception,
        ml: { entry: o.ml },
      })
      return void id
    }
    case 'personUpdate': {
      const p = await personAt(w, o.i)
      if (!p) return
      const row = await k
        .selectFrom('person')
        .select(['site_id', 'priority_area'])
        .where('id', '=', p.id)
        .executeTakeFirstOrThrow()
      const change = [
        { sex: o.sex },
        { birth_date: `${o.birth}-12-31` },
        { first_reception_date: o.reception },
        { site_id: row.site_id === p.fx.sites.a ? p.fx.sites.b : p.fx.sites.a },
        { priority_area: row.priority_area ? null : ('qpv' as const) },
        { last_name: 'Renommé' }, // no fact depends on it
      ][o.what]
      return void (await k.updateTable('person').set(change).where('id', '=', p.id).execute())
    }
    case 'personDelete': {
      const p = await personAt(w, o.i)
      if (p) await k.deleteFrom('person').where('id', '=', p.id).execute()
      return
    }
    case 'event': {
      const p = await personAt(w, o.i)
      if (!p) return
      return void (await buildEventRow(w, p, o.date, o.absent))
    }
    case 'eventUpdate': {
      const id = await at('event', o.i)
      if (id)
        await k
          .updateTable('event')
          .set({ ...(o.date ? { date: o.date } : {}), attendance: o.absent ? 'absent' : null })
          .where('id', '=', id)
          .execute()
      return
    }
    case 'eventsShift': {
      // several events of one person in one statement
      const p = await personAt(w, o.i)
      if (p) await sql`UPDATE event SET date = date + ${o.days}::int WHERE person_id = ${p.id}`.execute(k)
      return
    }
    case 'eventDelete': {
      const id = await at('event', o.i)
      if (id) await k.deleteFrom('event').where('id', '=', id).execute()
      return
    }
    case 'attribute': {
      const p = await personAt(w, o.i)
      if (!p) return
      const attribute = pick(attributes, o.kind)
      const value = pick(attributeKinds[attribute].codes as readonly string[], o.value)
      await k
        .insertInto('person_attribute')
        .values({
          structure_id: p.fx.structureId,
          person_id: p.id,
          attribute,
          value,
          level_2019: null,
          valid_from: o.date,
          recorded_by: null,
        })
        .onConflict((c) => c.doNothing())
        .execute()
      return
    }
    case 'attributeUpdate': {
      const id = await at('person_attribute', o.i)
      if (!id) return
      const row = await k.selectFrom('person_attribute').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      const value = pick(attributeKinds[row.attribute as AttributeKind].codes as readonly string[], o.value)
      const clash = await k
        .selectFrom('person_attribute')
        .select('id')
        .where('person_id', '=', row.person_id)
        .where('attribute', '=', row.attribute)
        .where('valid_from', '=', o.date)
        .where('id', '<>', id)
        .executeTakeFirst()
      await k
        .updateTable('person_attribute')
        .set(clash ? { value } : { value, valid_from: o.date })
        .where('id', '=', id)
        .execute()
      return
    }
    case 'attributeDelete': {
      const id = await at('person_attribute', o.i)
      if (id) await k.deleteFrom('person_attribute').where('id', '=', id).execute()
      return
    }
    case 'enrolment': {
      const p = await personAt(w, o.i)
      if (!p) return
      const programme = [p.fx.programmes.ml, p.fx.programmes.plie, p.fx === a ? civis.a : civis.b][o.programme]
      await k
        .insertInto('enrolment')
        .values({
          structure_id: p.fx.structureId,
          person_id: p.id,
          programme_id: programme,
          external_id: null,
          entry_date: o.entry,
          exit_date: endOf(o.entry, o.exit),
          exit_reason: null,
          reinforced: o.reinforced,
          referent_id: null,
        })
        .execute()
      return
    }
    case 'enrolmentUpdate': {
      const id = await at('enrolment', o.i)
      if (!id) return
      const row = await k.selectFrom('enrolment').select('structure_id').where('id', '=', id).executeTakeFirstOrThrow()
      const fx = row.structure_id === a.structureId ? a : b
      const programme = [fx.programmes.ml, fx.programmes.plie, fx === a ? civis.a : civis.b][o.programme]
      await k
        .updateTable('enrolment')
        .set({ entry_date: o.entry, exit_date: endOf(o.entry, o.exit), programme_id: programme })
        .where('id', '=', id)
        .execute()
      return
    }
    case 'enrolmentDelete': {
      const id = await at('enrolment', o.i)
      if (id) await k.deleteFrom('enrolment').where('id', '=', id).execute()
      return
    }
    case 'proposition': {
      // one statement for this person and up to three others
      const persons = await db.kysely.selectFrom('person').select(['id', 'structure_id']).orderBy('id').execute()
      if (!persons.length) return
      const chosen = [...new Set(Array.from({ length: o.others + 1 }, (_, n) => pick(persons, o.i + n * 7)))]
      await k
        .insertInto('proposition')
        .values(
          chosen.map((p) => ({
            structure_id: p.structure_id,
            person_id: p.id,
            external_id: null,
            date: o.date,
            domain: pick(themes, o.theme) === 'housing' ? 'social' : 'professional',
            theme: pick(themes, o.theme),
            text: null,
            duration_minutes: null,
            counsellor_id: null,
            site_id: null,
          })),
        )
        .execute()
      return
    }
    case 'propositionUpdate': {
      const id = await at('proposition', o.i)
      if (id)
        await k
          .updateTable('proposition')
          .set({ theme: pick(themes, o.theme), date: o.date })
          .where('id', '=', id)
          .execute()
      return
    }
    case 'propositionsDelete': {
      await sql`DELETE FROM proposition WHERE date BETWEEN ${o.from}::date AND ${o.from}::date + ${o.days}::int`.execute(
        k,
      )
      return
    }
    case 'situation': {
      const p = await personAt(w, o.i)
      if (!p) return
      await k
        .insertInto('situation')
        .values({
          structure_id: p.fx.structureId,
          person_id: p.id,
          external_id: null,
          kind: pick(situationKindCodes, o.kind),
          start_date: o.date,
          planned_end_date: null,
          end_date: null,
          organisation_name: null,
          hours_per_week: null,
          counsellor_id: null,
          note: null,
        })
        .execute()
      return
    }
    case 'situationUpdate': {
      const id = await at('situation', o.i)
      if (id)
        await k
          .updateTable('situation')
          .set({ kind: pick(situationKindCodes, o.kind), start_date: o.date })
          .where('id', '=', id)
          .execute()
      return
    }
    case 'situationDelete': {
      const id = await at('situation', o.i)
      if (id) await k.deleteFrom('situation').where('id', '=', id).execute()
      return
    }
    case 'crowd': {
      // many persons in each statement (an import's batch): their files, their enrolments, an event each
      await sql`INSERT INTO person (structure_id, last_name, first_name, sex, birth_date, site_id, search_name,
          first_reception_date)
        SELECT ${a.structureId}, 'Foule' || g, 'Camille', CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END,
          make_date(1985 + g % 8, 1 + g % 12, 1 + g % 28), ${a.sites.a}::uuid, '', ${o.date}::date - g
        FROM generate_series(1, ${o.n}) AS g`.execute(k)
      await sql`INSERT INTO enrolment (structure_id, person_id, programme_id, entry_date)
        SELECT structure_id, id, ${a.programmes.ml}::uuid, ${o.date}::date - 400 FROM person WHERE last_name LIKE 'Foule%'
          AND NOT EXISTS (SELECT 1 FROM enrolment en WHERE en.person_id = person.id)`.execute(k)
      await sql`INSERT INTO event (structure_id, person_id, kind, date, attendance)
        SELECT structure_id, id, 'workshop', ${o.date}::date, 'present' FROM person WHERE last_name LIKE 'Foule%'`.execute(
        k,
      )
      return
    }
    case 'programmeType': {
      // the administration refuses it once a programme is used; the facts follow it all the same
      await k.updateTable('programme').set({ type: o.type }).where('id', 'in', [civis.a, civis.b]).execute()
      return
    }
  }
}

async function buildEventRow(w: FactsWorld, p: { id: string; fx: Fixture }, date: string, absent: boolean) {
  await w.db.kysely
    .insertInto('event')
    .values({
      structure_id: p.fx.structureId,
      person_id: p.id,
      external_id: null,
      kind: 'individual_interview',
      date,
      site_id: null,
      counsellor_id: null,
      duration_minutes: null,
      attendance: absent ? 'absent' : 'present',
      note: null,
    })
    .execute()
}
