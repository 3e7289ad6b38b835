/** The object browser's keyboard shortcuts, off while the user types in a field or a dialog. */
import type { RefObject } from 'react'
import { useEffect } from 'react'
import { appStore } from '../../store/app-store'
import { isTyping, matches } from '../shortcuts'
import type { CommandId, ObjectCommand } from './object-commands'
import { commandIds } from './object-commands'

type Commands = Readonly<Record<CommandId, ObjectCommand>>

const findFilter = { key: 'f', mod: true } as const

/** Handles a key pressed inside the browser; returns whether it was a shortcut. */
/** A key event from React or from the DOM. */
type KeyEventLike = Pick<
  globalThis.KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'defaultPrevented' | 'preventDefault'
> & { readonly target: EventTarget | null }

export const runShortcut = (event: KeyEventLike, commands: Commands): boolean => {
  if (isTyping(event.target) || event.defaultPrevented) return false
  // Enter on a button presses the button.
  if (event.key === 'Enter' && event.target instanceof HTMLButtonElement) return false
  for (const id of commandIds) {
    const command = commands[id]
    if (!command.shortcuts.some((shortcut) => matches(event, shortcut))) continue
    event.preventDefault()
    if (command.unavailable === null) command.run()
    return true
  }
  return false
}

/**
 * Window-wide keys while the browser is open: Ctrl/⌘+F focuses the filter from anywhere, and
 * with focus nowhere in particular (on the page body) the browser's shortcuts apply.
 */
export const useWindowShortcuts = (
  filter: RefObject<HTMLInputElement | null>,
  commands: Commands,
): void => {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (appStore.getState().dialog !== null || event.defaultPrevented) return
      if (matches(event, findFilter)) {
        event.preventDefault()
        filter.current?.focus()
        filter.current?.select()
      } else if (event.target === document.body) {
        runShortcut(event, commands)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [filter, commands])
}
