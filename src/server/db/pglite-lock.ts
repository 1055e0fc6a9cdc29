import { randomUUID } from 'node:crypto'
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * PGlite is single-process: two processes on one data folder damage it for good (`RuntimeError: Aborted()` at the next
 * open). The process that opens a folder holds `jalon.lock` inside it until it closes the database or exits; the file names
 * the holder (pid, machine, command, start) so a second process can refuse with a useful message.
 *
 * Why not proper-lockfile: its staleness is an mtime refreshed by a timer, and PGlite runs its queries on the main thread,
 * so a long query (the 2009 data set, a report) can starve the timer and let a second process take a live lock; after a
 * crash it also makes the next open wait. A pid is exact: alive → refuse, dead → take over at once.
 */
export const LOCK_FILE = 'jalon.lock'

interface Holder {
  pid: number
  hostname: string
  /** ISO time the holder opened the folder */
  startedAt: string
  command: string
  /** Linux: boot id and the process's start in clock ticks since boot, so a reused pid is not taken for the holder */
  bootId?: string
  procStart?: string
}

export class FolderHeldError extends Error {
  constructor(
    message: string,
    readonly dir: string,
    readonly lockPath: string,
    readonly holder: Holder | undefined,
  ) {
    super(message)
    this.name = 'FolderHeldError'
  }
}

export interface FolderLock {
  lockPath: string
  release(): void
}

/** Locks held by this process: lock path → the exact content written, released at exit if not before. */
const held = new Map<string, string>()
let exitHook = false

/** Takes the folder's lock or throws FolderHeldError. A lock whose process is gone is taken over, and `log` says so. */
export function lockFolder(dir: string, log: (msg: string) => void = console.warn): FolderLock {
  // the real path: the same folder reached through a symbolic link is the same folder
  const folder = realpathSync(resolve(dir))
  const lockPath = join(folder, LOCK_FILE)
  if (held.has(lockPath)) throw heldError(folder, lockPath, readHolder(lockPath), 'ce processus-ci')
  const mine = JSON.stringify(currentHolder(), null, 2)
  // a few rounds: each lost race (another process creating or taking over at the same moment) starts again
  for (let round = 0; round < 5; round++) {
    if (create(lockPath, mine)) {
      held.set(lockPath, mine)
      if (!exitHook) {
        exitHook = true
        process.on('exit', () => {
          for (const path of [...held.keys()]) releaseLock(path)
        })
      }
      return { lockPath, release: () => releaseLock(lockPath) }
    }
    const raw = readOrUndefined(lockPath)
    if (raw === undefined) continue // released in between
    const holder = parse(raw)
    const stale = holder && whyStale(holder)
    if (!holder || !stale) throw heldError(folder, lockPath, holder)
    if (takeOver(lockPath, raw))
      log(
        `Verrou périmé repris sur ${folder} : ${describe(holder)} s’est arrêté sans fermer la base (${stale}). ` +
          'Si la base refuse de s’ouvrir, restaurez la dernière sauvegarde du dossier.',
      )
  }
  throw heldError(folder, lockPath, readHolder(lockPath))
}

function releaseLock(lockPath: string) {
  const mine = held.get(lockPath)
  if (mine === undefined) return
  held.delete(lockPath)
  // never remove a lock that is no longer ours (someone deleted ours by hand and another process took the folder)
  if (readOrUndefined(lockPath) !== mine) return
  try {
    unlinkSync(lockPath)
  } catch {}
}

/** Creates the lock atomically with its whole content: a hard link fails if the name exists, and never shows a half file. */
function create(lockPath: string, content: string): boolean {
  const tmp = `${lockPath}.${process.pid}.${randomUUID()}.tmp`
  writeFileSync(tmp, content, { flag: 'wx' })
  try {
    linkSync(tmp, lockPath)
    return true
  } catch (error) {
    if (code(error) === 'EEXIST') return false
    // a file system without hard links: an exclusive create, then the content
    let fd: number
    try {
      fd = openSync(lockPath, 'wx')
    } catch (inner) {
      if (code(inner) === 'EEXIST') return false
      throw inner
    }
    try {
      writeSync(fd, content)
    } finally {
      closeSync(fd)
    }
    return true
  } finally {
    try {
      unlinkSync(tmp)
    } catch {}
  }
}

