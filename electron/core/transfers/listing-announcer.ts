/**
 * Tells the renderer which listings finished uploads changed (`objects.changed`), once per folder
 * after things calm down, so 1,000 files make a handful of events, not 1,000.
 */
import { parentPrefix } from '../../../shared/s3-keys'
import type { TransfersUpdate } from '../../../shared/transfers'
import type { EventBus } from '../event-bus'

const DELAY_MS = 500

export type ListingAnnouncer = {
  /** Remembers a batch's target folder: it changes too (new sub-folders). */
  batch(batchId: string, prefix: string): void
  /** Looks at an update for finished uploads. */
  observe(update: TransfersUpdate): void
  stop(): void
}

export const createListingAnnouncer = (events: EventBus): ListingAnnouncer => {
  const pending = new Map<string, { accountId: string; bucket: string; prefix: string }>()
  const batchPrefixes = new Map<string, string>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const announce = (accountId: string, bucket: string, prefix: string): void => {
    pending.set(JSON.stringify([accountId, bucket, prefix]), { accountId, bucket, prefix })
    timer ??= setTimeout(() => {
      timer = undefined
      const changes = [...pending.values()]
      pending.clear()
      for (const change of changes) events.emit('objects.changed', change)
    }, DELAY_MS)
  }

  return {
    batch(batchId, prefix) {
      batchPrefixes.set(batchId, prefix)
    },
    observe(update) {
      for (const transfer of update.changed) {
        if (transfer.kind !== 'upload' || transfer.state !== 'done') continue
        announce(transfer.accountId, transfer.bucket, parentPrefix(transfer.key))
        const batchPrefix = batchPrefixes.get(transfer.batchId)
        if (batchPrefix !== undefined) announce(transfer.accountId, transfer.bucket, batchPrefix)
      }
    },
    stop() {
      clearTimeout(timer)
    },
  }
}
