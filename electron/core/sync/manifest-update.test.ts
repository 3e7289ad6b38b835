import { describe, expect, it } from 'vitest'
import type { ComparisonRow } from '../../../shared/sync'
import type { ManifestEntry } from './manifest'
import { updatedManifest } from './manifest-update'
import type { LocalEntry, RemoteEntry } from './side-entries'
import { summaryMessage } from './run-summary'

const row = (path: string, group: ComparisonRow['group']): ComparisonRow => ({
  path,
  kind: 'file',
  group,
  change: null,
  local: null,
  remote: null,
  reason: '',
})
const local = (size: number, mtimeMs: number): LocalEntry => ({ kind: 'file', size, mtimeMs })
const remote = (size: number, etag: string): RemoteEntry => ({
  kind: 'file',
  size,
  etag,
  lastModified: null,
})
const agreed = (size: number, mtimeMs: number, etag: string): ManifestEntry => ({
  local: { size, mtimeMs },
  remote: { size, etag },
})

describe('the manifest after a run', () => {
  it('records what both sides now have for identical and finished paths, keeps the rest', () => {
    const next = updatedManifest({
      old: new Map([
        ['left-alone.txt', agreed(1, 1, '"a"')],
        ['deleted.txt', agreed(2, 2, '"b"')],
        ['failed.txt', agreed(3, 3, '"c"')],
      ]),
      rows: [
        row('same.txt', 'identical'),
        row('uploaded.txt', 'local-only'),
        row('deleted.txt', 'remote-only'),
        row('failed.txt', 'changed'),
        row('left-alone.txt', 'changed'),
      ],
      succeeded: new Set(['uploaded.txt', 'deleted.txt', 'conflict (1).txt']),
      local: new Map([
        ['same.txt', local(5, 50)],
        ['uploaded.txt', local(6, 60)],
        ['conflict (1).txt', local(7, 70)],
        ['failed.txt', local(30, 300)],
        ['left-alone.txt', local(10, 100)],
      ]),
      remote: new Map([
        ['same.txt', remote(5, '"s"')],
        ['uploaded.txt', remote(6, '"u"')],
        ['conflict (1).txt', remote(7, '"k"')],
        ['failed.txt', remote(3, '"c"')],
        ['left-alone.txt', remote(11, '"z"')],
      ]),
    })
    expect(Object.fromEntries(next)).toEqual({
      'same.txt': agreed(5, 50, '"s"'),
      'uploaded.txt': agreed(6, 60, '"u"'),
      'conflict (1).txt': agreed(7, 70, '"k"'),
      // Not finished, not identical: the last agreed state stays, so the change is seen again.
      'failed.txt': agreed(3, 3, '"c"'),
      'left-alone.txt': agreed(1, 1, '"a"'),
    })
  })

  it('forgets paths gone from both sides', () => {
    const next = updatedManifest({
      old: new Map([['gone.txt', agreed(1, 1, '"a"')]]),
      rows: [],
      succeeded: new Set(),
      local: new Map(),
      remote: new Map(),
    })
    expect(next.size).toBe(0)
  })
})

describe('the one-line summary', () => {
  const none = { uploaded: 0, downloaded: 0, deleted: 0, keptBoth: 0, failed: 0 }
  it('says what was done, or that it was in step', () => {
    expect(summaryMessage('done', { ...none, uploaded: 12, deleted: 2, keptBoth: 1 }, null)).toBe(
      '12 uploaded, 2 deleted, 1 conflict kept as both.',
    )
    expect(summaryMessage('done', none, null)).toBe('Already in step, nothing to do.')
    expect(summaryMessage('failed', { ...none, uploaded: 3, failed: 1 }, null)).toBe(
      '3 uploaded, 1 failed; deletes were not made because not every transfer succeeded.',
    )
    expect(summaryMessage('cancelled', { ...none, downloaded: 1 }, null)).toBe(
      'Cancelled: 1 downloaded.',
    )
  })
})
