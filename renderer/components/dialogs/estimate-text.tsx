import { useAppStore } from '../../store/app-store'
import { selectAccountById } from '../../store/selectors'
import { countOf, formatBytes, formatDuration } from '../format'
import { Spinner } from '../spinner'
import type { EstimateState } from './use-estimate'

/** "1,204 objects (2.1 GiB) · 14 requests · about 1 s at 100 requests/s". */
export const EstimateText = ({
  accountId,
  estimate,
}: {
  readonly accountId: string
  readonly estimate: EstimateState
}) => {
  const rate = useAppStore((state) => selectAccountById(accountId)(state)?.rateLimit ?? null)
  return (
    <p className="estimate" role="status" data-testid="estimate">
      {estimate.state === 'counting' && (
        <>
          <Spinner /> Counting what this takes…
        </>
      )}
      {estimate.state === 'failed' && <>Could not count the objects: {estimate.error.message}</>}
      {estimate.state === 'ready' && (
        <>
          {countOf(estimate.estimate.objects, 'object')} ({formatBytes(estimate.estimate.bytes)}) ·{' '}
          {countOf(estimate.estimate.requests, 'request')} ·{' '}
          {formatDuration(estimate.estimate.seconds)}
          {rate !== null && ` at ${rate.toLocaleString()} requests/s`}
        </>
      )}
    </p>
  )
}
