import './transfers.css'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/app-store'
import { selectTransferRows } from '../../store/transfer-rows'
import { isTransferActive, isTransferFinished } from '../../store/transfers-slice'
import { ErrorNotice } from '../error-notice'
import { countOf } from '../format'
import { CloseIcon, SettingsIcon } from '../icons'
import { PreparationItem } from './preparation-item'
import { totalsPercent, totalsText } from './transfer-format'
import { TransferItem } from './transfer-item'
import { TransferSettingsForm } from './transfer-settings-form'
import { PanelRegion } from '../panel-region'

export const TRANSFERS_PANEL_ID = 'transfers-panel'

/** More rows than this are counted, not drawn: a 10,000-file upload stays a light panel. */
const SHOWN = 200

/** The transfers tray over the status bar: totals, the batches being prepared, every transfer. */
export const TransfersPanel = () => {
  const open = useAppStore((state) => state.transfersPanelOpen)
  const rows = useAppStore(selectTransferRows)
  const preparations = useAppStore(useShallow((state) => [...state.preparations.values()]))
  const totals = useAppStore((state) => state.transferTotals)
  const error = useAppStore((state) => state.transfersError)
  const interrupted = useAppStore(
    (state) =>
      [...state.interruptedIds].filter((id) => state.transfers.get(id)?.state === 'paused').length,
  )
  const setOpen = useAppStore((state) => state.setTransfersPanelOpen)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const store = useAppStore(
    useShallow((state) => ({
      pauseAll: state.pauseAllTransfers,
      resumeAll: state.resumeAllTransfers,
      clearFinished: state.clearFinishedTransfers,
      discardInterrupted: state.discardInterrupted,
    })),
  )
  if (!open) return null
  const close = () => setOpen(false)
  const anyActive = rows.some((row) => isTransferActive(row.state))
  const anyPaused = rows.some((row) => row.state === 'paused')
  const anyFinished = rows.some((row) => isTransferFinished(row.state))
  const percent = totalsPercent(totals)
  const empty = rows.length === 0 && preparations.length === 0

  return (
    <PanelRegion
      id={TRANSFERS_PANEL_ID}
      label="Transfers"
      className="tray-panel transfers-panel"
      onClose={close}
    >
      <header className="tray-header transfers-header">
        <div className="transfers-heading">
          <h2 className="tray-title transfers-title">Transfers</h2>
          <button
            type="button"
            className="button button-quiet button-icon"
            aria-label="Transfer settings"
            title="Transfer settings"
            aria-pressed={settingsOpen}
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            <SettingsIcon />
          </button>
          <button
            type="button"
            className="button button-quiet button-icon"
            aria-label="Close transfers"
            onClick={close}
          >
            <CloseIcon />
          </button>
        </div>
        {rows.length > 0 && (
          <>
            <p className="transfers-totals" data-testid="transfer-totals">
              {totalsText(totals)}
            </p>
            <div
              className="progress-track is-overall"
              role="progressbar"
              aria-label="Overall progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(percent)}
            >
              <span className="progress-fill" style={{ width: `${percent}%` }} />
            </div>
          </>
        )}
        {rows.length > 0 && (
          <div className="transfers-toolbar" role="toolbar" aria-label="All transfers">
            <button
              type="button"
              className="button button-quiet"
              disabled={!anyActive}
              onClick={() => void store.pauseAll()}
            >
              Pause all
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={!anyPaused}
              onClick={() => void store.resumeAll()}
            >
              Resume all
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={!anyFinished}
              onClick={() => void store.clearFinished()}
            >
              Clear finished
            </button>
          </div>
        )}
      </header>
      {error && <ErrorNotice error={error} />}
      {interrupted > 0 && (
        <div className="transfers-interrupted" role="status">
          <p>
            {countOf(interrupted, 'transfer')} did not finish when DSS Explorer last closed. Resume
            to send only what is missing.
          </p>
          <button
            type="button"
            className="link-button"
            onClick={() => void store.discardInterrupted()}
          >
            Discard unfinished uploads
          </button>
        </div>
      )}
      {settingsOpen ? (
        <TransferSettingsForm onDone={() => setSettingsOpen(false)} />
      ) : empty ? (
        <p className="transfers-empty">
          No transfers. Drop files on a folder to upload them, or select items and choose Download.
        </p>
      ) : (
        <ul className="transfers-list">
          {preparations.map((preparation) => (
            <PreparationItem key={preparation.id} preparation={preparation} />
          ))}
          {rows.slice(0, SHOWN).map((transfer) => (
            <TransferItem key={transfer.id} transfer={transfer} />
          ))}
          {rows.length > SHOWN && (
            <li className="transfers-more">and {(rows.length - SHOWN).toLocaleString()} more</li>
          )}
        </ul>
      )}
    </PanelRegion>
  )
}
