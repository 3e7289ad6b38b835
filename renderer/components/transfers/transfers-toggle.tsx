import { useAppStore } from '../../store/app-store'
import { TransfersIcon } from '../icons'
import { Spinner } from '../spinner'
import { TRANSFERS_PANEL_ID } from './transfers-panel'
import { isBusy, percentText, speedText, totalsPercent } from './transfer-format'
import { PanelToggle } from '../panel-toggle'

/** The status bar's "Transfers" button: overall percent and speed while busy; opens the panel. */
export const TransfersToggle = () => {
  const open = useAppStore((state) => state.transfersPanelOpen)
  const setOpen = useAppStore((state) => state.setTransfersPanelOpen)
  const totals = useAppStore((state) => state.transferTotals)
  const preparing = useAppStore((state) => state.preparations.size > 0)
  const busy = isBusy(totals)
  const { paused, failed } = totals.counts
  return (
    <PanelToggle open={open} setOpen={setOpen} controls={TRANSFERS_PANEL_ID} failed={failed > 0}>
      {busy || preparing ? <Spinner /> : <TransfersIcon />}
      Transfers
      {busy && (
        <span className="status-progress">
          {percentText(totalsPercent(totals), false)}
          {totals.bytesPerSecond > 0 && ` · ${speedText(totals.bytesPerSecond)}`}
        </span>
      )}
      {!busy && paused > 0 && <span className="status-count">{paused} paused</span>}
      {failed > 0 && <span className="status-count is-failed">{failed} failed</span>}
    </PanelToggle>
  )
}
