import { folderNameProblem, joinKey, keyProblem } from '../../../shared/s3-keys'
import { useAppStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { NameDialog } from './name-dialog'

/** Asks for a folder name, checked as typed, and creates the folder in the open one. */
export const NewFolderDialog = ({ location }: { readonly location: Location }) => {
  const createFolder = useAppStore((state) => state.createFolder)
  const entries = useAppStore((state) => state.listing?.entries)
  const exists = (name: string): boolean =>
    entries?.some((entry) => entry.key === joinKey(location.prefix, `${name}/`)) ?? false

  return (
    <NameDialog
      title="New folder"
      subtitle={`In ${location.bucket}/${location.prefix}`}
      label="Folder name"
      submitLabel="Create folder"
      hint="Any characters but “/”. Spaces are kept as typed."
      problemOf={(name) =>
        folderNameProblem(name) ??
        keyProblem(joinKey(location.prefix, `${name}/`)) ??
        (exists(name) ? `A folder named “${name}” is already here.` : null)
      }
      create={async (name) => {
        const result = await createFolder(location, name)
        return result.ok ? null : result.error
      }}
      errorTitle="Could not create the folder"
    />
  )
}
