/** How a transfer's progress reads: percentages, bytes, speed and time left. */
import type { TransferSnapshot, TransferState, TransferTotals } from '../../../shared/transfers'
import { formatBytes, formatDuration } from '../format'

type Progress = Pick<TransferSnapshot, 'state' | 'bytesDone' | 'bytesTotal'>

/** 0–100; a done transfer is full (an empty file or folder has no bytes to count). */
export const percentOf = ({ state, bytesDone, bytesTotal }: Progress): number => {
  if (state === 'done') return 100
  if (bytesTotal === null || bytesTotal === 0) return 0
  return Math.min(100, Math.max(0, (bytesDone / bytesTotal) * 100))
}

/** Whole percent, but never 100 before it is done. */
export const percentText = (percent: number, done: boolean): string =>
  `${done ? 100 : Math.min(99, Math.floor(percent))}%`

export const speedText = (bytesPerSecond: number): string => `${formatBytes(bytesPerSecond)}/s`

/**
 * `12 MiB of 64 MiB · 8.1 MiB/s · about 5 s left` while running; `64 MiB · finishing…` once every
 * byte has moved but the transfer is not done (the upload is being completed, the download
 * checked), where a speed and "under a second left" would stay on screen for seconds; just the
 * size once done.
 */
export const transferMeta = (
  transfer: Pick<
    TransferSnapshot,
    'state' | 'bytesDone' | 'bytesTotal' | 'bytesPerSecond' | 'etaSeconds' | 'name'
  >,
): string => {
  const { state, bytesDone, bytesTotal, bytesPerSecond, etaSeconds, name } = transfer
  if (name.endsWith('/') && (bytesTotal ?? 0) === 0) return 'Folder'
  if (state === 'done' || (state === 'queued' && bytesDone === 0)) {
    return formatBytes(bytesTotal ?? bytesDone)
  }
  const bytes =
    bytesTotal === null
      ? `${formatBytes(bytesDone)} so far`
      : `${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)}`
  if (state === 'running' && bytesTotal !== null && bytesTotal > 0 && bytesDone >= bytesTotal) {
    return `${formatBytes(bytesTotal)} · finishing…`
  }
  if (state !== 'running' || bytesPerSecond === 0) return bytes
  const eta = etaSeconds === null ? '' : ` · ${formatDuration(etaSeconds)} left`
  return `${bytes} · ${speedText(bytesPerSecond)}${eta}`
}

const countOfState = (totals: TransferTotals, ...states: TransferState[]): number =>
  states.reduce((sum, state) => sum + totals.counts[state], 0)

/** Whether anything is queued or moving. */
export const isBusy = (totals: TransferTotals): boolean =>
  countOfState(totals, 'queued', 'running') > 0

/** The panel header's line: `3 of 12 done · 45 MiB of 120 MiB · 12 MiB/s · about 6 s left`. */
export const totalsText = (totals: TransferTotals): string => {
  const all = countOfState(totals, 'queued', 'running', 'paused', 'done', 'failed')
  const parts = [`${totals.counts.done.toLocaleString()} of ${all.toLocaleString()} done`]
  if (totals.bytesTotal > 0) {
    parts.push(`${formatBytes(totals.bytesDone)} of ${formatBytes(totals.bytesTotal)}`)
  }
  // Every byte moved and only the finishing steps left: no speed and no "under a second left".
  const allMoved = totals.bytesTotal > 0 && totals.bytesDone >= totals.bytesTotal
  if (isBusy(totals) && totals.bytesPerSecond > 0 && !allMoved) {
    parts.push(speedText(totals.bytesPerSecond))
    if (totals.etaSeconds !== null) parts.push(`${formatDuration(totals.etaSeconds)} left`)
  }
  return parts.join(' · ')
}

/** Overall percent of the bytes of every transfer not cancelled. */
export const totalsPercent = (totals: TransferTotals): number =>
  totals.bytesTotal === 0
    ? 0
    : Math.min(100, Math.max(0, (totals.bytesDone / totals.bytesTotal) * 100))
