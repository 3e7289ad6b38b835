/**
 * What a sync run will do, as a pure function of the comparison, the direction and the manifest:
 * the actions, their totals, the requests and time they take at the account's rate, and the
 * guards — a failed or empty listing never leads to a delete, and deletes over the pair's limits
 * (count or share of the target) stop the run until the user confirms.
 */
import type {
  ActionTotals,
  ComparisonRow,
  SideListing,
  SyncAction,
  SyncActionKind,
  SyncDirection,
  SyncGuard,
  SyncPlan,
} from '../../../shared/sync'
import { settleName } from '../name-clash'
import { DELETED_LOCALLY, DELETED_REMOTELY } from './compare'
import { localNameProblem } from './remote-scan'
import { partCount, partSizeFor } from '../transfers/part-plan'
import { RANGED_MIN_BYTES } from '../transfers/ranged-download'

export type PlanInput = {
  readonly rows: readonly ComparisonRow[]
  readonly direction: SyncDirection
  readonly manifest: boolean
  readonly local: SideListing
  readonly remote: SideListing
  readonly maxDeletes: number
  readonly maxDeleteShare: number
  /** The account's requests per second. */
  readonly rate: number
  readonly multipartThreshold: number
  readonly partSize: number
}

export type PlanBody = Omit<SyncPlan, 'planId' | 'comparisonId' | 'pairId'>

type Decision = { kind: SyncActionKind; reason: string } | null

const UPWARD = new Set<SyncDirection>(['upload', 'mirror-up'])

/** One-way directions: the source's new and changed files go to the target. */
const oneWay = (row: ComparisonRow, direction: SyncDirection): Decision => {
  const up = UPWARD.has(direction)
  const mirror = direction === 'mirror-up' || direction === 'mirror-down'
  const sourceOnly = up ? 'local-only' : 'remote-only'
  const targetOnly = up ? 'remote-only' : 'local-only'
  const folder = row.kind === 'folder'
  if (row.group === sourceOnly) {
    if (folder)
      return { kind: up ? 'create-remote-folder' : 'create-local-folder', reason: row.reason }
    return { kind: up ? 'upload' : 'download', reason: row.reason }
  }
  if (row.group === targetOnly) {
    return mirror
      ? {
          kind: up ? 'delete-remote' : 'delete-local',
          reason: `${row.reason} A mirror deletes it.`,
        }
      : null
  }
  if (row.group === 'changed' || row.group === 'conflict') {
    const replace = up ? 'replace-remote' : 'replace-local'
    const targetNewer = row.change === (up ? 'remote-newer' : 'local-newer')
    // Copy directions never put an older file over a newer one; a mirror makes the target equal.
    if (!mirror && (targetNewer || row.group === 'conflict')) return null
    return { kind: replace, reason: row.reason }
  }
  return null
}

/** Two-way: each side's changes go to the other; a file changed on both is kept as both. */
const twoWay = (row: ComparisonRow, manifest: boolean): Decision => {
  const folder = row.kind === 'folder'
  const deletedElsewhere = row.reason === DELETED_LOCALLY || row.reason === DELETED_REMOTELY
  if (row.group === 'local-only') {
    if (deletedElsewhere) return { kind: 'delete-local', reason: row.reason }
    return { kind: folder ? 'create-remote-folder' : 'upload', reason: row.reason }
  }
  if (row.group === 'remote-only') {
    if (deletedElsewhere) return { kind: 'delete-remote', reason: row.reason }
    return { kind: folder ? 'create-local-folder' : 'download', reason: row.reason }
  }
  if (row.group === 'conflict') return { kind: 'keep-both', reason: row.reason }
  if (row.group === 'changed') {
    // Without a manifest nobody knows which side changed: neither version is overwritten.
    if (!manifest || row.change === 'differs') {
      return {
        kind: 'keep-both',
        reason: `${row.reason} With no earlier sync to tell which side changed, both are kept.`,
      }
    }
    return row.change === 'local-newer'
      ? { kind: 'replace-remote', reason: row.reason }
      : { kind: 'replace-local', reason: row.reason }
  }
  return null
}

const isDelete = (kind: SyncActionKind): boolean =>
  kind === 'delete-local' || kind === 'delete-remote'

/** Requests one transfer of `bytes` takes (single PUT, or create + parts + complete; GETs). */
const transferRequests = (kind: SyncActionKind, bytes: number, input: PlanInput): number => {
  if (kind === 'upload' || kind === 'replace-remote') {
    if (bytes < input.multipartThreshold) return 1
    return partCount(bytes, partSizeFor(bytes, input.partSize)) + 2
  }
  if (kind === 'download' || kind === 'replace-local') {
    return bytes >= RANGED_MIN_BYTES ? Math.ceil(bytes / (8 * 1024 * 1024)) : 1
  }
  return 0
}

