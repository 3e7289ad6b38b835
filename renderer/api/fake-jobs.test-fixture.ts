/**
 * Bulk jobs in the fake API: delete, copy, move and empty-bucket run against the fake object
 * store a few objects per step, with the same events the core sends. Test code only.
 */
import type { CommandRequest, EventName, EventPayload, JobRequest } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { queuedJob, type JobFailure, type JobSummary, type Selection } from '../../shared/objects'
import { baseName, isFolderKey, joinKey, parentPrefix } from '../../shared/s3-keys'
import type { FakeObjectStore } from './fake-object-store.test-fixture'

export type FakeJobOptions = {
  readonly store: FakeObjectStore
  readonly emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  /** Pause between steps, so progress can be seen. */
  readonly stepMs: number
  readonly objectsPerStep: number
  /** A failure message for a key the job should fail on, or null. */
  readonly failKey: (key: string) => string | null
}

type Step = { readonly key: string; readonly run: () => void }

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const titleOf = (request: JobRequest): string => {
  if (request.kind === 'empty-bucket') {
    return `${request.deleteBucket ? 'Delete' : 'Empty'} bucket ${request.bucket}`
  }
  const { keys, prefixes, bucket } = request.selection
  const count = keys.length + prefixes.length
  const what = count === 1 ? `"${[...keys, ...prefixes][0] ?? ''}"` : `${count} items`
  const verb = { delete: 'Delete', copy: 'Copy', move: 'Move' }[request.kind]
  return `${verb} ${what} in ${bucket}`
}

/** Each source key with its destination under `target` (a folder keeps its own name). */
const destinations = (
  keysIn: (prefix: string) => readonly string[],
  selection: Selection,
  targetPrefix: string,
  newName: string | undefined,
): [string, string][] => [
  ...selection.keys.map((key): [string, string] => [
    key,
    joinKey(targetPrefix, newName ?? baseName(key)),
  ]),
  ...selection.prefixes.flatMap((prefix) => {
    const folder = joinKey(targetPrefix, `${newName ?? baseName(prefix)}/`)
    return keysIn(prefix).map((key): [string, string] => [key, folder + key.slice(prefix.length)])
  }),
]

/** "a (1).txt" for "a.txt": enough of the core's numbering for tests. */
const numbered = (key: string, n: number): string => {
  const dot = key.lastIndexOf('.')
  return dot > key.lastIndexOf('/') + 1
    ? `${key.slice(0, dot)} (${n})${key.slice(dot)}`
    : `${key} (${n})`
}

