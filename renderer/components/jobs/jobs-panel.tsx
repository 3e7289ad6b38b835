import './jobs.css'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/app-store'
import { isFinished } from '../../store/jobs-slice'
import { ErrorNotice } from '../error-notice'
import { CloseIcon } from '../icons'
import { JobItem } from './job-item'
import { PanelRegion } from '../panel-region'

export const JOBS_PANEL_ID = 'jobs-panel'

/** The jobs tray over the status bar: newest first, with Cancel and Clear finished. */
export const JobsPanel = () => {
  const open = useAppStore((state) => state.jobsPanelOpen)
  const jobs = useAppStore(useShallow((state) => [...state.jobs.values()].reverse()))
  const jobsError = useAppStore((state) => state.jobsError)
  const setOpen = useAppStore((state) => state.setJobsPanelOpen)
  const clearFinished = useAppStore((state) => state.clearFinishedJobs)
  if (!open) return null
  const anyFinished = jobs.some((job) => isFinished(job.state))

  return (
    <PanelRegion
      id={JOBS_PANEL_ID}
      label="Jobs"
      className="tray-panel jobs-panel"
      onClose={() => setOpen(false)}
    >
      <header className="tray-header jobs-header">
        <h2 className="tray-title jobs-title">Jobs</h2>
        <button
          type="button"
          className="button button-quiet"
          disabled={!anyFinished}
          onClick={() => void clearFinished()}
        >
          Clear finished
        </button>
        <button
          type="button"
          className="button button-quiet button-icon"
          aria-label="Close jobs"
          onClick={() => setOpen(false)}
        >
          <CloseIcon />
        </button>
      </header>
      {jobsError && <ErrorNotice error={jobsError} />}
      {jobs.length === 0 ? (
        <p className="jobs-empty">No jobs. Deletes, copies and moves show their progress here.</p>
      ) : (
        <ul className="jobs-list">
          {jobs.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
    </PanelRegion>
  )
}
