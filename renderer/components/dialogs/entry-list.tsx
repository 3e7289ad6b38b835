import type { Entry } from '../../store/object-entry'
import { FileIcon, FolderIcon } from '../icons'

const SHOWN = 6

/** The first few items a dialog acts on, keys exactly as stored, and how many more. */
export const EntryList = ({ entries }: { readonly entries: readonly Entry[] }) => (
  <ul className="entry-list" aria-label="Items">
    {entries.slice(0, SHOWN).map((entry) => (
      <li key={entry.key} className="entry-list-item" title={entry.key}>
        {entry.kind === 'folder' ? <FolderIcon /> : <FileIcon />}
        <span className="entry-list-name">{entry.key}</span>
      </li>
    ))}
    {entries.length > SHOWN && (
      <li className="entry-list-more">and {(entries.length - SHOWN).toLocaleString()} more</li>
    )}
  </ul>
)
