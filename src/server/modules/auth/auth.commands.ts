import type { Command } from '../../cli/command.ts'
import { rotateTotpSecrets } from './totp.service.ts'
import { keyId } from './totp-crypto.ts'

/** After a new TOTP_ENCRYPTION_KEY (the previous one moved to TOTP_ENCRYPTION_KEYS_OLD): every secret sealed with it. */
export const rotateTotpKeyCommand: Command = {
  name: 'rotate-totp-key',
  summary:
    'Chiffre de nouveau les secrets de double authentification avec TOTP_ENCRYPTION_KEY (anciennes clés dans TOTP_ENCRYPTION_KEYS_OLD)',
  usage: 'jalon rotate-totp-key',
  run: async ({ deps, log }) => {
    const keys = deps.config.totpKeys
    const r = await rotateTotpSecrets(deps.db.kysely, keys)
    log(
      `Clé ${keyId(keys.current)} : ${r.resealed} secret(s) chiffré(s) de nouveau sur ${r.total}` +
        (r.unreadable ? `, ${r.unreadable} illisible(s) avec les clés configurées.` : '.'),
    )
    if (r.unreadable) {
      log('Ajoutez la clé manquante à TOTP_ENCRYPTION_KEYS_OLD et relancez la commande.')
      return 1
    }
    if (keys.old.length) log('Vous pouvez maintenant retirer TOTP_ENCRYPTION_KEYS_OLD de la configuration.')
    return 0
  },
}
