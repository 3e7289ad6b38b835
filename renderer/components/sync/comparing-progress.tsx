import type { CompareProgress } from '../../../shared/sync'
import { useAppStore } from '../../store/app-store'
import { formatBytes } from '../format'
import { Spinner } from '../spinner'

const PHASES: Readonly<Record<CompareProgress['phase'], string>> = {
  'listing-local': 'Reading the local folder',
  'listing-remote': 'Listing the bucket folder',
  hashing: 'Checking content where size and time cannot tell',
}

/** A comparison under way: which side it reads, hashing progress, and a way to stop it. */
export const ComparingProgress = ({ progress }: { readonly progress: CompareProgress | null }) => {
  const cancel = useAppStore((state) => state.cancelSyncCompare)
  const hashing = progress?.phase === 'hashing' && progress.bytesTotal > 0
  return (
    <div className="sync-comparing" role="status" aria-live="polite">
      <p>
        <Spinner /> {progress ? PHASES[progress.phase] : 'Comparing'}…{' '}
        {progress && `${progress.files.toLocaleString()} files`}
      </p>
      {hashing && (
        <>
          <progress
            className="sync-progress"
            aria-label="Content checked"
            max={progress.bytesTotal}
            value={progress.bytesDone}
          />
          <p className="sync-note">
            {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)} checked
          </p>
        </>
      )}
      <button type="button" className="button" onClick={() => void cancel()}>
        Stop comparing
      </button>
    </div>
  )
}
