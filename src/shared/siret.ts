// SIREN and SIRET keys (INSEE): one definition for every module (the training bodies, the employers, their imports).
// A SIREN has 9 digits, a SIRET 14 (the SIREN then the establishment's NIC), each with a Luhn key: the Luhn sum is a
// multiple of 10. La Poste's establishments (SIREN 356 000 000) follow their own rule instead: the sum of the 14 digits
// is a multiple of 5 (its head office, 356 000 000 00048, keeps the Luhn rule).

export const LA_POSTE_SIREN = '356000000'
const LA_POSTE_HEAD_OFFICE = `${LA_POSTE_SIREN}00048`

/** the Luhn sum of a string of digits (the rightmost digit is not doubled) */
function luhnSum(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum
}

export const luhnValid = (digits: string): boolean => luhnSum(digits) % 10 === 0

/** spaces, dots and dashes taken out: « 356 000 000 00048 » → « 35600000000048 » */
export const normaliseSiret = (v: string): string => v.replace(/[\s.-]/g, '')

/** null when the SIREN is valid, else why not (in French) */
export function sirenError(siren: string): string | null {
  if (!/^[0-9]{9}$/.test(siren)) return 'Le SIREN compte 9 chiffres.'
  return luhnValid(siren) ? null : 'SIREN invalide : la clé de contrôle ne correspond pas (vérifiez les chiffres).'
}

/** null when the SIRET is valid, else why not (in French) */
export function siretError(siret: string): string | null {
  if (!/^[0-9]{14}$/.test(siret)) return 'Le SIRET compte 14 chiffres.'
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0)
    return sum % 5 === 0 ? null : 'SIRET invalide : la clé de contrôle ne correspond pas.'
  }
  return luhnValid(siret) ? null : 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les chiffres).'
}

export const isSiret = (v: string): boolean => siretError(v) === null

/**
 * Completes 13 digits with the last one that makes a valid Luhn key (demo data and tests). The key digit is not a
 * check digit of its own: any of the ten values may be needed, so it is searched.
 */
export function withLuhnKey(first13: string): string {
  if (!/^[0-9]{13}$/.test(first13)) throw new Error(`13 digits expected: ${first13}`)
  for (let d = 0; d <= 9; d++) if (luhnValid(first13 + d)) return first13 + d
  throw new Error('unreachable: one of ten digits completes a Luhn sum')
}
