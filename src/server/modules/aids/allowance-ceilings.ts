import { formatEuros } from '../../../shared/money.ts'
import type { AidFundTable } from './aids.tables.ts'
import { type AidsCtx, invalid } from './aids-ctx.ts'
import { allowanceTotals, lockPersonFund } from './allowance.repository.ts'

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`

/**
 * The allowance's legal ceilings (docs/aids.md « The CIVIS/CEJ allowance »), on every way a month is asked (the request
 * form, the allowance's own route): the person's requests of that month and of that year on the fund, with this one,
 * stay within the fund's monthly and yearly ceilings (refused, redirected and cancelled ones aside). The asks of one
 * person on one fund are serialised by a transaction lock, so two at once cannot both pass.
 */
export async function checkAllowanceCeilings(
  ctx: AidsCtx,
  fund: Pick<AidFundTable, 'code' | 'ceiling_month_cents' | 'ceiling_person_year_cents'> & { id: string },
  personId: string,
  month: string,
  amount: number,
) {
  const monthCeiling = fund.ceiling_month_cents === null ? null : Number(fund.ceiling_month_cents)
  const yearCeiling = fund.ceiling_person_year_cents === null ? null : Number(fund.ceiling_person_year_cents)
  await lockPersonFund(ctx.tx, ctx.actor.structureId, fund.id, personId)
  const had = await allowanceTotals(ctx.tx, ctx.actor.structureId, fund.id, personId, month)
  if (monthCeiling !== null && had.month + amount > monthCeiling)
    throw invalid(
      'amountAskedCents',
      `Plafond mensuel du ${fund.code} : ${formatEuros(monthCeiling)} ; il reste ${formatEuros(Math.max(monthCeiling - had.month, 0))} pour ${monthLabel(month)}.`,
    )
  if (yearCeiling !== null && had.year + amount > yearCeiling)
    throw invalid(
      'amountAskedCents',
      `Plafond annuel du ${fund.code} : ${formatEuros(yearCeiling)} ; il reste ${formatEuros(Math.max(yearCeiling - had.year, 0))} pour ${month.slice(0, 4)}.`,
    )
}
