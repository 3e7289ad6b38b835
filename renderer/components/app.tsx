import { AccountSidebar } from './account-sidebar'
import { MainView } from './main-view'
import { StatusBar } from './status-bar'

/** The window: accounts on the left, the open account or the connect form on the right. */
export const App = () => (
  <div className="app">
    <AccountSidebar />
    <main className="main">
      <MainView />
    </main>
    <StatusBar />
  </div>
)
