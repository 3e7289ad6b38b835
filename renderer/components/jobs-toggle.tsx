import { useAppStore } from '../store/app-store'
import { isFinished } from '../store/jobs-slice'
import { JobsIcon } from './icons'
import { JOBS_PANEL_ID } from './jobs/jobs-panel'
import { Spinner } from './spinner'
import { PanelToggle } from './panel-toggle'

/** Opens and closes the jobs panel; shows how many run and whether any failed. */
export const JobsToggle = () => {
  const open = useAppStore((state) => state.jobsPanelOpen)
  const setOpen = useAppStore((state) => state.setJobsPanelOpen)
  const running = useAppStore(
    (state) => [...state.jobs.values()].filter((job) => !isFinished(job.state)).length,
  )
  const failed = useAppStore(
    (state) => [...state.jobs.values()].filter((job) => job.state === 'failed').length,
  )
  return (
    <PanelToggle open={open} setOpen={setOpen} controls={JOBS_PANEL_ID} failed={failed > 0}>
      {running > 0 ? <Spinner /> : <JobsIcon />}
      Jobs
      {running > 0 && <span className="status-count">{running}</span>}
      {failed > 0 && <span className="status-count is-failed">{failed} failed</span>}
    </PanelToggle>
  )
}
