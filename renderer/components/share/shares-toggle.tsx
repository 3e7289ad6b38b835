import { useAppStore } from '../../store/app-store'
import { LinkIcon } from '../icons'
import { SHARES_PANEL_ID } from './shares-panel'
import { PanelToggle } from '../panel-toggle'

/** The status bar's "Links" button: opens the open account's link history. */
export const SharesToggle = () => {
  const open = useAppStore((state) => state.sharesPanelOpen)
  const setOpen = useAppStore((state) => state.setSharesPanelOpen)
  return (
    <PanelToggle open={open} setOpen={setOpen} controls={SHARES_PANEL_ID}>
      <LinkIcon />
      Links
    </PanelToggle>
  )
}
