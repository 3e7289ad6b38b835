/** An indeterminate progress ring; the text beside it carries the meaning. */
export const Spinner = () => <span className="spinner" aria-hidden="true" />
