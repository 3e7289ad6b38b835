/**
 * POST /files/stage?name=…&size=…&lastModified=…: a file dropped on the page in the web shell
 * streams here (bounded memory, size checked) into the core's staging folder, and the page gets
 * a stagedId to name it in `transfers.upload`. The caller has passed the guard (token, Host and
 * Origin) already.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { PassThrough } from 'node:stream'
import { z } from 'zod'
import { CodedError, isCodedError } from '../../shared/errors'
import { MAX_OBJECT_BYTES } from '../../shared/transfers'
import type { Staging } from '../core/transfers/staging'

export const STAGE_PATH = '/files/stage'

const stageQuery = z.object({
  name: z.string().min(1).max(1024),
  size: z.coerce.number().int().min(0).max(MAX_OBJECT_BYTES),
  lastModified: z.coerce.number().int().min(0),
})

const answer = (response: ServerResponse, status: number, body: unknown): void => {
  if (response.headersSent) {
    response.destroy()
    return
  }
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(JSON.stringify(body))
}

export const handleStage = async (
  staging: Staging,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> => {
  const query = stageQuery.safeParse(Object.fromEntries(url.searchParams))
  if (!query.success) {
    request.resume()
    answer(response, 400, {
      error: { code: 'INVALID_REQUEST', message: 'Bad name, size or lastModified.' },
    })
    return
  }
  const declared = request.headers['content-length']
  if (declared !== undefined && Number(declared) !== query.data.size) {
    request.resume()
    answer(response, 400, {
      error: { code: 'INVALID_REQUEST', message: 'Content-Length differs from size.' },
    })
    return
  }
  // Staging sees a pass-through, so a refused body never destroys the request (and with it the
  // socket the answer must go out on).
  const body = new PassThrough()
  request.pipe(body)
  // pipe() passes on no abort: a page that stops sending midway (the browser could not read the
  // file to its end) would leave staging waiting, and its half-written copy behind, for good.
  request.once('close', () => {
    if (!request.complete) {
      body.destroy(
        new CodedError(
          'FILE_CHANGED',
          `"${query.data.name}" stopped arriving before its end: it changed or was removed while it was being read.`,
        ),
      )
    }
  })
  try {
    answer(response, 200, await staging.stage(body, query.data))
  } catch (error) {
    request.unpipe(body)
    const message = isCodedError(error) ? error.message : 'The file could not be staged.'
    response.setHeader('Connection', 'close')
    answer(response, 400, { error: { code: 'INVALID_REQUEST', message } })
  }
}
