/** The words the sync screens use for directions, comparison groups and run outcomes. */
import type {
  ChangeSide,
  ComparisonGroup,
  SyncDirection,
  SyncRunSnapshot,
} from '../../../shared/sync'
import { formatBytes } from '../format'

export const DIRECTIONS: readonly {
  readonly value: SyncDirection
  readonly label: string
  readonly hint: string
}[] = [
  {
    value: 'upload',
    label: 'Upload',
    hint: 'New and changed local files go to the bucket. Nothing is deleted.',
  },
  {
    value: 'download',
    label: 'Download',
    hint: 'New and changed objects come to this computer. Nothing is deleted.',
  },
  {
    value: 'mirror-up',
    label: 'Mirror to the bucket',
    hint: 'The bucket folder becomes a copy of the local folder: objects it no longer has are deleted.',
  },
  {
    value: 'mirror-down',
    label: 'Mirror to this computer',
    hint: 'The local folder becomes a copy of the bucket folder: files it no longer has go to the trash.',
  },
  {
    value: 'two-way',
    label: 'Two-way',
    hint: 'Changes on either side go to the other; a file changed on both is kept as both.',
  },
]

/** "Upload", "Mirror to the bucket", … */
export const directionLabel = (direction: SyncDirection): string =>
  DIRECTIONS.find(({ value }) => value === direction)?.label ?? direction

export const GROUP_LABELS: Readonly<Record<ComparisonGroup, string>> = {
  identical: 'Identical',
  changed: 'Changed',
  'local-only': 'Only here',
  'remote-only': 'Only in the bucket',
  conflict: 'Conflicts',
  skipped: 'Skipped',
}

const CHANGE_LABELS: Readonly<Record<ChangeSide, string>> = {
  'local-newer': 'newer here',
  'remote-newer': 'newer in the bucket',
  differs: 'differs',
}

export const changeLabel = (change: ChangeSide | null): string =>
  change ? CHANGE_LABELS[change] : ''

/** "12 files · 3.4 MiB". */
export const filesAndBytes = (files: number, bytes: number): string =>
  `${files.toLocaleString()} ${files === 1 ? 'file' : 'files'} · ${formatBytes(bytes)}`

/** A run's line: its progress while it runs, its summary once it ended. */
export const runLine = (run: SyncRunSnapshot): string => {
  if (run.summary) return run.summary.message
  const share = run.actionsTotal === 0 ? 0 : Math.floor((run.actionsDone / run.actionsTotal) * 100)
  const state = run.state === 'paused' ? 'Paused' : 'Syncing'
  return `${state}: ${run.actionsDone.toLocaleString()} of ${run.actionsTotal.toLocaleString()} (${share} %)`
}
