import type { ReactNode } from 'react'
import { memo } from 'react'
import type { TransferSnapshot, TransferState } from '../../../shared/transfers'
import { parentPrefix } from '../../../shared/s3-keys'
import { appStore } from '../../store/app-store'
import { DownloadIcon, PauseIcon, PlayIcon, RetryIcon, CloseIcon, UploadIcon } from '../icons'
import { percentOf, percentText, transferMeta } from './transfer-format'

const stateLabel = (state: TransferState, kind: TransferSnapshot['kind']): string =>
  state === 'running'
    ? kind === 'upload'
      ? 'Uploading'
      : 'Downloading'
    : {
        queued: 'Queued',
        paused: 'Paused',
        done: 'Done',
        failed: 'Failed',
        cancelled: 'Cancelled',
      }[state]

/** The folder it goes to: the bucket folder of an upload, the local folder of a download. */
const placeOf = (transfer: TransferSnapshot): string => {
  if (transfer.kind === 'upload') return `${transfer.bucket}/${parentPrefix(transfer.key)}`
  const local = transfer.localPath ?? ''
  const folder = local.slice(0, Math.max(local.lastIndexOf('/'), local.lastIndexOf('\\')) + 1)
  // The end of a long local path says more than its start.
  const parts = folder.split(/(?<=[/\\])/)
  return parts.length > 4 ? `…${parts.slice(-3).join('')}` : folder
}

const summary = (transfer: TransferSnapshot): string =>
  transfer.kind === 'upload'
    ? `Upload to ${transfer.bucket}/${transfer.key}`
    : `Download of ${transfer.bucket}/${transfer.key}${transfer.localPath ? ` to ${transfer.localPath}` : ''}`

type ActionProps = {
  readonly label: string
  readonly icon: ReactNode
  readonly onClick: () => void
}

const Action = ({ label, icon, onClick }: ActionProps) => (
  <button type="button" className="row-action" onClick={onClick}>
    {icon}
    {label}
  </button>
)

/** One upload or download: what and where, a bar of its bytes, speed and time left, its buttons. */
export const TransferItem = memo(function TransferItem({
  transfer,
}: {
  readonly transfer: TransferSnapshot
}) {
  const { id, name, kind, state, error, note } = transfer
  const percent = percentOf(transfer)
  const store = appStore.getState
  const canPause = state === 'queued' || state === 'running'
  const canCancel = canPause || state === 'paused' || state === 'failed'
  const done = state === 'done'
  return (
    <li className="transfer" data-testid="transfer" data-state={state} aria-label={name}>
      <div className="transfer-head">
        <span className="transfer-direction" title={kind === 'upload' ? 'Upload' : 'Download'}>
          {kind === 'upload' ? <UploadIcon /> : <DownloadIcon />}
          <span className="visually-hidden">{kind === 'upload' ? 'Upload' : 'Download'}</span>
        </span>
        <span className="transfer-name" title={summary(transfer)}>
          {name}
        </span>
        <span className="transfer-place" title={summary(transfer)}>
          {placeOf(transfer)}
        </span>
        {done && <span className="transfer-size">{transferMeta(transfer)}</span>}
        <span className={`transfer-state state-badge is-${state}`}>{stateLabel(state, kind)}</span>
      </div>
      {!done && (
        <>
          <div
            className="progress-track"
            role="progressbar"
            aria-label={`Progress of ${name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(percent)}
            aria-valuetext={percentText(percent, false)}
          >
            <span className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <div className="transfer-meta">
            <span className="transfer-bytes">{transferMeta(transfer)}</span>
            <span className="row-actions">
              {canPause && (
                <Action
                  label="Pause"
                  icon={<PauseIcon />}
                  onClick={() => void store().pauseTransfer(id)}
                />
              )}
              {state === 'paused' && (
                <Action
                  label="Resume"
                  icon={<PlayIcon />}
                  onClick={() => void store().resumeTransfer(id)}
                />
              )}
              {state === 'failed' && (
                <Action
                  label="Retry"
                  icon={<RetryIcon />}
                  onClick={() => void store().retryTransfer(id)}
                />
              )}
              {canCancel && (
                <Action
                  label="Cancel"
                  icon={<CloseIcon />}
                  onClick={() => void store().cancelTransfer(id)}
                />
              )}
            </span>
          </div>
        </>
      )}
      {error && (
        <p className="transfer-error" role="alert">
          {error.message} <code>{error.code}</code>
        </p>
      )}
      {note && <p className="transfer-note">{note}</p>}
    </li>
  )
})
