/**
 * Shown while long work runs (imports, reports): an announced progress indicator and, where the work
 * changes nothing until its last step, a Cancel button that abandons it.
 */
export function WorkInProgress({ label, onCancel }: { label: string; onCancel?: () => void }) {
  return (
    <div className="work-in-progress" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
      {onCancel ? (
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