export const createFakeJobs = ({
  store,
  emit,
  stepMs,
  objectsPerStep,
  failKey,
}: FakeJobOptions) => {
  const jobs = new Map<string, JobSummary>()
  const cancelled = new Set<string>()
  let nextId = 1

  const update = (id: string, change: Partial<JobSummary>): JobSummary => {
    const job = { ...(jobs.get(id) as JobSummary), ...change }
    jobs.set(id, job)
    emit('jobs.updated', job)
    return job
  }

  const plan = (request: JobRequest): { steps: Step[]; changed: [string, string][] } | null => {
    if (request.kind === 'empty-bucket') {
      const bucket = store.find(request.accountId, request.bucket)
      if (!bucket) return null
      const steps = store
        .keysUnder(bucket, '')
        .map((key) => ({ key, run: () => store.remove(bucket, key) }))
      if (request.deleteBucket) {
        steps.push({
          key: '',
          run: () => void store.deleteBucket(request.accountId, request.bucket, true),
        })
      }
      return { steps, changed: [[request.bucket, '']] }
    }
    const source = store.find(request.accountId, request.selection.bucket)
    if (!source) return null
    const { selection } = request
    const parents = [...selection.keys, ...selection.prefixes].map(parentPrefix)
    const changed = [...new Set(parents)].map((prefix): [string, string] => [
      selection.bucket,
      prefix,
    ])
    if (request.kind === 'delete') {
      const keys = [
        ...selection.keys,
        ...selection.prefixes.flatMap((prefix) => store.keysUnder(source, prefix)),
      ]
      return { steps: keys.map((key) => ({ key, run: () => store.remove(source, key) })), changed }
    }
    const target = store.find(request.accountId, request.target.bucket)
    if (!target) return null
    const taken = (key: string) => target.objects.has(key)
    const pairs = destinations(
      (prefix) => store.keysUnder(source, prefix),
      selection,
      request.target.prefix,
      request.newName,
    ).flatMap(([from, to]): [string, string][] => {
      // Like the core: one choice for every clash (folder markers never clash).
      if (isFolderKey(to) || !taken(to) || request.conflict === 'overwrite') return [[from, to]]
      if (request.conflict === 'skip') return []
      let n = 1
      while (taken(numbered(to, n))) n += 1
      return [[from, numbered(to, n)]]
    })
    const steps = pairs.map(([from, to]) => ({
      key: from,
      run: () => {
        const object = source.objects.get(from)
        if (!object) return
        store.put(target, { ...object, key: to, lastModified: new Date().toISOString() })
        if (request.kind === 'move' && !(source === target && from === to)) {
          store.remove(source, from)
        }
      },
    }))
    changed.push([request.target.bucket, request.target.prefix])
    return { steps, changed: request.kind === 'move' ? changed : changed.slice(-1) }
  }

  const run = async (id: string, steps: readonly Step[], changed: [string, string][]) => {
    await wait(stepMs)
    update(id, { state: 'running', total: steps.length })
    const failures: JobFailure[] = []
    let done = 0
    for (const step of steps) {
      if (cancelled.has(id)) break
      const problem = failKey(step.key)
      if (problem === null) step.run()
      else failures.push({ key: step.key, code: 'ACCESS_DENIED', message: problem })
      done += 1
      if (done % objectsPerStep === 0 || done === steps.length) {
        update(id, { done, failures: failures.slice(0, 100), failureCount: failures.length })
        await wait(stepMs)
      }
    }
    const accountId = (jobs.get(id) as JobSummary).accountId
    for (const [bucket, prefix] of changed) emit('objects.changed', { accountId, bucket, prefix })
    update(id, {
      state: cancelled.has(id) ? 'cancelled' : failures.length > 0 ? 'failed' : 'done',
      finishedAt: new Date().toISOString(),
    })
  }

  /** Destinations of a copy or move that exist in the target bucket. */
  const clashesOf = (request: CommandRequest<'jobs.clashes'>): string[] => {
    const source = store.find(request.accountId, request.selection.bucket)
    const target = store.find(request.accountId, request.target.bucket)
    if (!source || !target) return []
    return destinations(
      (prefix) => store.keysUnder(source, prefix),
      request.selection,
      request.target.prefix,
      request.newName,
    )
      .map(([, to]) => to)
      .filter((to) => !isFolderKey(to) && target.objects.has(to))
  }

  return {
    clashes: (request: CommandRequest<'jobs.clashes'>): Result<{ existing: string[] }> => ({
      ok: true,
      value: { existing: clashesOf(request) },
    }),
    start: (request: JobRequest): Result<JobSummary> => {
      if (request.kind === 'copy' || request.kind === 'move') {
        const existing = request.conflict === undefined ? clashesOf(request) : []
        if (existing.length > 0) {
          return {
            ok: false,
            error: { code: 'NAME_CLASH', message: `${existing.length} names exist in the target.` },
          }
        }
      }
      const planned = plan(request)
      if (!planned) {
        return { ok: false, error: { code: 'NO_SUCH_BUCKET', message: 'The bucket is gone.' } }
      }
      const id = `job-${nextId++}`
      const job = queuedJob({
        id,
        accountId: request.accountId,
        kind: request.kind,
        title: titleOf(request),
      })
      jobs.set(id, job)
      void run(id, planned.steps, planned.changed)
      return { ok: true, value: job }
    },
    cancel: (jobId: string): Result<null> => {
      cancelled.add(jobId)
      return { ok: true, value: null }
    },
    list: (): Result<readonly JobSummary[]> => ({ ok: true, value: [...jobs.values()] }),
    clearFinished: (): Result<null> => {
      for (const [id, job] of jobs) if (job.finishedAt !== null) jobs.delete(id)
      return { ok: true, value: null }
    },
  }
}
