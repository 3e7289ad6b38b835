/**
 * Transfers in the fake API: uploads and downloads run one at a time against the fake object
 * store, a few bytes per step, with the `transfers.updated` and `objects.changed` events the core
 * sends. Test code only.
 */
import type {
  CommandName,
  CommandRequest,
  CommandResponse,
  EventName,
  EventPayload,
} from '../../shared/contract'
import type { AppError, Result } from '../../shared/errors'
import { baseName, isFolderKey, joinKey, parentPrefix } from '../../shared/s3-keys'
import type {
  FileSource,
  TransferSnapshot,
  TransferState,
  TransferTotals,
} from '../../shared/transfers'
import { DEFAULT_TRANSFER_SETTINGS, totalsOf } from '../../shared/transfers'
import type { FakeObjectStore } from './fake-object-store.test-fixture'
import { storedObject } from './fake-object-store.test-fixture'

export type FakeTransferOptions = {
  readonly store: FakeObjectStore
  readonly emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  /** Pause between steps, so progress can be seen. */
  readonly stepMs: number
  /** Steps a transfer with bytes takes. */
  readonly steps: number
  /** Sizes of files given by path (Electron); 100 bytes when not listed. */
  readonly fileSizes: Readonly<Record<string, number>>
  /** Makes a transfer's first attempt fail on a key, with this error; null lets it through. */
  readonly failOnce: (key: string) => AppError | null
  /** Transfers an earlier run left (listed as they are, usually paused). */
  readonly restored: readonly TransferSnapshot[]
}

type TransferCommand = Extract<CommandName, `transfers.${string}`>

export type FakeTransferHandlers = {
  [C in TransferCommand]: (request: CommandRequest<C>) => Result<CommandResponse<C>>
}

type Running = {
  snapshot: TransferSnapshot
  /** What a finished transfer changes in the store. */
  readonly finish: () => void
  failed: boolean
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const ok = <T>(value: T): Result<T> => ({ ok: true, value })

const notFound: Result<never> = {
  ok: false,
  error: { code: 'NOT_FOUND', message: 'That transfer is no longer in the list.' },
}

/** 'a/b.txt' → 'a/b (1).txt', the first free one. */
const numbered = (key: string, taken: (key: string) => boolean): string => {
  const name = baseName(key)
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot) : ''
  for (let n = 1; ; n += 1) {
    const candidate = joinKey(parentPrefix(key), `${stem} (${n})${extension}`)
    if (!taken(candidate)) return candidate
  }
}

