import { sql } from 'kysely'
import type { Command } from '../../cli/command.ts'
import { type Db, openPostgres } from '../../db/database.ts'
import { describeChain, verifyAuditChain } from './audit.chain.ts'
import { grantContext, grantStatements, isValidRoleName } from './db-grants.ts'

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify : recalcule la chaîne d’empreintes du journal d’audit et signale la première ligne altérée',
  usage: 'jalon audit verify',
  run: async ({ deps, positionals, log }) => {
    if (positionals[0] !== 'verify') {
      log('Usage : jalon audit verify')
      return 2
    }
    const report = await verifyAuditChain(deps.db.kysely)
    log(describeChain(report))
    return report.ok ? 0 : 1
  },
}

export const dbGrantsCommand: Command = {
  name: 'db-grants',
  summary: 'Affiche (ou applique avec --apply) les droits du rôle PostgreSQL de l’application (docs/operations.md)',
  usage: 'jalon db-grants <rôle> [--apply]',
  options: { apply: { type: 'boolean' } },
  run: async ({ deps, values, positionals, log }) => {
    const role = positionals[0]
    if (!role || !isValidRoleName(role)) {
      log('Usage : jalon db-grants <rôle> [--apply] (nom de rôle en minuscules, chiffres et _)')
      return 2
    }
    const ownerUrl = deps.config.migrationDatabaseUrl ?? deps.config.databaseUrl
    if (!ownerUrl || deps.db.kind !== 'postgres') {
      log('PGlite n’a pas de rôles : ces droits ne concernent que PostgreSQL (DATABASE_URL).')
      return 1
    }
    // the owner's connection: MIGRATION_DATABASE_URL when set (DATABASE_URL is then the application's role)
    const owner: Db = deps.config.migrationDatabaseUrl ? await openPostgres(ownerUrl) : deps.db
    try {
      const ctx = await grantContext(owner.kysely, role)
      const refusal = !ctx.role
        ? `Le rôle « ${role} » n’existe pas : créez-le d’abord (CREATE ROLE ${role} LOGIN PASSWORD '…';).`
        : ctx.role.superuser
          ? `Le rôle « ${role} » est superutilisateur : aucun droit ne le limite. Choisissez un rôle ordinaire.`
          : role === ctx.owner || ctx.role.memberOfOwner
            ? `Le rôle « ${role} » est (ou hérite de) « ${ctx.owner} », propriétaire des tables : il pourrait lever les protections. Choisissez un autre rôle.`
            : ctx.role.ownsDatabase
              ? `Le rôle « ${role} » est propriétaire de la base « ${ctx.database} » : choisissez un autre rôle.`
              : undefined
      const statements = grantStatements({ role, owner: ctx.owner, database: ctx.database, schema: ctx.schema })
      if (values.apply !== true) {
        log(`-- Droits du rôle applicatif « ${role} » sur la base « ${ctx.database} » (tables de « ${ctx.owner} »).`)
        log(`-- À exécuter en tant que « ${ctx.owner} », ou : jalon db-grants ${role} --apply`)
        if (refusal) log(`-- ATTENTION : ${refusal}`)
        for (const s of statements) log(`${s};`)
        return refusal ? 1 : 0
      }
      if (refusal) {
        log(refusal)
        return 1
      }
      await owner.kysely.transaction().execute(async (tx) => {
        for (const s of statements) await sql.raw(s).execute(tx)
      })
      log(`Droits accordés au rôle « ${role} » (${statements.length} instructions).`)
      return 0
    } finally {
      if (owner !== deps.db) await owner.close()
    }
  },
}
