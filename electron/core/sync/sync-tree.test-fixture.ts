/**
 * The sync tests' tree: nested folders, unicode and odd names, an empty folder, a 0-byte and a
 * 40 MiB file, and small files up to `SYNC_TREE_FILES` in all (a few hundred by default, 10,000
 * for the closing figures); and both sides read back as path → MD5 to compare them byte for byte.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import type { Connection } from '../accounts'
import { walkPrefix } from '../objects/listing'
import { writeRandomFile } from '../transfers/transfer-testing.test-fixture'

export const MIB = 1024 * 1024

/** Files in the tree (env SYNC_TREE_FILES, default 240). */
export const treeFiles = (): number => {
  const asked = Number(process.env.SYNC_TREE_FILES ?? '')
  return Number.isInteger(asked) && asked >= 20 ? asked : 240
}

/** Names that have bitten S3 clients: spaces, +, %, #, quotes, unicode (NFC), brackets. */
export const ODD_NAMES = [
  'odd/space in name.txt',
  'odd/plus+sign.txt',
  'odd/percent%20encoded.txt',
  'odd/hash#and?query&x=y.txt',
  'odd/quote\'s "double".txt',
  'odd/(parens) [brackets] {braces}.txt',
  'odd/ünïcödé/日本語のファイル.txt',
  'odd/emoji 🎉 party.txt',
  'odd/trailing-dot.name.',
  'odd/.hidden',
]

export const BIG_FILE = 'big/forty.bin'
export const ZERO_FILE = 'zero.bin'
export const EMPTY_FOLDER = 'empty/'

/** Writes the tree under `root`; returns the relative paths of its files. */
export const makeTree = async (root: string, files = treeFiles()): Promise<string[]> => {
  const paths: string[] = [...ODD_NAMES, ZERO_FILE, BIG_FILE]
  for (let i = 0; paths.length < files; i += 1) {
    paths.push(`nested/d${i % 7}/e${i % 5}/f${i % 3}/file-${i}.txt`)
  }
  for (const relative of paths) {
    const file = path.join(root, ...relative.split('/'))
    await mkdir(path.dirname(file), { recursive: true })
    if (relative === BIG_FILE) await writeRandomFile(file, 40 * MIB)
    else if (relative === ZERO_FILE) await writeFile(file, '')
    else await writeFile(file, randomBytes(Math.floor(Math.random() * 2048) + 1))
  }
  await mkdir(path.join(root, EMPTY_FOLDER), { recursive: true })
  return paths
}

const md5OfFile = async (file: string): Promise<string> => {
  const hash = createHash('md5')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The local tree: relative path → MD5 (empty folders as "dir/" → ''). */
export const localState = async (root: string): Promise<Map<string, string>> => {
  const state = new Map<string, string>()
  const walk = async (dir: string, relative: string): Promise<void> => {
    const children = await readdir(dir, { withFileTypes: true })
    if (children.length === 0 && relative !== '') state.set(relative, '')
    for (const child of children) {
      if (child.isDirectory()) await walk(path.join(dir, child.name), `${relative}${child.name}/`)
      else state.set(`${relative}${child.name}`, await md5OfFile(path.join(dir, child.name)))
    }
  }
  await walk(root, '')
  return state
}

/**
 * The bucket folder read back (straight from the peer, not through the emulator): relative
 * key → MD5 of the body; folder markers → ''.
 */
export const remoteState = async (
  direct: S3Client,
  connection: Connection,
  bucket: string,
  prefix: string,
): Promise<Map<string, string>> => {
  const state = new Map<string, string>()
  const keys: string[] = []
  for await (const page of walkPrefix(connection, bucket, prefix)) {
    for (const object of page) keys.push(object.key)
  }
  let at = 0
  const worker = async () => {
    while (at < keys.length) {
      const key = keys[at] as string
      at += 1
      const relative = key.slice(prefix.length)
      if (relative.endsWith('/')) {
        state.set(relative, '')
        continue
      }
      const answer = await direct.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      const hash = createHash('md5')
      for await (const chunk of answer.Body as AsyncIterable<Uint8Array>) hash.update(chunk)
      state.set(relative, hash.digest('hex'))
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  return state
}

export const sorted = (state: ReadonlyMap<string, string>): [string, string][] =>
  [...state].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