const total = (actions: readonly SyncAction[], kinds: readonly SyncActionKind[]): ActionTotals => {
  const chosen = actions.filter((action) => kinds.includes(action.kind))
  return { files: chosen.length, bytes: chosen.reduce((sum, action) => sum + action.bytes, 0) }
}

const count = (value: number): string => value.toLocaleString('en-US')

export const planSync = (input: PlanInput): PlanBody => {
  const decide = (row: ComparisonRow): Decision =>
    input.direction === 'two-way' ? twoWay(row, input.manifest) : oneWay(row, input.direction)
  const taken = new Set(input.rows.map((row) => row.path))
  const actions: SyncAction[] = []
  let withheld = 0
  const unnamable: string[] = []
  const emptyOrFailed = (side: SideListing) => !side.ok || side.files + side.folders === 0
  const deletesAllowed = !emptyOrFailed(input.local) && !emptyOrFailed(input.remote)
  for (const row of input.rows) {
    const decision = decide(row)
    if (!decision) continue
    const writesHere =
      decision.kind === 'download' ||
      decision.kind === 'replace-local' ||
      decision.kind === 'keep-both' ||
      decision.kind === 'create-local-folder'
    if (writesHere && localNameProblem(row.path)) {
      unnamable.push(row.path)
      continue
    }
    if (isDelete(decision.kind) && !deletesAllowed) {
      withheld += 1
      continue
    }
    let newPath: string | null = null
    let bytes = Math.max(row.local?.size ?? 0, row.remote?.size ?? 0)
    if (decision.kind === 'keep-both') {
      newPath = settleName(row.path, 'keep-both', (name) => taken.has(name))
      if (newPath) taken.add(newPath)
      bytes = (row.local?.size ?? 0) + 2 * (row.remote?.size ?? 0)
    }
    if (isDelete(decision.kind) || decision.kind.startsWith('create')) bytes = 0
    actions.push({ kind: decision.kind, path: row.path, newPath, bytes, reason: decision.reason })
  }
  const guards: SyncGuard[] = []
  if (withheld > 0) {
    guards.push({
      kind: 'deletes-withheld',
      withheld,
      message: `${count(withheld)} deletes were left out: a side's listing ${!input.local.ok || !input.remote.ok ? 'failed' : 'came back empty'}, and that never leads to a delete.`,
    })
  }
  if (unnamable.length > 0) {
    guards.push({
      kind: 'names-skipped',
      paths: unnamable,
      message: `${count(unnamable.length)} ${unnamable.length === 1 ? 'object has a name' : 'objects have names'} that cannot be a local file name unchanged, so ${unnamable.length === 1 ? 'it is' : 'they are'} not written here.`,
    })
  }
  const localDeletes = actions.filter((action) => action.kind === 'delete-local').length
  const remoteDeletes = actions.filter((action) => action.kind === 'delete-remote').length
  const over = [
    { deletes: localDeletes, files: input.local.files + input.local.folders },
    { deletes: remoteDeletes, files: input.remote.files + input.remote.folders },
  ].find(
    (side) =>
      side.deletes > 0 &&
      (side.deletes > input.maxDeletes || side.deletes / side.files > input.maxDeleteShare),
  )
  if (over) {
    guards.push({
      kind: 'too-many-deletes',
      deletes: over.deletes,
      targetFiles: over.files,
      maxDeletes: input.maxDeletes,
      maxDeleteShare: input.maxDeleteShare,
      message: `This run would delete ${count(over.deletes)} of ${count(over.files)} items, more than the pair allows (${count(input.maxDeletes)}, or ${Math.round(input.maxDeleteShare * 100)} %). Confirm to go on.`,
    })
  }
  // After a run that changed anything, one listing pass brings the manifest up to date.
  let requests =
    actions.length > 0
      ? Math.max(1, Math.ceil((input.remote.files + input.remote.folders) / 1000))
      : 0
  for (const action of actions) {
    if (action.kind === 'keep-both') {
      requests +=
        transferRequests('download', action.bytes, input) +
        2 * transferRequests('upload', action.bytes, input)
    } else if (action.kind === 'create-remote-folder') requests += 1
    else requests += transferRequests(action.kind, action.bytes, input)
  }
  requests += Math.ceil(remoteDeletes / 1000)
  return {
    direction: input.direction,
    actions,
    totals: {
      uploads: total(actions, ['upload']),
      downloads: total(actions, ['download']),
      replaces: total(actions, ['replace-local', 'replace-remote']),
      deletes: total(actions, ['delete-local', 'delete-remote']),
      keptBoth: total(actions, ['keep-both']),
      folders: actions.filter((action) => action.kind.startsWith('create')).length,
    },
    requests,
    seconds: Math.ceil(requests / Math.max(1, input.rate)),
    guards,
    needsConfirmation: over !== undefined,
  }
}
