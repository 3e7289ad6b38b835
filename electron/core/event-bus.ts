/** Typed main → renderer events; each shell subscribes once and forwards them. */
import type { EventName, EventPayload } from '../../shared/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export type EventBus = {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
  /** One event's payloads, typed. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void
}

export const createEventBus = (): EventBus => {
  const listeners = new Set<EventListener>()
  const subscribe = (listener: EventListener): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }
  return {
    subscribe,
    on(name, listener) {
      return subscribe((emitted: EventName, payload: unknown) => {
        if (emitted === name) listener(payload as EventPayload<typeof name>)
      })
    },
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload)
    },
  }
}
