import './requests.css'
import { useAppStore } from '../../store/app-store'
import { selectSelectedAccount } from '../../store/selectors'
import { PulseIcon } from '../icons'
import { PANEL_TOGGLE_ATTRIBUTE, useFocusPanelWhenOpened } from '../panel-focus'
import { meterParts, meterText } from './request-format'
import { REQUEST_LOG_ID } from './request-log-panel'

/**
 * The open account's request rate against its limit, from main's meter; opens the request log.
 * Before the account sends anything there is no reading: it shows 0 of the saved limit.
 */
export const RequestMeter = () => {
  const account = useAppStore(selectSelectedAccount)
  const stats = useAppStore((state) => (account ? state.requestStats.get(account.id) : undefined))
  const open = useAppStore((state) => state.requestLog.state === 'open')
  const openLog = useAppStore((state) => state.openRequestLog)
  const closeLog = useAppStore((state) => state.closeRequestLog)
  const focusWhenOpened = useFocusPanelWhenOpened(open, REQUEST_LOG_ID)
  if (!account) return null

  const reading = stats ?? {
    requestsPerSecond: 0,
    currentRate: account.rateLimit,
    limit: account.rateLimit,
    queued: 0,
    throttles: 0,
  }
  const { rate, slowed, queued } = meterParts(reading)
  const load = Math.min(1, reading.requestsPerSecond / Math.max(1, reading.limit))
  const throttled = reading.throttles > 0 ? ` Slowed down by the server ${reading.throttles}×.` : ''

  return (
    <button
      type="button"
      className={slowed ? 'status-button request-meter is-slowed' : 'status-button request-meter'}
      aria-label={`Requests: ${meterText(reading)}`}
      title={`Requests sent in the last second, of this account's limit.${throttled} Shows the request log.`}
      aria-expanded={open}
      aria-controls={open ? REQUEST_LOG_ID : undefined}
      {...{ [PANEL_TOGGLE_ATTRIBUTE]: REQUEST_LOG_ID }}
      onClick={() => {
        if (open) return closeLog()
        focusWhenOpened()
        openLog()
      }}
    >
      <PulseIcon />
      <span className="meter-gauge" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${load * 100}%` }} />
      </span>
      <span className="meter-rate">{rate}</span>
      {slowed && <span className="meter-slowed">{slowed}</span>}
      {queued && <span className="status-count">{queued}</span>}
    </button>
  )
}
