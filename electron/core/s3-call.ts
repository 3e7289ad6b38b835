/** Runs S3 calls of a connection and rethrows failures as contract errors naming what failed. */
import { CodedError } from '../../shared/errors'
import type { Connection } from './accounts'
import { toAppError, type ErrorContext } from './error-mapper'

export const s3Call = async <T>(
  connection: Connection,
  context: Omit<ErrorContext, 'endpoint'>,
  run: () => Promise<T>,
): Promise<T> => {
  try {
    return await run()
  } catch (error) {
    const appError = toAppError(error, { endpoint: connection.endpoint, ...context })
    throw new CodedError(appError.code, appError.message)
  }
}
