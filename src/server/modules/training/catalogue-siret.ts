// A SIRET's check (docs/training/catalogue.md): 14 digits whose Luhn sum is a multiple of 10; La Poste's
// establishments (SIREN 356 000 000) follow their own rule instead: the sum of the 14 digits is a multiple of 5.

const LA_POSTE = '356000000'

export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** null when the SIRET is valid, else why not (in French). */
export function siretError(siret: string): string | null {
  if (!/^[0-9]{14}$/.test(siret)) return 'Le SIRET compte 14 chiffres.'
  if (siret.startsWith(LA_POSTE) && siret !== `${LA_POSTE}00048`) {
    const sum = [...siret].reduce((s, c) => s + Number(c), 0)
    return sum % 5 === 0 ? null : 'SIRET invalide : la clé de contrôle ne correspond pas.'
  }
  return luhnValid(siret) ? null : 'SIRET invalide : la clé de contrôle ne correspond pas (vérifiez les chiffres).'
}
