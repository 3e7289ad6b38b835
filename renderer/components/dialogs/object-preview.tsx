import type { Preview } from '../../../shared/objects'
import { ErrorNotice } from '../error-notice'
import { Spinner } from '../spinner'
import type { Loaded } from './use-loaded'

/** An image, the start of a text file, or why there is no preview. */
export const ObjectPreview = ({ preview }: { readonly preview: Loaded<Preview> }) => {
  if (preview.state === 'loading') {
    return (
      <p className="preview-note" role="status">
        <Spinner /> Loading preview…
      </p>
    )
  }
  if (preview.state === 'failed') return <ErrorNotice title="No preview" error={preview.error} />
  const { value } = preview
  if (value.kind === 'image') {
    return (
      <div className="preview-image">
        <img src={value.dataUrl} alt="Preview" />
      </div>
    )
  }
  if (value.kind === 'text') {
    return (
      <>
        <pre className="preview-text" data-testid="preview-text">
          {value.text}
        </pre>
        {value.truncated && (
          <p className="preview-note">Only the beginning of the file is shown.</p>
        )}
      </>
    )
  }
  return <p className="preview-note">{value.reason}</p>
}
