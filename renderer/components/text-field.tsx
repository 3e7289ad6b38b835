import type { InputHTMLAttributes } from 'react'
import { useId } from 'react'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> & {
  readonly label: string
  readonly hint?: string
  readonly onChange: (value: string) => void
}

/** A labelled input with an optional hint the input is described by. */
export const TextField = ({ label, hint, onChange, className, ...input }: Props) => {
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
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}
