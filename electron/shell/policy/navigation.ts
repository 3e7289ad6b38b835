/**
 * Where the window may go: it stays on the app's own page, never opens a window of its own, and
 * hands http(s) links to the user's browser. Anything else (file:, javascript:, data:) goes nowhere.
 */
import { isAppUrl } from './app-url'

export const isExternalLink = (url: string): boolean => {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

export type NavigationDecision = {
  /** Let the page navigate (only within the app). */
  readonly allow: boolean
  /** Open the URL in the user's browser instead. */
  readonly openExternally: boolean
}

/** For `will-navigate`: a link or `location` change on the page. */
export const decideNavigation = (url: string): NavigationDecision =>
  isAppUrl(url)
    ? { allow: true, openExternally: false }
    : { allow: false, openExternally: isExternalLink(url) }

/** For `setWindowOpenHandler` (window.open, target=_blank): never a new window of ours. */
export const decideWindowOpen = (url: string): NavigationDecision => ({
  allow: false,
  openExternally: isExternalLink(url),
})
