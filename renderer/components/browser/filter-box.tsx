import type { RefObject } from 'react'
import { useEffect, useState } from 'react'
import { useAppStore } from '../../store/app-store'
import { SearchIcon } from '../icons'
import { shortcutLabel } from '../shortcuts'

// Waits for a pause in typing before asking the server, so a word is one listing, not five.
const SEARCH_DELAY_MS = 300

type Props = { readonly inputRef: RefObject<HTMLInputElement | null> }

/**
 * Filters the loaded rows as you type (keyed by folder, so a new folder starts afresh); in "Search bucket" mode asks the server instead, for
 * every key under the folder that starts with the text.
 */
export const FilterBox = ({ inputRef }: Props) => {
  const filterText = useAppStore((state) => state.filterText)
  const setFilterText = useAppStore((state) => state.setFilterText)
  const search = useAppStore((state) => state.listing?.search ?? null)
  const searchBucket = useAppStore((state) => state.searchBucket)
  const [searching, setSearching] = useState(search !== null)
  const [searchText, setSearchText] = useState(search ?? '')

  // Empty text shows the folder itself: a search for '' would list the whole subtree.
  useEffect(() => {
    if (!searching) return
    const timer = setTimeout(
      () => searchBucket(searchText === '' ? null : searchText),
      SEARCH_DELAY_MS,
    )
    return () => clearTimeout(timer)
  }, [searching, searchText, searchBucket])

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
    <div className={searching ? 'filter-box is-searching' : 'filter-box'}>
      <SearchIcon />
      <input
        ref={inputRef}
        type="search"
        className="filter-input"
        aria-label={label}
        placeholder={
          searching
            ? 'Keys starting with…'
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
          if (event.key === 'Escape' && (searching ? searchText : filterText) !== '') {
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
        title="Search the whole bucket below this folder, on the server"
        onClick={toggleSearch}
      >
        Search bucket
      </button>
    </div>
  )
}
