import { useAppStore } from '../../store/app-store'
import { DeleteBucketDialog } from './delete-bucket-dialog'
import { DeleteDialog } from './delete-dialog'
import { DownloadDialog } from './download-dialog'
import { NameClashDialog } from './name-clash-dialog'
import { NewBucketDialog } from './new-bucket-dialog'
import { NewFolderDialog } from './new-folder-dialog'
import { PropertiesDialog } from './properties-dialog'
import { RenameDialog } from './rename-dialog'
import { ShareDialog } from './share-dialog'
import { TransferDialog } from './transfer-dialog'
import { UploadLinkDialog } from './upload-link-dialog'

/** Shows the store's one open dialog. */
export const DialogHost = () => {
  const dialog = useAppStore((state) => state.dialog)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'new-folder':
      return <NewFolderDialog location={dialog.location} />
    case 'rename':
      return <RenameDialog location={dialog.location} entry={dialog.entry} />
    case 'delete':
      return <DeleteDialog location={dialog.location} entries={dialog.entries} />
    case 'properties':
      return <PropertiesDialog location={dialog.location} entry={dialog.entry} />
    case 'transfer':
      return (
        <TransferDialog mode={dialog.mode} location={dialog.location} entries={dialog.entries} />
      )
    case 'download':
      return <DownloadDialog location={dialog.location} entries={dialog.entries} />
    case 'share':
      return <ShareDialog location={dialog.location} entries={dialog.entries} />
    case 'upload-link':
      return <UploadLinkDialog location={dialog.location} />
    case 'name-clash':
      return (
        <NameClashDialog
          key={dialog.preparationId}
          operation={dialog.operation}
          preparationId={dialog.preparationId}
          target={dialog.target}
          existing={dialog.existing}
          total={dialog.total}
        />
      )
    case 'new-bucket':
      return <NewBucketDialog accountId={dialog.accountId} />
    case 'delete-bucket':
      return <DeleteBucketDialog accountId={dialog.accountId} bucket={dialog.bucket} />
  }
}
