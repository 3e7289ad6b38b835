import { useAppStore } from '../store/app-store'
import { selectSelectedAccount } from '../store/selectors'
import { ObjectBrowser } from './browser/object-browser'
import { BucketView } from './bucket-view'
import { ConnectScreen } from './connect-screen'
import { SyncPanel } from './sync/sync-panel'
import { WelcomeScreen } from './welcome-screen'

/**
 * The main area: the connect form when open, else an open sync, else the open bucket, else the open account's
 * buckets, else the welcome.
 */
export const MainView = () => {
  const editorOpen = useAppStore((state) => state.editor.mode !== 'closed')
  const account = useAppStore(selectSelectedAccount)
  const location = useAppStore((state) => state.location)
  const accountsLoading = useAppStore((state) => state.accountList.state === 'loading')
  const syncOpen = useAppStore((state) => state.syncSession !== null)

  if (accountsLoading) return null
  if (editorOpen) return <ConnectScreen />
  if (syncOpen) return <SyncPanel />
  if (location && location.accountId === account?.id) {
    return <ObjectBrowser key={`${location.accountId}/${location.bucket}`} location={location} />
  }
  if (account) return <BucketView key={account.id} account={account} />
  return <WelcomeScreen />
}
