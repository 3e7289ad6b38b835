/**
 * Transfers as the desktop shows them outside the window: progress on the taskbar button (Windows,
 * Linux launchers) or dock icon (macOS), and a notification when a batch finishes while the window
 * is not in front. The decisions are electron/core/transfers/batch-tracker.ts (tested there).
 */
import { Notification, type BrowserWindow } from 'electron'
import type { Core } from '../core/core'
import { createBatchTracker, describeBatch, taskbarProgress } from '../core/transfers/batch-tracker'

export const showTransfersOnDesktop = (
  core: Core,
  window: () => BrowserWindow | null,
): (() => void) => {
  const tracker = createBatchTracker()
  let last = ''
  return core.events.on('transfers.updated', (update) => {
    const target = window()
    if (!target || target.isDestroyed()) return
    const progress = taskbarProgress(update.totals)
    const shown = `${progress.mode}:${progress.fraction.toFixed(3)}`
    if (shown !== last) {
      last = shown
      target.setProgressBar(progress.fraction, {
        mode: progress.mode === 'indeterminate' ? 'indeterminate' : progress.mode,
      })
    }
    for (const batch of tracker.observe(update)) {
      const notice = describeBatch(batch)
      if (!notice || target.isFocused() || !Notification.isSupported()) continue
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        silent: true,
      })
      notification.on('click', () => {
        if (target.isMinimized()) target.restore()
        target.focus()
      })
      notification.show()
    }
  })
}
