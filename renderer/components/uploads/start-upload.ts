/** Hands a drop or a pick to the store's upload, reporting a drop that could not be read. */
import type { AppError } from '../../../shared/errors'
import { appStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { pickFiles } from './pick-files'
import { readDrop } from './read-drop'

const unreadable = (error: unknown): AppError => ({
  code: 'LOCAL_FILE_ERROR',
  message: error instanceof Error ? error.message : 'The dropped files could not be read.',
})

/** Call during the `drop` event (see readDrop). */
export const uploadDrop = (data: DataTransfer, target: Location): void => {
  readDrop(data).then(
    (picked) => void appStore.getState().upload(target, picked),
    (error: unknown) =>
      appStore.setState({
        actionError: { title: 'Could not read the dropped files', error: unreadable(error) },
      }),
  )
}

export const uploadPicked = async (kind: 'files' | 'folder', target: Location): Promise<void> => {
  const picked = await pickFiles(kind)
  if (picked) await appStore.getState().upload(target, picked)
}
