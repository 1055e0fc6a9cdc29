import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'

// Where a bundle is read from and written to: a folder (the CLI) or memory (the API, tests).

export interface BundleSource {
  /** the file names the bundle holds */
  names(): Promise<string[]>
  open(name: string): Readable
}

export interface BundleSink {
  open(name: string): Writable
}

export function folderSource(dir: string): BundleSource {
  return {
    names: async () => (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
    open: (name) => createReadStream(join(dir, name)),
  }
}

export function memorySource(files: Record<string, string>): BundleSource {
  return {
    names: async () => Object.keys(files),
    open: (name) => Readable.from([Buffer.from(files[name] ?? '', 'utf8')]),
  }
}

export async function folderSink(dir: string): Promise<BundleSink> {
  await mkdir(dir, { recursive: true })
  return { open: (name) => createWriteStream(join(dir, name)) }
}

export function memorySink(): BundleSink & { files: Record<string, string> } {
  const files: Record<string, string> = {}
  return {
    files,
    open(name) {
      const chunks: Buffer[] = []
      return new Writable({
        write(chunk, _enc, done) {
          chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
          done()
        },
        final(done) {
          files[name] = Buffer.concat(chunks).toString('utf8')
          done()
        },
      })
    },
  }
}
