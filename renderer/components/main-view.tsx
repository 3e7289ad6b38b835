import { useAppStore } from '../store/app-store'
import { selectSelectedAccount } from '../store/selectors'
import { BucketView } from './bucket-view'
import { ConnectScreen } from './connect-screen'
import { WelcomeScreen } from './welcome-screen'

/** The main area: the connect form when open, else the open account, else the welcome. */
export const MainView = () => {
  const editorOpen = useAppStore((state) => state.editor.mode !== 'closed')
  const account = useAppStore(selectSelectedAccount)
  const accountsLoading = useAppStore((state) => state.accountList.state === 'loading')

  if (accountsLoading) return null
  if (editorOpen) return <ConnectScreen />
  if (account) return <BucketView key={account.id} account={account} />
  return <WelcomeScreen />
}
