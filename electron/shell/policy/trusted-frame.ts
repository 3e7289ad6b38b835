/** Which frames may send commands to the core: our own page's top frame, nothing else. */
import { isAppUrl } from './app-url'

/** What the IPC glue reads off `event.senderFrame` (null once that frame is gone). */
export type FrameFacts = {
  readonly url: string
  /** False for an iframe or any other child frame, whatever it loaded. */
  readonly isTopFrame: boolean
}

export const isTrustedFrame = (frame: FrameFacts | null): boolean =>
  frame !== null && frame.isTopFrame && isAppUrl(frame.url)
