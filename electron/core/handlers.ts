/** The command handlers: one entry per command of the contract. */
import { ListBucketsCommand } from '@aws-sdk/client-s3'
import type { AppInfo, BucketSummary } from '../../shared/accounts'
import { CodedError } from '../../shared/errors'
import type { Accounts, Connection } from './accounts'
import type { Handlers } from './dispatcher'
import { toAppError } from './error-mapper'
import type { Sandbox } from './sandbox/sandbox'

/** Runs an S3 call and rethrows its failure as a contract error naming the endpoint. */
const withErrors = async <T>(connection: Connection, run: () => Promise<T>): Promise<T> => {
  try {
    return await run()
  } catch (error) {
    const appError = toAppError(error, { endpoint: connection.endpoint })
    throw new CodedError(appError.code, appError.message)
  }
}

const listBuckets = async (connection: Connection): Promise<BucketSummary[]> =>
  withErrors(connection, async () => {
    const answer = await connection.client.send(new ListBucketsCommand({}))
    return (answer.Buckets ?? []).map((bucket) => ({
      name: bucket.Name ?? '',
      createdAt: bucket.CreationDate?.toISOString() ?? null,
    }))
  })

export const createHandlers = (deps: {
  info: AppInfo
  accounts: Accounts
  sandbox: Sandbox
}): Handlers => ({
  'app.info': async () => deps.info,
  'accounts.list': () => deps.accounts.list(),
  'accounts.test': async ({ id, draft }) => {
    const connection = await deps.accounts.draftConnection(id, draft)
    try {
      const started = performance.now()
      const buckets = await listBuckets(connection)
      return { bucketCount: buckets.length, latencyMs: Math.round(performance.now() - started) }
    } finally {
      connection.client.destroy()
    }
  },
  'accounts.save': ({ id, draft }) => deps.accounts.save(id, draft),
  'accounts.remove': async ({ id }) => {
    await deps.accounts.remove(id)
    return null
  },
  'sandbox.start': () => deps.sandbox.start(),
  'buckets.list': async ({ accountId }) => listBuckets(await deps.accounts.connection(accountId)),
})