/** Moves the stale lock aside; if it turns out another process replaced it meanwhile, puts theirs back. */
function takeOver(lockPath: string, staleRaw: string): boolean {
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`
  try {
    renameSync(lockPath, aside)
  } catch (error) {
    if (code(error) === 'ENOENT') return false
    throw error
  }
  const moved = readOrUndefined(aside)
  if (moved !== staleRaw) {
    try {
      linkSync(aside, lockPath)
    } catch {}
    unlinkSync(aside)
    return false
  }
  unlinkSync(aside)
  return true
}

/** Why the holder is certainly gone, or undefined when it may be alive (then the folder is refused). */
function whyStale(h: Holder): string | undefined {
  if (h.hostname !== hostname()) return undefined // another machine's process: cannot be checked from here
  if (h.pid === process.pid) return 'processus précédent portant le même numéro, redémarrage du conteneur ?'
  const boot = bootId()
  if (h.bootId && boot && h.bootId !== boot) return 'la machine a redémarré depuis'
  if (!pidAlive(h.pid)) return 'processus terminé'
  const start = procStart(h.pid)
  if (h.procStart && start && h.procStart !== start) return 'son numéro de processus a été réattribué'
  return undefined
}

function pidAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return code(error) === 'EPERM' // exists, owned by another user
  }
}

const readLinux = (path: string) => {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return undefined
  }
}
const bootId = () => readLinux('/proc/sys/kernel/random/boot_id')
/** Field 22 of /proc/<pid>/stat (start time in ticks since boot); the command name before it may hold spaces. */
function procStart(pid: number | 'self') {
  const stat = readLinux(`/proc/${pid}/stat`)
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
}

function currentHolder(): Holder {
  return {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
    bootId: bootId(),
    procStart: procStart('self'),
  }
}

function heldError(folder: string, lockPath: string, holder: Holder | undefined, who?: string) {
  const by = who ?? (holder ? describe(holder) : 'un processus inconnu (fichier de verrou illisible)')
  const elsewhere = holder && !who && holder.hostname !== hostname()
  return new FolderHeldError(
    `Le dossier de la base PGlite ${folder} est déjà ouvert par ${by}. PGlite n’accepte qu’un processus à la fois : ` +
      'rien n’a été ouvert ni modifié.' +
      (who
        ? ''
        : elsewhere || !holder
          ? ` Si ce processus ne tourne plus${elsewhere ? ` sur ${holder.hostname}` : ''}, supprimez le fichier ${lockPath} puis recommencez.`
          : ''),
    folder,
    lockPath,
    holder,
  )
}

function describe(h: Holder) {
  const since = new Date(h.startedAt)
  const when = Number.isNaN(since.getTime()) ? h.startedAt : since.toLocaleString('fr-FR')
  const where = h.hostname === hostname() ? '' : ` sur la machine ${h.hostname}`
  return `le processus ${h.pid}${where} (commande « ${h.command} », depuis le ${when})`
}

function readHolder(lockPath: string) {
  const raw = readOrUndefined(lockPath)
  return raw === undefined ? undefined : parse(raw)
}

function parse(raw: string): Holder | undefined {
  try {
    const h = JSON.parse(raw) as Partial<Holder>
    return Number.isInteger(h.pid) && (h.pid as number) > 0 && typeof h.hostname === 'string'
      ? { startedAt: '?', command: '?', ...h, pid: h.pid as number, hostname: h.hostname }
      : undefined
  } catch {
    return undefined
  }
}

function readOrUndefined(path: string) {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined
    throw error
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code
