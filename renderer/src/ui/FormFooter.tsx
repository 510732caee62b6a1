interface Props {
  /** A message about the whole form, announced as an alert. */
  error?: string | undefined;
  onCancel: () => void;
  cancelLabel?: string;
  saving: boolean;
}

/** The end of a settings form: its error, then Cancel and Save. */
export function FormFooter({ error, onCancel, cancelLabel = 'Cancel', saving }: Props) {
  return (
    <>
      {error && (
        <p className="settings__error" role="alert">
          {error}
        </p>
      )}
      <div className="settings__actions">
        <button type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          Save
        </button>
      </div>
    </>
  );
}
