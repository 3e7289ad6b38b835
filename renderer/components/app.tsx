import { AccountSidebar } from './account-sidebar'
import { ConnectionBanner } from './connection-banner'
import { DialogHost } from './dialogs/dialog-host'
import { EditsPanel } from './edits/edits-panel'
import { JobsPanel } from './jobs/jobs-panel'
import { MainView } from './main-view'
import { RequestLogPanel } from './requests/request-log-panel'
import { LinkNotice } from './share/link-notice'
import { SharesPanel } from './share/shares-panel'
import { StatusBar } from './status-bar'
import { TransfersPanel } from './transfers/transfers-panel'
import { FileDropGuard } from './uploads/file-drop-guard'

/**
 * The window: the accounts tree on the left, the open bucket, account or connect form on the
 * right, the request log (when open) under it, the status bar below; the jobs, transfers and links
 * panels, the link notice, dialogs and (web shell) the connection banner over them.
 */
export const App = () => (
  <div className="app">
    <AccountSidebar />
    <main className="main">
      <MainView />
    </main>
    <RequestLogPanel />
    <StatusBar />
    <div className="trays">
      <EditsPanel />
      <JobsPanel />
      <TransfersPanel />
      <SharesPanel />
    </div>
    <LinkNotice />
    <DialogHost />
    <FileDropGuard />
    <ConnectionBanner />
  </div>
)
