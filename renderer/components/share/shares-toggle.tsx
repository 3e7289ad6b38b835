import { useAppStore } from '../../store/app-store'
import { LinkIcon } from '../icons'
import { SHARES_PANEL_ID } from './shares-panel'

/** The status bar's "Links" button: opens the open account's link history. */
export const SharesToggle = () => {
  const open = useAppStore((state) => state.sharesPanelOpen)
  const setOpen = useAppStore((state) => state.setSharesPanelOpen)
  return (
    <button
      type="button"
      className="status-button"
      aria-expanded={open}
      aria-controls={open ? SHARES_PANEL_ID : undefined}
      onClick={() => setOpen(!open)}
    >
      <LinkIcon />
      Links
    </button>
  )
}