export const createFakeTransfers = ({
  store,
  emit,
  stepMs,
  steps,
  fileSizes,
  failOnce,
  restored,
}: FakeTransferOptions) => {
  const transfers = new Map<string, Running>(
    restored.map((snapshot) => [snapshot.id, { snapshot, finish: () => {}, failed: false }]),
  )
  const orphans = new Set(restored.filter(({ state }) => state === 'paused').map(({ id }) => id))
  let nextId = 1
  let pumping = false
  let settings = DEFAULT_TRANSFER_SETTINGS

  const totals = (): TransferTotals =>
    totalsOf([...transfers.values()].map(({ snapshot }) => snapshot))

  const announce = (changed: readonly TransferSnapshot[], removed: readonly string[] = []) =>
    emit('transfers.updated', { changed, removed, totals: totals() })

  const update = (id: string, change: Partial<TransferSnapshot>): void => {
    const running = transfers.get(id)
    if (!running) return
    running.snapshot = { ...running.snapshot, ...change }
    announce([running.snapshot])
  }

  /** Runs queued transfers one at a time until none is left. */
  const pump = async (): Promise<void> => {
    if (pumping) return
    pumping = true
    try {
      for (;;) {
        const next = [...transfers.values()].find(({ snapshot }) => snapshot.state === 'queued')
        if (!next) return
        const { id } = next.snapshot
        const total = next.snapshot.bytesTotal ?? 0
        update(id, { state: 'running', bytesPerSecond: 1000, error: null })
        while (next.snapshot.bytesDone < total) {
          await wait(stepMs)
          if (next.snapshot.state !== 'running') break
          const problem = next.failed ? null : failOnce(next.snapshot.key)
          if (problem) {
            next.failed = true
            update(id, { state: 'failed', error: problem, bytesPerSecond: 0 })
            break
          }
          const step = Math.ceil(total / steps)
          update(id, { bytesDone: Math.min(total, next.snapshot.bytesDone + step) })
        }
        if (next.snapshot.state === 'running' && next.snapshot.bytesDone >= total) {
          next.finish()
          update(id, { state: 'done', bytesPerSecond: 0, etaSeconds: null })
        }
      }
    } finally {
      pumping = false
    }
  }

  const add = (
    fields: Omit<
      TransferSnapshot,
      'id' | 'state' | 'bytesDone' | 'bytesPerSecond' | 'etaSeconds' | 'error' | 'note'
    >,
    finish: () => void,
  ): TransferSnapshot => {
    const snapshot: TransferSnapshot = {
      ...fields,
      id: `transfer-${nextId++}`,
      state: 'queued',
      bytesDone: 0,
      bytesPerSecond: 0,
      etaSeconds: null,
      error: null,
      note: null,
    }
    transfers.set(snapshot.id, { snapshot, finish, failed: false })
    return snapshot
  }

  const sizeOf = (source: FileSource): number =>
    source.kind === 'path' ? (fileSizes[source.path] ?? 100) : source.size

  const nameOf = (source: FileSource): string =>
    source.kind === 'path' ? baseName(source.path.replaceAll('\\', '/')) : source.name

  const setState = (id: string, from: readonly TransferState[], to: TransferState) => {
    const running = transfers.get(id)
    if (!running) return notFound
    orphans.delete(id)
    if (from.includes(running.snapshot.state)) {
      update(id, { state: to, bytesPerSecond: 0 })
      void pump()
    }
    return ok(null)
  }

  const handlers: FakeTransferHandlers = {
    'transfers.conflicts': ({ accountId, bucket, keys }) => {
      const found = store.find(accountId, bucket)
      return ok({ existing: keys.filter((key) => found?.objects.has(key) ?? false) })
    },
    'transfers.upload': ({ accountId, bucket, prefix, files, folders = [], conflict }) => {
      const target = store.find(accountId, bucket)
      if (!target) {
        return { ok: false, error: { code: 'NO_SUCH_BUCKET', message: 'The bucket is gone.' } }
      }
      const batchId = `batch-${nextId++}`
      const created: TransferSnapshot[] = []
      const skipped: string[] = []
      const claimed = new Set<string>()
      const taken = (key: string) => target.objects.has(key) || claimed.has(key)
      for (const folder of folders) {
        const key = joinKey(prefix, isFolderKey(folder) ? folder : `${folder}/`)
        if (target.objects.has(key)) continue
        created.push(
          add(
            {
              batchId,
              accountId,
              kind: 'upload',
              bucket,
              key,
              name: `${baseName(key)}/`,
              localPath: null,
              bytesTotal: 0,
            },
            () => store.put(target, storedObject(key)),
          ),
        )
      }
      for (const { source, relativeKey } of files) {
        let key = joinKey(prefix, relativeKey)
        if (taken(key)) {
          if (conflict === 'skip') {
            skipped.push(key)
            continue
          }
          if (conflict === 'keep-both') key = numbered(key, taken)
        }
        claimed.add(key)
        const size = sizeOf(source)
        created.push(
          add(
            {
              batchId,
              accountId,
              kind: 'upload',
              bucket,
              key,
              name: nameOf(source),
              localPath: source.kind === 'path' ? source.path : null,
              bytesTotal: size,
            },
            () => {
              store.put(target, storedObject({ key, size }))
              emit('objects.changed', { accountId, bucket, prefix: parentPrefix(key) })
            },
          ),
        )
      }
      announce(created)
      void pump()
      return ok({ batchId, created: created.length, skipped })
    },
    'transfers.download': ({ accountId, bucket, keys, prefixes = [], destination = null }) => {
      const source = store.find(accountId, bucket)
      if (!source) {
        return { ok: false, error: { code: 'NO_SUCH_BUCKET', message: 'The bucket is gone.' } }
      }
      const folder = destination ?? '/home/test/Downloads'
      const batchId = `batch-${nextId++}`
      const wanted = [
        ...keys.map((key) => ({ key, base: parentPrefix(key) })),
        ...prefixes.flatMap((prefix) =>
          store.keysUnder(source, prefix).map((key) => ({ key, base: parentPrefix(prefix) })),
        ),
      ]
      const created = wanted.map(({ key, base }) =>
        add(
          {
            batchId,
            accountId,
            kind: 'download',
            bucket,
            key,
            name: baseName(key) + (isFolderKey(key) ? '/' : ''),
            localPath: `${folder}/${key.slice(base.length)}`,
            bytesTotal: source.objects.get(key)?.size ?? 0,
          },
          () => {},
        ),
      )
      announce(created)
      void pump()
      return ok({ batchId, created: created.length, skipped: [] })
    },
    'transfers.list': () =>
      ok({ transfers: [...transfers.values()].map(({ snapshot }) => snapshot), totals: totals() }),
    'transfers.pause': ({ id }) => setState(id, ['queued', 'running'], 'paused'),
    'transfers.resume': ({ id }) => setState(id, ['paused'], 'queued'),
    'transfers.retry': ({ id }) => setState(id, ['failed'], 'queued'),
    'transfers.cancel': ({ id }) =>
      setState(id, ['queued', 'running', 'paused', 'failed'], 'cancelled'),
    'transfers.pauseAll': () => {
      for (const { snapshot } of transfers.values()) {
        setState(snapshot.id, ['queued', 'running'], 'paused')
      }
      return ok(null)
    },
    'transfers.resumeAll': () => {
      for (const { snapshot } of transfers.values()) setState(snapshot.id, ['paused'], 'queued')
      return ok(null)
    },
    'transfers.clearFinished': () => {
      const removed = [...transfers.values()]
        .filter(({ snapshot }) => ['done', 'failed', 'cancelled'].includes(snapshot.state))
        .map(({ snapshot }) => snapshot.id)
      for (const id of removed) transfers.delete(id)
      announce([], removed)
      return ok(null)
    },
    'transfers.abortOrphans': () => {
      const removed = [...orphans]
      for (const id of removed) transfers.delete(id)
      orphans.clear()
      announce([], removed)
      return ok({ aborted: removed.length, failed: 0 })
    },
    'transfers.settings': (changes) => {
      settings = { ...settings, ...changes }
      return ok(settings)
    },
  }

  return { handlers }
}
