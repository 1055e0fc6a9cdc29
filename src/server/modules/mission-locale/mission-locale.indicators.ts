import type { IndicatorDeclaration } from '../../reporting/indicator.ts'
import { civis } from './indicators/civis.ts'
import { youthInContact, youthInContactShares } from './indicators/contact.ts'
import { firstReceptions } from './indicators/first-receptions.ts'
import { propositions } from './indicators/propositions.ts'
import { situationEntriesIndicator } from './indicators/situations.ts'

/** The Mission Locale family, in the order of the report's chapter. */
export const mlIndicators: IndicatorDeclaration[] = [
  youthInContact,
  youthInContactShares,
  firstReceptions,
  propositions,
  situationEntriesIndicator,
  civis,
]
