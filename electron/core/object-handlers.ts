/** Handlers for buckets, objects and bulk jobs (issue 3's operations). */
import { CreateBucketCommand, DeleteBucketCommand } from '@aws-sdk/client-s3'
import { bucketNameProblem } from '../../shared/bucket-names'
import { CodedError } from '../../shared/errors'
import type { Selection } from '../../shared/objects'
import { keyProblem, parentPrefix } from '../../shared/s3-keys'
import type { Accounts } from './accounts'
import type { Cancellations } from './cancellations'
import type { Handlers } from './dispatcher'
import type { EventBus } from './event-bus'
import { clashMessage } from './jobs/copy-clashes'
import { checkCopyPlan, copySelection, findPlanClashes, sourceFolders } from './jobs/copy-objects'
import { deleteSelection } from './jobs/delete-objects'
import type { JobManager } from './jobs/job-manager'
import { estimateCost } from './objects/estimate'
import { createFolder } from './objects/folders'
import { createListingSessions } from './objects/listing-sessions'
import { previewObject } from './objects/preview'
import { headObject, updateProperties } from './objects/properties'
import { s3Call } from './s3-call'

type ObjectCommands =
  | 'buckets.create'
  | 'buckets.delete'
  | 'objects.list'
  | 'objects.head'
  | 'objects.updateProperties'
  | 'objects.createFolder'
  | 'objects.preview'
  | 'objects.estimate'
  | 'jobs.start'
  | 'jobs.clashes'
  | 'jobs.cancel'
  | 'jobs.list'
  | 'jobs.clearFinished'

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** 'photos/' or '3 items' — what a job's title calls its selection. */
const describeSelection = (selection: Selection): string => {
  const items = [...selection.keys, ...selection.prefixes]
  if (items.length === 1) return items[0] === '' ? `everything` : `"${items[0]}"`
  return plural(items.length, 'item')
}

const checkKey = (key: string): void => {
  const problem = keyProblem(key)
  if (problem) throw new CodedError('INVALID_KEY', problem)
}

