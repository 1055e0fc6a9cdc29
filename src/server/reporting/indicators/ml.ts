import type { IndicatorDeclaration } from '../indicator.ts'
import { civis } from './ml/civis.ts'
import { youthInContact, youthInContactShares } from './ml/contact.ts'
import { firstReceptions } from './ml/first-receptions.ts'
import { propositions } from './ml/propositions.ts'
import { situationEntriesIndicator } from './ml/situations.ts'

/** The Mission Locale family, in the order of the report's chapter. */
export const mlIndicators: IndicatorDeclaration[] = [
  youthInContact,
  youthInContactShares,
  firstReceptions,
  propositions,
  situationEntriesIndicator,
  civis,
]
