import type { InputHTMLAttributes } from 'react'
import { useId } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> & {
  readonly label: string
  readonly hint?: string
  /** An error hint is shown in red and announced. */
  readonly hintTone?: 'normal' | 'error'
  readonly onChange: (value: string) => void
}

/** A labelled input with an optional hint the input is described by. */
export const TextField = ({
  label,
  hint,
  hintTone = 'normal',
  onChange,
  className,
  ...input
}: Props) => {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        className="input"
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p
          className={hintTone === 'error' ? 'field-hint field-hint-error' : 'field-hint'}
          id={hintId}
          aria-live="polite"
        >
          {hint}
        </p>
      )}
    </div>
  )
}