export const createObjectHandlers = (deps: {
  accounts: Accounts
  jobs: JobManager
  events: EventBus
  cancellations: Cancellations
}): Pick<Handlers, ObjectCommands> => {
  const { accounts, jobs, events, cancellations } = deps
  // Listings of the window go on fetching between its calls for the next page.
  const listings = createListingSessions()
  const changed = (accountId: string, bucket: string, prefix: string): void =>
    events.emit('objects.changed', { accountId, bucket, prefix })

  return {
    'buckets.create': async ({ accountId, name }) => {
      const problem = bucketNameProblem(name)
      if (problem) throw new CodedError('INVALID_BUCKET_NAME', problem)
      const connection = await accounts.connection(accountId)
      await s3Call(connection, { bucket: name }, () =>
        connection.client.send(new CreateBucketCommand({ Bucket: name })),
      )
      return { name, createdAt: new Date().toISOString() }
    },
    'buckets.delete': async ({ accountId, name }) => {
      const connection = await accounts.connection(accountId)
      await s3Call(connection, { bucket: name }, () =>
        connection.client.send(new DeleteBucketCommand({ Bucket: name })),
      )
      return null
    },
    'objects.list': ({ accountId, bucket, requestId, ...request }) =>
      cancellations.run(requestId, async (signal) => {
        const connection = await accounts.connection(accountId)
        return s3Call(connection, { bucket }, () =>
          listings.page(connection, { bucket, ...request }, signal),
        )
      }),
    'objects.head': ({ accountId, bucket, key, requestId }) =>
      cancellations.run(requestId, async (signal) => {
        const connection = await accounts.connection(accountId)
        return s3Call(connection, { bucket, key }, () =>
          headObject(connection, bucket, key, signal),
        )
      }),
    'objects.updateProperties': async ({ accountId, bucket, key, ...changes }) => {
      const connection = await accounts.connection(accountId)
      const properties = await s3Call(connection, { bucket, key }, () =>
        updateProperties(connection, bucket, key, changes),
      )
      changed(accountId, bucket, parentPrefix(key))
      return properties
    },
    'objects.createFolder': async ({ accountId, bucket, prefix, name }) => {
      const connection = await accounts.connection(accountId)
      const key = await s3Call(connection, { bucket }, () =>
        createFolder(connection, bucket, prefix, name),
      )
      changed(accountId, bucket, prefix)
      return { key }
    },
    'objects.preview': ({ accountId, bucket, key, requestId }) =>
      cancellations.run(requestId, async (signal) => {
        const connection = await accounts.connection(accountId)
        return s3Call(connection, { bucket, key }, () =>
          previewObject(connection, bucket, key, signal),
        )
      }),
    'objects.estimate': ({ accountId, selection, operation, requestId }) =>
      cancellations.run(requestId, async (signal) => {
        const connection = await accounts.connection(accountId)
        return s3Call(connection, { bucket: selection.bucket }, () =>
          estimateCost(connection, selection, operation, signal),
        )
      }),
    'jobs.start': async (request) => {
      const connection = await accounts.connection(request.accountId)
      const { accountId } = request
      if (request.kind === 'delete') {
        const { selection } = request
        selection.keys.forEach(checkKey)
        return jobs.start({
          accountId,
          kind: 'delete',
          title: `Delete ${describeSelection(selection)} in ${selection.bucket}`,
          run: (context) => deleteSelection(connection, selection, context),
          finally: () =>
            sourceFolders(selection).forEach((prefix) =>
              changed(accountId, selection.bucket, prefix),
            ),
        })
      }
      if (request.kind === 'empty-bucket') {
        const { bucket, deleteBucket } = request
        return jobs.start({
          accountId,
          kind: 'empty-bucket',
          title: deleteBucket ? `Empty and delete bucket ${bucket}` : `Empty bucket ${bucket}`,
          run: async (context) => {
            await deleteSelection(connection, { bucket, keys: [], prefixes: [''] }, context)
            if (!deleteBucket || context.signal.aborted) return
            await s3Call(connection, { bucket }, () =>
              connection.client.send(new DeleteBucketCommand({ Bucket: bucket }), {
                abortSignal: context.signal,
              }),
            )
          },
          finally: () => changed(accountId, bucket, ''),
        })
      }
      const { selection, target, newName, kind, conflict } = request
      const targetAccount = target.accountId ?? accountId
      const across =
        targetAccount === accountId ? undefined : await accounts.connection(targetAccount)
      const plan = { selection, target, newName, move: kind === 'move', conflict, across }
      // Impossible plans (into itself, onto itself) fail here, before the job or any request.
      checkCopyPlan(plan)
      // Never a silent overwrite: without a choice, any existing target refuses the job.
      if (conflict === undefined) {
        const { existing } = await s3Call(across ?? connection, { bucket: target.bucket }, () =>
          findPlanClashes(connection, plan),
        )
        if (existing.length > 0) throw new CodedError('NAME_CLASH', clashMessage(existing))
      }
      const verb = newName !== undefined ? 'Rename' : kind === 'move' ? 'Move' : 'Copy'
      const where =
        newName !== undefined
          ? `to "${newName}"`
          : `to ${target.bucket}/${target.prefix}${across ? ` in ${across.endpoint}` : ''}`
      return jobs.start({
        accountId,
        kind,
        title: `${verb} ${describeSelection(selection)} ${where}`,
        run: (context) => copySelection(connection, plan, context),
        finally: () => {
          changed(targetAccount, target.bucket, target.prefix)
          if (kind === 'move')
            sourceFolders(selection).forEach((prefix) =>
              changed(accountId, selection.bucket, prefix),
            )
        },
      })
    },
    'jobs.clashes': ({ accountId, selection, target, newName, kind, requestId }) =>
      cancellations.run(requestId, async (signal) => {
        const connection = await accounts.connection(accountId)
        const targetAccount = target.accountId ?? accountId
        const across =
          targetAccount === accountId ? undefined : await accounts.connection(targetAccount)
        const plan = { selection, target, newName, move: kind === 'move', across }
        checkCopyPlan(plan)
        const { existing } = await s3Call(across ?? connection, { bucket: target.bucket }, () =>
          findPlanClashes(connection, plan, signal),
        )
        return { existing }
      }),
    'jobs.cancel': async ({ jobId }) => {
      jobs.cancel(jobId)
      return null
    },
    'jobs.list': async () => jobs.list(),
    'jobs.clearFinished': async () => {
      jobs.clearFinished()
      return null
    },
  }
}
