import type { AppError } from '../../shared/errors'
import { AlertIcon } from './icons'

type Props = {
  readonly error: AppError
  readonly title?: string
  readonly onRetry?: () => void
  readonly onDismiss?: () => void
}

/** An error as the user should read it: the message first, the stable code small beneath. */
export const ErrorNotice = ({ error, title, onRetry, onDismiss }: Props) => (
  <div className="notice notice-error" role="alert">
    <AlertIcon />
    <div className="notice-body">
      {title && <p className="notice-title">{title}</p>}
      <p className="notice-message">{error.message}</p>
      <code className="notice-code">{error.code}</code>
    </div>
    {onRetry && (
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    )}
    {onDismiss && (
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    )}
  </div>
)
