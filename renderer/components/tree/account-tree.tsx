import './tree.css'
import type { KeyboardEvent } from 'react'
import { useCallback, useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/app-store'
import { selectSidebarAccounts } from '../../store/selectors'
import type { MenuItem } from '../context-menu'
import { ContextMenu } from '../context-menu'
import { AccountNode } from './account-node'

type Menu = { readonly x: number; readonly y: number; readonly items: readonly MenuItem[] }

const focusable = (tree: HTMLElement): HTMLElement[] => [
  ...tree.querySelectorAll<HTMLElement>('[role="treeitem"]:not([aria-disabled="true"])'),
]

/** Moves focus among the rows: up/down, Home/End, and left to a row's parent. */
const onTreeKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
  const rows = focusable(event.currentTarget)
  const at = rows.indexOf(document.activeElement as HTMLElement)
  if (at === -1) return
  let target: HTMLElement | undefined
  if (event.key === 'ArrowDown') target = rows[at + 1]
  else if (event.key === 'ArrowUp') target = rows[at - 1]
  else if (event.key === 'Home') target = rows[0]
  else if (event.key === 'End') target = rows.at(-1)
  else if (event.key === 'ArrowLeft') {
    const level = Number(rows[at]?.getAttribute('aria-level'))
    target = rows
      .slice(0, at)
      .reverse()
      .find((row) => Number(row.getAttribute('aria-level')) === level - 1)
  } else return
  event.preventDefault()
  target?.focus()
}

/** Accounts → buckets → folders, as one tree with lazily listed folders, open to the current one. */
export const AccountTree = () => {
  const accounts = useAppStore(useShallow(selectSidebarAccounts))
  const [menu, setMenu] = useState<Menu | null>(null)
  const openMenu = useCallback(
    (x: number, y: number, items: readonly MenuItem[]) => setMenu({ x, y, items }),
    [],
  )
  const closeMenu = useCallback(() => setMenu(null), [])
  // Wherever a folder was opened from (table, breadcrumbs, back and forward), the tree unfolds
  // the way to it; its row is then marked current (aria-current) and scrolled into view.
  const location = useAppStore((state) => state.location)
  const revealFolder = useAppStore((state) => state.revealFolder)
  useEffect(() => {
    if (location) revealFolder(location)
  }, [location, revealFolder])

  return (
    <>
      <div
        className="account-tree"
        role="tree"
        aria-labelledby="accounts-heading"
        // The rows are the tab stops (one at a time); the tree only gathers their keys.
        tabIndex={-1}
        onKeyDown={onTreeKeyDown}
      >
        {accounts.map((account, index) => (
          <AccountNode key={account.id} account={account} first={index === 0} onMenu={openMenu} />
        ))}
      </div>
      {menu && (
        <ContextMenu
          label="Tree actions"
          x={menu.x}
          y={menu.y}
          items={menu.items}
          onClose={closeMenu}
        />
      )}
    </>
  )
}
