import type { ShareLink } from '../../../shared/share'
import { expiresText } from './share-format'
import { useNow } from './use-now'

/** "Expires … (in 1 hour)" of an issued link, and a badge when it is a legacy SigV2 one. */
export const LinkExpiry = ({ link }: { readonly link: ShareLink }) => {
  const now = useNow(15_000)
  return (
    <p className="share-expires" data-testid="link-expiry">
      {expiresText(new Date(link.expiresAt), new Date(now))}
      {link.signature === 'v2' && <span className="badge badge-warning">SigV2 legacy</span>}
    </p>
  )
}
