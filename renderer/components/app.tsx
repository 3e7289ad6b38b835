import { AccountSidebar } from './account-sidebar'
import { ConnectionBanner } from './connection-banner'
import { DialogHost } from './dialogs/dialog-host'
import { EditsPanel } from './edits/edits-panel'
import { JobsPanel } from './jobs/jobs-panel'
import { MainView } from './main-view'
import { PanelDock } from './panel-dock'
import { RequestLogPanel } from './requests/request-log-panel'
import { LinkNotice } from './share/link-notice'
import { SharesPanel } from './share/shares-panel'
import { SidebarLayout } from './sidebar-splitter'
import { StatusBar } from './status-bar'
import { TransfersPanel } from './transfers/transfers-panel'
import { FileDropGuard } from './uploads/file-drop-guard'

/**
 * The window: the accounts tree on the left (its width dragged on its edge), the open bucket, account or connect form on the
 * right, the docked trays (edits, jobs, transfers, links) and the request log (when open) under
 * it, the status bar below; the link notice, dialogs and (web shell) the connection banner over
 * them.
 */
export const App = () => (
  <SidebarLayout>
    <AccountSidebar />
    <main className="main">
      <MainView />
    </main>
    <PanelDock>
      <EditsPanel />
      <JobsPanel />
      <TransfersPanel />
      <SharesPanel />
    </PanelDock>
    <RequestLogPanel />
    <StatusBar />
    <LinkNotice />
    <DialogHost />
    <FileDropGuard />
    <ConnectionBanner />
  </SidebarLayout>
)
