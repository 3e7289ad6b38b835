/** Timeout errors of the HTTP handler, told apart by stage and put in the user's words. */
import { describe, expect, it } from 'vitest'
import { toAppError } from './error-mapper'

/** What @smithy/node-http-handler throws when each limit runs out (its own wording). */
const handlerTimeout = (message: string, code?: string) =>
  Object.assign(new Error(message), { name: 'TimeoutError', ...(code ? { code } : {}) })

const context = { endpoint: 'https://s3.example.test:8443' }

describe('timeouts', () => {
  it.each([
    [
      'connect',
      handlerTimeout(
        '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.',
      ),
      'Could not connect to s3.example.test:8443 within 10 seconds. Check the endpoint and your network, then try again.',
    ],
    [
      'first byte',
      handlerTimeout(
        '@smithy/node-http-handler - [ERROR] a request has exceeded the configured 1500 ms requestTimeout.',
        'ETIMEDOUT',
      ),
      's3.example.test:8443 accepted the connection but sent no answer within 1.5 seconds. Check the endpoint and your network, then try again.',
    ],
    [
      'idle',
      handlerTimeout(
        '@smithy/node-http-handler - the request socket timed out after 60000 ms of inactivity (configured by client requestHandler).',
      ),
      's3.example.test:8443 stopped answering: nothing arrived for 60 seconds. Check the endpoint and your network, then try again.',
    ],
    [
      'unknown stage',
      handlerTimeout('Connection timed out'),
      's3.example.test:8443 did not answer in time. Check the endpoint and your network, then try again.',
    ],
  ])('%s: TIMEOUT naming the server and the limit', (_stage, error, message) => {
    expect(toAppError(error, context)).toEqual({ code: 'TIMEOUT', message })
  })
})
