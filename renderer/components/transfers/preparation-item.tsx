import type { Preparation } from '../../store/uploads-slice'
import { appStore } from '../../store/app-store'
import { countOf, formatBytes } from '../format'
import { CloseIcon, UploadIcon } from '../icons'
import { Spinner } from '../spinner'
import { percentText } from './transfer-format'

const stateText: Readonly<Record<Preparation['state'], string>> = {
  checking: 'Checking names',
  asking: 'Name clash',
  queuing: 'Starting',
  staging: 'Preparing',
  failed: 'Failed',
}

/** An upload batch before main queues it: checking names, waiting for an answer, or staging. */
export const PreparationItem = ({ preparation }: { readonly preparation: Preparation }) => {
  const { id, name, state, files, bytesDone, bytesTotal, error, target } = preparation
  const percent = bytesTotal === 0 ? 0 : (bytesDone / bytesTotal) * 100
  const failed = state === 'failed'
  return (
    <li
      className="transfer is-preparation"
      data-testid="preparation"
      data-state={failed ? 'failed' : 'preparing'}
      aria-label={name}
    >
      <div className="transfer-head">
        <span className="transfer-direction" title="Upload">
          <UploadIcon />
          <span className="visually-hidden">Upload</span>
        </span>
        <span className="transfer-name" title={`Upload to ${target.bucket}/${target.prefix}`}>
          {name}
        </span>
        <span className="transfer-place">
          {target.bucket}/{target.prefix}
        </span>
        <span
          className={
            failed
              ? 'transfer-state state-badge is-failed'
              : 'transfer-state state-badge is-preparing'
          }
        >
          {!failed && <Spinner />}
          {stateText[state]}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`Progress of ${name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={`Preparing, ${percentText(percent, false)}`}
      >
        <span className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="transfer-meta">
        <span className="transfer-bytes">
          {countOf(files, 'file')}
          {state === 'staging' &&
            ` · ${formatBytes(bytesDone)} of ${formatBytes(bytesTotal)} prepared`}
          {state === 'asking' && ' · waiting for your answer'}
        </span>
        <span className="row-actions">
          {state === 'asking' && (
            <button
              type="button"
              className="row-action"
              onClick={() => appStore.getState().askAgain(id)}
            >
              Answer…
            </button>
          )}
          <button
            type="button"
            className="row-action"
            onClick={() => appStore.getState().cancelPreparation(id)}
          >
            <CloseIcon />
            {failed ? 'Dismiss' : 'Cancel'}
          </button>
        </span>
      </div>
      {error && (
        <p className="transfer-error" role="alert">
          {error.message} <code>{error.code}</code>
        </p>
      )}
    </li>
  )
}
