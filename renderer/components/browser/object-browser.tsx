import './browser.css'
import { useCallback, useRef, useState } from 'react'
import { appStore } from '../../store/app-store'
import type { Location } from '../../store/location'
import { treeNodeId } from '../../store/tree-slice'
import { Breadcrumbs } from './breadcrumbs'
import { BrowserToolbar } from './browser-toolbar'
import { FilterBox } from './filter-box'
import { ListingBody } from './listing-body'
import { ListingProgress } from './listing-progress'
import { useObjectCommands } from './object-commands'
import { ObjectContextMenu } from './object-context-menu'
import { runShortcut, useWindowShortcuts } from './use-browser-shortcuts'

type Menu = { readonly x: number; readonly y: number; readonly onRows: boolean }

/** A bucket open at a folder: toolbar, breadcrumbs, filter and the object table. */
export const ObjectBrowser = ({ location }: { readonly location: Location }) => {
  const commands = useObjectCommands()
  const filterRef = useRef<HTMLInputElement>(null)
  const [menu, setMenu] = useState<Menu | null>(null)
  useWindowShortcuts(filterRef, commands)

  // Read at the time of the click: a right-click on a row selects it just before.
  const openMenu = useCallback(
    (x: number, y: number) => setMenu({ x, y, onRows: appStore.getState().selectedKeys.size > 0 }),
    [],
  )
  const closeMenu = useCallback(() => setMenu(null), [])

  return (
    // Shortcuts bubble up here from the table, the toolbar and the filter; the section itself is
    // not a control.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      className="browser"
      aria-label={`Bucket ${location.bucket}`}
      onKeyDown={(event) => runShortcut(event, commands)}
    >
      <header className="browser-header">
        <BrowserToolbar commands={commands} />
        <div className="browser-bar">
          <Breadcrumbs location={location} />
          <ListingProgress />
          <FilterBox key={treeNodeId(location)} inputRef={filterRef} />
        </div>
      </header>
      <ListingBody onContextMenu={openMenu} />
      {menu && (
        <ObjectContextMenu
          x={menu.x}
          y={menu.y}
          commands={commands}
          onRows={menu.onRows}
          onClose={closeMenu}
        />
      )}
    </section>
  )
}
