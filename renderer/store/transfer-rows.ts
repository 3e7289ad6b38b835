/**
 * The transfers panel's rows: newest batch first, each batch in key order, so rows keep their
 * place while their states change.
 */
import type { TransferSnapshot } from '../../shared/transfers'
import type { AppState } from './app-state'

let last: { map: ReadonlyMap<string, TransferSnapshot>; rows: TransferSnapshot[] } | null = null

export const orderTransfers = (
  transfers: ReadonlyMap<string, TransferSnapshot>,
): TransferSnapshot[] => {
  const batches = new Map<string, TransferSnapshot[]>()
  for (const transfer of transfers.values()) {
    const batch = batches.get(transfer.batchId)
    if (batch) batch.push(transfer)
    else batches.set(transfer.batchId, [transfer])
  }
  return [...batches.values()]
    .reverse()
    .flatMap((batch) => batch.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))
}

/** Memoised on the map's identity (a new map arrives with every update). */
export const selectTransferRows = (state: Pick<AppState, 'transfers'>): TransferSnapshot[] => {
  if (last?.map !== state.transfers) {
    last = { map: state.transfers, rows: orderTransfers(state.transfers) }
  }
  return last.rows
}
