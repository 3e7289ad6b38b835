/**
 * The one handler wrapper every command passes through, in both shells: it checks the sender,
 * validates the request against the contract's schema and returns the result envelope.
 */
import {
  commands,
  isCommandName,
  type CommandName,
  type CommandResponse,
  type ParsedRequest,
} from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/errors'
import { toAppError } from './error-mapper'
import type { Redactor } from './redactor'
import { describeProblems, plainIssueMessage } from './request-problems'

export type Handlers = {
  readonly [C in CommandName]: (request: ParsedRequest<C>) => Promise<CommandResponse<C>>
}

/** Who sent a command; each shell decides trust its own way (frame URL, socket token). */
export type Sender = { readonly trusted: boolean }

export type Dispatch = (name: unknown, request: unknown, sender: Sender) => Promise<Result<unknown>>

/** Told how every command ended (for the app log): never the request or the value. */
export type DispatchObserver = (name: string, result: Result<unknown>, durationMs: number) => void

export const createDispatcher = (
  handlers: Handlers,
  redactor: Redactor,
  observe: DispatchObserver = () => undefined,
): Dispatch => {
  const run = async <C extends CommandName>(
    name: C,
    request: unknown,
  ): Promise<Result<unknown>> => {
    const parsed = commands[name].request.safeParse(request, { error: plainIssueMessage })
    if (!parsed.success) return fail('INVALID_REQUEST', describeProblems(parsed.error.issues))
    const handler = handlers[name] as (request: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  }

  const settle = async (
    name: unknown,
    request: unknown,
    sender: Sender,
  ): Promise<Result<unknown>> => {
    if (!sender.trusted) return fail('UNTRUSTED_SENDER', 'This sender may not use DSS Explorer.')
    if (!isCommandName(name)) {
      return fail(
        'UNKNOWN_COMMAND',
        `There is no command named ${JSON.stringify(String(name)).slice(0, 120)}.`,
      )
    }
    try {
      return await run(name, request)
    } catch (error) {
      const appError = toAppError(error)
      return fail(appError.code, redactor.redact(appError.message))
    }
  }

  return async (name, request, sender) => {
    const started = performance.now()
    const result = await settle(name, request, sender)
    observe(String(name).slice(0, 100), result, Math.round(performance.now() - started))
    return result
  }
}
