import './local-folder.css'
import { useState } from 'react'
import { useAppStore } from '../../store/app-store'
import { TextField } from '../text-field'
import { FolderChooserDialog } from './folder-chooser-dialog'

type Props = {
  readonly label: string
  /** The chooser's title ("Sync with which local folder?"). */
  readonly title: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly hint?: string
  readonly hintTone?: 'normal' | 'error'
  readonly placeholder?: string
  readonly autoFocus?: boolean
}

/**
 * A local folder's path, typed or picked with Browse: the OS dialog in Electron, the in-app
 * chooser (main lists the folders) in the web shell.
 */
export const LocalFolderField = ({ title, value, onChange, ...field }: Props) => {
  const native = useAppStore((state) => state.nativeFolderDialog)
  const chooseNatively = useAppStore((state) => state.chooseFolderNatively)
  const [choosing, setChoosing] = useState(false)

  const browse = async () => {
    if (!native) {
      setChoosing(true)
      return
    }
    const chosen = await chooseNatively(title, value.trim())
    if (chosen) onChange(chosen)
  }

  return (
    <div className="local-folder-field">
      <TextField {...field} value={value} spellCheck={false} onChange={onChange} />
      <button
        type="button"
        className="button local-folder-browse"
        // Named by its own text: a name with the field's label in it would be found by that label too.
        title={`Choose the ${field.label.toLowerCase()} from this computer's folders`}
        onClick={() => void browse()}
      >
        Browse…
      </button>
      {choosing && (
        <FolderChooserDialog
          title={title}
          onChoose={(path) => {
            setChoosing(false)
            onChange(path)
          }}
          onClose={() => setChoosing(false)}
        />
      )}
    </div>
  )
}
