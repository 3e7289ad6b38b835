/**
 * DSS Explorer's side of the list benchmark, run as its own process like the peers: the real
 * core lists one folder page by page through `objects.list`, as the renderer does.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createCore } from '../electron/core/core'
import type { Target } from './lib/peers'

const [targetJson, bucket = '', prefix = ''] = process.argv.slice(2)
const target = JSON.parse(targetJson ?? '{}') as Target
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-list-'))
const core = createCore({
  dataDir,
  info: { version: 'bench', shell: 'web', platform: process.platform },
})
const call = async (name: string, request: unknown): Promise<unknown> => {
  const result = await core.dispatch(name, request, { trusted: true })
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
  return result.value
}

const saved = (await call('accounts.save', {
  draft: { name: 'bench', kind: 'custom', ...target, rateLimit: 100 },
})) as { id: string }
await call('buckets.list', { accountId: saved.id }) // connection warm, like an open account

const started = performance.now()
let firstRowsMs = 0
let objects = 0
let pages = 0
let continuationToken: string | null = null
do {
  const page = (await call('objects.list', {
    accountId: saved.id,
    bucket,
    prefix,
    continuationToken,
  })) as { objects: unknown[]; nextToken: string | null }
  pages += 1
  objects += page.objects.length
  if (pages === 1) firstRowsMs = performance.now() - started
  continuationToken = page.nextToken
} while (continuationToken)
const fullMs = performance.now() - started
console.log(JSON.stringify({ firstRowsMs, fullMs, objects, pages }))
await core.dispose()
await rm(dataDir, { recursive: true, force: true })
process.exit(0)
