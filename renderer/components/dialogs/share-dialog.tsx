import '../share/share.css'
import { useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { ShareLink } from '../../../shared/share'
import { baseName } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import type { Entry } from '../../store/object-entry'
import { ErrorNotice } from '../error-notice'
import { countOf } from '../format'
import { DownloadLinks } from '../share/download-links'
import { LinkExpiryFields, useLinkExpiry } from '../share/link-expiry-fields'
import { TextField } from '../text-field'
import { CancelButton, Modal } from './modal'
import { ResultFooter } from '../share/result-footer'
import { LinkReachNotice } from '../share/link-reach-notice'

type Props = { readonly location: Location; readonly entries: readonly Entry[] }

/** Empty text fields are "no override". */
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

/**
 * "Share link…": presigned GET links for the selected files — how long they live (SigV2 beyond 7
 * days where the endpoint takes it), a save-as name and a content type; then the links to copy,
 * open, check, and for one link its QR code.
 */
export const ShareDialog = ({ location, entries }: Props) => {
  const closeDialog = useAppStore((state) => state.closeDialog)
  const createDownloadLinks = useAppStore((state) => state.createDownloadLinks)
  const files = entries.filter(({ kind }) => kind === 'object')
  const folders = entries.length - files.length
  const [only] = files
  const expiry = useLinkExpiry()
  const [downloadName, setDownloadName] = useState('')
  const [contentType, setContentType] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [links, setLinks] = useState<readonly ShareLink[] | null>(null)
  const { problem, signature } = expiry
  const subtitle =
    files.length === 1 && only
      ? `${location.bucket}/${only.key}`
      : `${countOf(files.length, 'file')} in ${location.bucket}/${location.prefix}`

  if (files.length === 0) {
    return (
      <Modal
        title="Share link"
        subtitle={`${location.bucket}/${location.prefix}`}
        onClose={closeDialog}
        footer={
          <button type="button" className="button button-primary" onClick={closeDialog}>
            Close
          </button>
        }
      >
        <p className="modal-text">
          A link is for one file, and {folders === 1 ? 'a folder is' : 'folders are'} not a file: S3
          has no link to a whole folder. Open the folder and select the files in it to share them,
          one link each.
        </p>
      </Modal>
    )
  }

  const create = async () => {
    const { seconds } = expiry
    if (problem !== null || seconds === null || busy) return
    setBusy(true)
    const result = await createDownloadLinks(
      location,
      files.map(({ key }) => key),
      {
        expiresInSeconds: seconds,
        signature,
        downloadName: files.length === 1 ? orNull(downloadName) : null,
        contentType: orNull(contentType),
      },
    )
    setBusy(false)
    if (result.ok) setLinks(result.value)
    else setError(result.error)
  }

  if (links) {
    return (
      <Modal
        title="Share link"
        subtitle={subtitle}
        className="modal-share"
        onClose={closeDialog}
        footer={<ResultFooter onChangeSettings={() => setLinks(null)} onDone={closeDialog} />}
      >
        <LinkReachNotice accountId={location.accountId} />
        <DownloadLinks links={links} />
      </Modal>
    )
  }

  return (
    <Modal
      title="Share link"
      subtitle={subtitle}
      className="modal-share"
      onClose={closeDialog}
      onSubmit={() => void create()}
      footer={
        <>
          <CancelButton onClick={closeDialog} />
          <button
            type="submit"
            className="button button-primary"
            disabled={problem !== null || busy}
          >
            {files.length === 1 ? 'Create link' : `Create ${files.length} links`}
          </button>
        </>
      }
    >
      {folders > 0 && (
        <p className="share-note">
          {countOf(folders, 'folder')} left out: a link is for one file, and S3 has none for a
          folder.
        </p>
      )}
      <LinkReachNotice accountId={location.accountId} />
      <LinkExpiryFields expiry={expiry} accountId={location.accountId} bucket={location.bucket} />
      <div className="share-overrides">
        {files.length === 1 && only && (
          <TextField
            label="Download as"
            value={downloadName}
            placeholder={baseName(only.key)}
            spellCheck={false}
            hint="The name a browser saves the file under. Empty keeps its own."
            onChange={setDownloadName}
          />
        )}
        <TextField
          label="Content type"
          value={contentType}
          placeholder="As stored"
          spellCheck={false}
          hint="Sent instead of the stored type. Empty keeps it."
          onChange={setContentType}
        />
      </div>
      {error && <ErrorNotice title="Could not create the link" error={error} />}
    </Modal>
  )
}
