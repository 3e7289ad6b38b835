/** The footer of a share dialog once its link is made: back to the settings, or done. */
export const ResultFooter = ({
  onChangeSettings,
  onDone,
}: {
  readonly onChangeSettings: () => void
  readonly onDone: () => void
}) => (
  <>
    <button type="button" className="button button-quiet" onClick={onChangeSettings}>
      Change settings
    </button>
    <span className="modal-footer-gap" />
    <button type="button" className="button button-primary" onClick={onDone}>
      Done
    </button>
  </>
)
