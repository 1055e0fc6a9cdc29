import { type Insertable, type RawBuilder, sql } from 'kysely'
import { DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type {
  AidCommissionMemberTable,
  AidCommissionTable,
  AidContractTable,
  AidPaymentRunTable,
  AidPaymentTable,
  AidProjectHolderTable,
  AidProjectTable,
  AidRequestTable,
} from './aids.tables.ts'
import { type DemoFundCode, demoFunds } from './aids-demo.funds.ts'

// The aids demo's plan (aids.demo.ts): the rows of every table gathered before they are written, and what the
// demo's parts share (the young persons, the demo's accounts).
export const COUNSELLOR = 'conseiller@demo.jalon.fr'
export const OFFICER = 'aides@demo.jalon.fr'
export const HOUR = 3_600_000
export const json = <T>(v: readonly T[] | undefined) => sql<T[]>`${JSON.stringify(v ?? [])}::jsonb`

export interface Young {
  id: string
  site_id: string
  referent_id: string | null
  adult: boolean
  /** enrolled in CIVIS or CEJ today */
  scheme: boolean
}
export type Row<T> = Insertable<T> & { id: string }
/** the documents as a jsonb expression (the driver would write an array as a PostgreSQL array) */
export type Request = Omit<Row<AidRequestTable>, 'documents'> & { documents?: RawBuilder<string[]> }
export type Payment = Row<AidPaymentTable>
export type Asked = Partial<Request> & { purpose: string; amount_asked_cents: number; hoursAgo: number; who?: Young }

/** The rows of every table, gathered, then written in the order their keys want. */
export class Plan {
  readonly random = new Random(0xa1d5)
  readonly requests: Request[] = []
  readonly payments: Payment[] = []
  readonly commissions: Row<AidCommissionTable>[] = []
  readonly members: Insertable<AidCommissionMemberTable>[] = []
  readonly projects: Row<AidProjectTable>[] = []
  readonly holders: Insertable<AidProjectHolderTable>[] = []
  readonly contracts: Row<AidContractTable>[] = []
  readonly runs: Row<AidPaymentRunTable>[] = []
  #next = 0
  #recorded = 0
  constructor(
    readonly ctx: DemoContext,
    readonly today: string,
    readonly funds: Map<DemoFundCode, string>,
    readonly young: Young[],
    readonly officer: string | null,
  ) {}

  get s() {
    return this.ctx.structureId
  }
  at = (hoursAgo: number) => new Date(this.ctx.now.getTime() - hoursAgo * HOUR)
  day = (d: Date) => dayIn(d, DEFAULT_TIME_ZONE)

  /** the next young person (the FIPJ: CIVIS / CEJ first; the FDAJ: adults): each used once, then again */
  person(fund: DemoFundCode): Young {
    const adults = this.young.filter((y) => y.adult)
    const list =
      fund === 'FIPJ'
        ? [...this.young.filter((y) => y.scheme), ...this.young.filter((y) => !y.scheme)]
        : fund === 'FDAJ' && adults.length
          ? adults
          : this.young
    return list[this.#next++ % list.length]!
  }

  ask(fund: DemoFundCode, o: Asked): Request {
    const { hoursAgo, who: given, ...rest } = o
    const who = given ?? this.person(fund)
    const asked = this.at(hoursAgo)
    const r: Request = {
      structure_id: this.s,
      id: this.random.uuid(),
      person_id: who.id,
      fund_id: this.funds.get(fund)!,
      site_id: who.site_id,
      asked_on: this.day(asked),
      asked_at: asked,
      asked_by: who.referent_id ?? this.ctx.userIds.get(COUNSELLOR) ?? null,
      documents: json(demoFunds.find((f) => f.code === fund)!.documents),
      external_id: null,
      ...rest,
    }
    this.requests.push(r)
    return r
  }

  /** the decision: an hour after the request, or at `when` */
  decide(r: Request, status: Request['status'], granted: number | null, when?: Date): Request {
    const decided = when ?? new Date((r.asked_at as Date).getTime() + HOUR)
    return Object.assign(r, {
      status,
      amount_granted_cents: granted,
      decided_on: this.day(decided),
      decided_at: decided,
      decided_by: this.officer,
    })
  }

  /**
   * A payment on its day (default: the decision's), or an instalment due (`due_on`, not paid). Recorded at 9:00 UTC on
   * its day, or at the decision for an instalment, a minute apart in the order written: a payment comes before its
   * counter-entry in the bundle.
   */
  pay(r: Request, amount: number, mode: Payment['mode'], o: Partial<Payment> = {}): Payment {
    const paid = o.due_on ? null : (o.paid_on ?? r.decided_on!)
    const base = paid ? new Date(`${paid}T09:00:00Z`) : (r.decided_at as Date)
    const p: Payment = {
      structure_id: this.s,
      id: this.random.uuid(),
      request_id: r.id,
      amount_cents: amount,
      mode,
      paid_on: paid,
      recorded_by: this.officer,
      recorded_at: new Date(base.getTime() + ++this.#recorded * 60_000),
      external_id: null,
      ...o,
    }
    this.payments.push(p)
    return p
  }

  commission(fund: DemoFundCode, date: string, status: 'planned' | 'held', note: string) {
    const c = {
      structure_id: this.s,
      id: this.random.uuid(),
      fund_id: this.funds.get(fund)!,
      date,
      status,
      note,
      external_id: null,
      created_by: this.officer,
    }
    this.commissions.push(c)
    return c
  }
}
