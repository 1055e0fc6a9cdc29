import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

// A primary and its streaming replica, two PostgreSQL clusters of the test's own (initdb in a temporary folder, free
// ports, 127.0.0.1 only): the shared server is never touched (its pg_hba.conf allows no replication connection, and a base
// backup of it would copy every other test's databases). PostgreSQL refuses to run as root: as root, every PostgreSQL
// program runs as the `postgres` user (runuser), which owns the folder.

/** PostgreSQL's programs (initdb, pg_ctl, pg_basebackup): JALON_PG_BIN, else `pg_config --bindir`, else the newest
 * /usr/lib/postgresql/<version>/bin; undefined when none has them. */
export function findPgBin(): string | undefined {
  const has = (dir: string | undefined) =>
    !!dir && ['initdb', 'pg_ctl', 'pg_basebackup'].every((p) => existsSync(join(dir, p)))
  const candidates: (string | undefined)[] = [process.env.JALON_PG_BIN]
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim())
  } catch {}
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian))
    candidates.push(
      ...readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => join(debian, v, 'bin')),
    )
  return candidates.find(has)
}

export interface ReplicaPair {
  /** URLs of the database `jalon` on the primary and on the replica (superuser postgres, trust) */
  primaryUrl: string
  replicaUrl: string
  /** resolves once the replica has replayed everything the primary had written when called */
  caughtUp(timeoutMs?: number): Promise<void>
  /** stops (true) or resumes (false) the replica's replay of the primary's changes */
  pauseReplay(paused: boolean): Promise<void>
  /** stops both servers and removes the folder; safe to call twice, and after a failed start */
  stop(): Promise<void>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(text, values)).rows as T[]
  } finally {
    await c.end()
  }
}

/** Starts a primary, takes a base backup of it (`pg_basebackup -R`) and starts that as its streaming replica. */
export async function startReplicaPair(bin: string): Promise<ReplicaPair> {
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'jalon-replica-'))
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, id('-u'), id('-g'))
  }
  const run = (program: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]]
      : [join(bin, program), args]
    try {
      execFileSync(file, argv, { stdio: 'pipe', timeout: 120_000 })
    } catch (error) {
      const e = error as { stderr?: Buffer; message: string }
      throw new Error(`${program} a échoué : ${e.stderr?.toString().trim() || e.message}`)
    }
  }
  const started: string[] = []
  const logTail = (name: string) => {
    const file = join(dir, `${name}.log`)
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : ''
  }
  /** pg_ctl start on a free port, again on another one if that was taken meanwhile */
  const start = async (name: string, settings: string[]) => {
    for (let attempt = 1; ; attempt++) {
      const port = await freePort()
      // no Unix socket (127.0.0.1 only); fsync off: a test cluster need not survive a power cut
      const options = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        "-c unix_socket_directories=''",
        '-c fsync=off',
        '-c shared_buffers=32MB',
      ]
      // listed first: a start that timed out may still have left a server behind
      if (!started.includes(name)) started.push(name)
      try {
        const log = join(dir, `${name}.log`)
        run('pg_ctl', [
          '-D',
          join(dir, name),
          '-l',
          log,
          '-w',
          '-t',
          '60',
          '-o',
          [...options, ...settings].join(' '),
          'start',
        ])
        return port
      } catch (error) {
        if (attempt >= 3 || !/already in use|could not bind/i.test(logTail(name)))
          throw new Error(`${(error as Error).message}\n${logTail(name)}`)
      }
    }
  }
  let stopped = false
  const stopNow = () => {
    if (stopped) return
    stopped = true
    process.off('exit', stopNow)
    for (const name of started.reverse()) {
      try {
        run('pg_ctl', ['-D', join(dir, name), '-m', 'immediate', '-w', 'stop'])
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true })
  }
  // a worker that exits without running the test's afterAll (a crash, an interrupted run) still stops the servers
  process.on('exit', stopNow)
  const stop = async () => stopNow()
  try {
    run('initdb', ['-D', join(dir, 'primary'), ...'-U postgres -A trust -E UTF8 --no-locale --no-sync'.split(' ')])
    // initdb's pg_hba.conf lets 127.0.0.1 connect for replication (trust, as -A says)
    const primaryPort = await start('primary', ['-c wal_level=replica'])
    const admin = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`
    await query(admin, 'CREATE DATABASE jalon')
    const source = ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres']
    // -R: standby.signal and primary_conninfo written into the copy, which starts as a streaming replica
    run('pg_basebackup', [...source, '-D', join(dir, 'replica'), ...'-R -X stream -c fast --no-sync'.split(' ')])
    // hot_standby_feedback: long report queries are not cancelled by the primary's vacuum (docs/operations.md)
    const replicaPort = await start('replica', ['-c hot_standby=on', '-c hot_standby_feedback=on'])
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/jalon`
    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/jalon`
    return {
      primaryUrl,
      replicaUrl,
      stop,
      async caughtUp(timeoutMs = 30_000) {
        const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn')
        const deadline = Date.now() + timeoutMs
        for (;;) {
          const [{ done }] = await query<{ done: boolean }>(
            replicaUrl,
            'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS done',
            [lsn],
          )
          if (done) return
          if (Date.now() > deadline)
            throw new Error(`le réplica n’a pas rejoué ${lsn} en ${timeoutMs} ms\n${logTail('replica')}`)
          await sleep(50)
        }
      },
      async pauseReplay(paused) {
        await query(replicaUrl, paused ? 'SELECT pg_wal_replay_pause()' : 'SELECT pg_wal_replay_resume()')
        if (!paused) return
        // pausing is asked, then done once the replay in progress ends
        while (
          (await query<{ s: string }>(replicaUrl, 'SELECT pg_get_wal_replay_pause_state() AS s'))[0].s !== 'paused'
        )
          await sleep(20)
      },
    }
  } catch (error) {
    await stop()
    throw error
  }
}
