import type { RefObject } from 'react'
import { useState } from 'react'
import { useAppStore } from '../../store/app-store'
import { SearchIcon } from '../icons'
import { shortcutLabel } from '../shortcuts'
import { SearchNote } from './search-note'

type Props = { readonly inputRef: RefObject<HTMLInputElement | null> }

/**
 * Filters the loaded rows as you type (keyed by folder, so a new folder starts afresh); in
 * "Search bucket" mode searches every key below the folder for any part of its name, on the
 * server. That walks the whole folder, so it runs on Enter, after the note below has said what
 * it costs, never on each keystroke.
 */
export const FilterBox = ({ inputRef }: Props) => {
  const filterText = useAppStore((state) => state.filterText)
  const setFilterText = useAppStore((state) => state.setFilterText)
  const search = useAppStore((state) => state.listing?.search ?? null)
  const running = useAppStore(
    (state) => state.listing?.search != null && state.listing.status.state === 'loading',
  )
  const searchBucket = useAppStore((state) => state.searchBucket)
  const stopSearch = useAppStore((state) => state.stopSearch)
  const [searching, setSearching] = useState(search !== null)
  const [searchText, setSearchText] = useState(search ?? '')

  const toggleSearch = () => {
    if (searching) {
      setSearching(false)
      searchBucket(null)
    } else {
      setSearching(true)
      setSearchText(filterText)
      setFilterText('')
    }
    inputRef.current?.focus()
  }

  const label = searching ? 'Search bucket' : 'Filter'
  return (
    <div className="filter-area">
      <div className={searching ? 'filter-box is-searching' : 'filter-box'}>
        <SearchIcon />
        <input
          ref={inputRef}
          type="search"
          className="filter-input"
          aria-label={label}
          placeholder={
            searching
              ? 'Any part of a name, then Enter'
              : `Filter this folder (${shortcutLabel({ key: 'f', mod: true })})`
          }
          spellCheck={false}
          value={searching ? searchText : filterText}
          onChange={(event) =>
            searching ? setSearchText(event.target.value) : setFilterText(event.target.value)
          }
          onKeyDown={(event) => {
            if (event.key === 'Enter' && searching)
              searchBucket(searchText === '' ? null : searchText)
            if (event.key === 'Escape' && searching && running) {
              event.preventDefault()
              stopSearch()
            } else if (event.key === 'Escape' && (searching ? searchText : filterText) !== '') {
              event.preventDefault()
              if (searching) setSearchText('')
              else setFilterText('')
            }
          }}
        />
        <button
          type="button"
          className="filter-mode"
          aria-pressed={searching}
          title="Search every key below this folder for any part of its name, on the server"
          onClick={toggleSearch}
        >
          Search bucket
        </button>
      </div>
      {searching && <SearchNote text={searchText} />}
    </div>
  )
}
