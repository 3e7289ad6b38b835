/** Overall counts, bytes, speed and ETA over a list of transfer snapshots. */
import type { TransferSnapshot, TransferState, TransferTotals } from '../../../shared/transfers'

export const totalsOf = (transfers: readonly TransferSnapshot[]): TransferTotals => {
  const counts: Record<TransferState, number> = {
    queued: 0,
    running: 0,
    paused: 0,
    done: 0,
    failed: 0,
    cancelled: 0,
  }
  let bytesDone = 0
  let bytesTotal = 0
  let bytesPerSecond = 0
  for (const transfer of transfers) {
    counts[transfer.state] += 1
    if (transfer.state === 'cancelled') continue
    bytesDone += transfer.bytesDone
    bytesTotal += transfer.bytesTotal ?? transfer.bytesDone
    bytesPerSecond += transfer.bytesPerSecond
  }
  const active = counts.queued + counts.running > 0
  return {
    counts,
    bytesDone,
    bytesTotal,
    bytesPerSecond,
    etaSeconds:
      active && bytesPerSecond > 0 ? Math.ceil((bytesTotal - bytesDone) / bytesPerSecond) : null,
  }
}
