/** Handlers for the `edits.*` commands: thin wrappers around the edit service. */
import type { Handlers } from '../dispatcher'
import type { EditService } from './edit-service'

type EditCommands = Extract<keyof Handlers, `edits.${string}`>

export const createEditHandlers = (edits: EditService): Pick<Handlers, EditCommands> => ({
  'edits.open': (ref) => edits.open(ref),
  'edits.list': async () => edits.list(),
  'edits.resolve': ({ id, choice }) => edits.resolve(id, choice),
  'edits.stop': async ({ id }) => {
    await edits.stop(id)
    return null
  },
})
