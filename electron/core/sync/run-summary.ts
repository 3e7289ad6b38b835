/** The one-line summary of a run, for the pair's last result and the command line. */
import type { SyncRunOutcome, SyncRunSummary } from '../../../shared/sync'

const count = (value: number): string => value.toLocaleString('en-US')

export const summaryMessage = (
  outcome: SyncRunOutcome,
  figures: Pick<SyncRunSummary, 'uploaded' | 'downloaded' | 'deleted' | 'keptBoth' | 'failed'>,
  stopReason: string | null,
): string => {
  if (outcome === 'stopped') return stopReason ?? 'The run stopped before deleting anything.'
  const parts = [
    figures.uploaded > 0 ? `${count(figures.uploaded)} uploaded` : null,
    figures.downloaded > 0 ? `${count(figures.downloaded)} downloaded` : null,
    figures.deleted > 0 ? `${count(figures.deleted)} deleted` : null,
    figures.keptBoth > 0
      ? `${count(figures.keptBoth)} conflict${figures.keptBoth === 1 ? '' : 's'} kept as both`
      : null,
    figures.failed > 0 ? `${count(figures.failed)} failed` : null,
  ].filter((part) => part !== null)
  const what = parts.length > 0 ? parts.join(', ') : 'Already in step, nothing to do'
  if (outcome === 'cancelled') return `Cancelled: ${what}.`
  if (outcome === 'failed') {
    return `${what}; deletes were not made because not every transfer succeeded.`.replace(
      /^./,
      (c) => c.toUpperCase(),
    )
  }
  return `${what}.`.replace(/^./, (c) => c.toUpperCase())
}
