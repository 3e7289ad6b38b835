/**
 * The web shell's link to the core: a WebSocket that can drop (the shell stopped or restarted).
 * Electron's IPC cannot, so there the connection is always up and nothing is shown.
 */
import type { AppError } from '../../shared/errors'

export type ConnectionStatus =
  /** The first connection of this page, not made yet (invokes wait for it). */
  | { readonly state: 'connecting' }
  | { readonly state: 'connected' }
  /** The socket dropped; trying again with backoff. Invokes fail at once meanwhile. */
  | { readonly state: 'reconnecting' }
  /** No more tries: the shell stayed away (`gone`) or no longer accepts this page's token. */
  | { readonly state: 'lost'; readonly reason: 'gone' | 'refused' }

export type Connection = {
  status(): ConnectionStatus
  /** Calls `listener` on every change of status; returns the unsubscribe function. */
  subscribe(listener: (status: ConnectionStatus) => void): () => void
}

/** Why an invoke failed at once: the sentence a person reads, per status. */
export const notConnectedError = (status: ConnectionStatus): AppError => ({
  code: 'CONNECTION_RESET',
  message:
    status.state === 'lost'
      ? status.reason === 'refused'
        ? 'DSS Explorer no longer accepts this page. Open the link it printed when it started.'
        : 'DSS Explorer has stopped. Start it again, then reload this page.'
      : 'Not connected to DSS Explorer: reconnecting. Try again in a moment.',
})
