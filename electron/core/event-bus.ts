/** Typed main → renderer events; each shell subscribes once and forwards them. */
import type { EventName, EventPayload } from '../../shared/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export type EventBus = {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

export const createEventBus = (): EventBus => {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload) {
      for (const listener of listeners) listener(name, payload)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
