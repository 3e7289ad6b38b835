/** A typed way for tests to call the real core's commands: the value, or a thrown coded error. */
import type { CommandName, CommandRequest, CommandResponse } from '../../../shared/contract'
import type { Core } from '../core'

export type Caller = <C extends CommandName>(
  name: C,
  request: CommandRequest<C>,
) => Promise<CommandResponse<C>>

export const callerFor =
  (core: Core): Caller =>
  async (name, request) => {
    const result = await core.dispatch(name, request, { trusted: true })
    if (!result.ok) {
      throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), {
        code: result.error.code,
      })
    }
    return result.value as never
  }
