/** Keyboard shortcuts: matching key events, and showing them the platform's way. */

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

export type Shortcut = {
  readonly key: string
  /** Ctrl, or ⌘ on a Mac. */
  readonly mod?: boolean
  readonly shift?: boolean
  readonly alt?: boolean
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

export const matches = (event: KeyEventLike, shortcut: Shortcut): boolean => {
  const mod = isMac ? event.metaKey : event.ctrlKey
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  return (
    key === shortcut.key &&
    mod === (shortcut.mod ?? false) &&
    event.shiftKey === (shortcut.shift ?? false) &&
    event.altKey === (shortcut.alt ?? false)
  )
}

const keyNames: Readonly<Record<string, string>> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Delete: 'Del',
}

/** `Ctrl+Shift+N` or `⇧⌘N`. */
export const shortcutLabel = (shortcut: Shortcut): string => {
  const key =
    keyNames[shortcut.key] ??
    (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key)
  if (isMac) {
    return `${shortcut.alt ? '⌥' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key}`
  }
  return [shortcut.mod && 'Ctrl', shortcut.alt && 'Alt', shortcut.shift && 'Shift', key]
    .filter(Boolean)
    .join('+')
}

/** The same shortcut for `aria-keyshortcuts`. */
export const ariaShortcut = (shortcut: Shortcut): string =>
  [
    shortcut.mod && (isMac ? 'Meta' : 'Control'),
    shortcut.alt && 'Alt',
    shortcut.shift && 'Shift',
    shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key,
  ]
    .filter(Boolean)
    .join('+')

/** Whether keys typed here are text, not commands (inputs, text areas, selects, editables). */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
