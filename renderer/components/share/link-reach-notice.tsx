import { useAppStore } from '../../store/app-store'
import { selectAccountById } from '../../store/selectors'
import { AlertIcon } from '../icons'
import { linkReachWarning } from './link-reach'

/** Above a share dialog's links: who they will not work for, when the account says so. */
export const LinkReachNotice = ({ accountId }: { readonly accountId: string }) => {
  const account = useAppStore(selectAccountById(accountId))
  const warning = linkReachWarning(account)
  if (!warning) return null
  return (
    <div className="notice notice-warning" role="note">
      <AlertIcon />
      <p className="notice-message">{warning}</p>
    </div>
  )
}
