/** Asks main what a delete, copy or move of a selection costs, once per dialog. */
import { useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { CostEstimate } from '../../../shared/objects'
import { useAppStore } from '../../store/app-store'
import type { RequestSelection } from '../../store/dialogs'

export type EstimateState =
  | { readonly state: 'counting' }
  | { readonly state: 'ready'; readonly estimate: CostEstimate }
  | { readonly state: 'failed'; readonly error: AppError }

export const useEstimate = (
  accountId: string,
  selection: RequestSelection | null,
  operation: 'delete' | 'copy' | 'move',
): EstimateState | null => {
  const estimate = useAppStore((state) => state.estimate)
  // The selection is fixed for the dialog's life; its JSON stands in for it as a dependency.
  const key = selection === null ? null : JSON.stringify(selection)
  const [result, setResult] = useState<EstimateState | null>(
    key === null ? null : { state: 'counting' },
  )

  useEffect(() => {
    if (key === null) return
    let current = true
    void estimate(accountId, JSON.parse(key) as RequestSelection, operation).then((answer) => {
      if (!current) return
      setResult(
        answer.ok
          ? { state: 'ready', estimate: answer.value }
          : { state: 'failed', error: answer.error },
      )
    })
    return () => {
      current = false
    }
  }, [accountId, key, operation, estimate])

  return result
}
