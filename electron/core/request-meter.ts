/** Emits each active account's request rate about twice a second, for the status bar meter. */
import type { Accounts } from './accounts'
import type { EventBus } from './event-bus'

export const METER_INTERVAL_MS = 500

export const startRequestMeter = (accounts: Accounts, events: EventBus): { stop(): void } => {
  const last = new Map<string, string>()
  const timer = setInterval(() => {
    for (const [accountId, connection] of accounts.openConnections()) {
      const stats = { accountId, ...connection.governor.stats() }
      const fingerprint = JSON.stringify(stats)
      // Quiet accounts send one last "0 requests" and then nothing until they are busy again.
      if (last.get(accountId) === fingerprint) continue
      last.set(accountId, fingerprint)
      events.emit('requests.stats', stats)
    }
  }, METER_INTERVAL_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
