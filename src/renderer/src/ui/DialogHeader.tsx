/**
 * A modal settings dialog's title bar: its heading (which can take the focus when the dialog opens)
 * and the close button. A div, not a header: inside a dialog a header would be a second banner landmark.
 */
export function DialogHeader({ id, title, closeLabel, onClose }: { id: string; title: string; closeLabel: string; onClose(): void }) {
  return (
    <div className="modal-dialog__header">
      <h2 id={id} className="settings-dialog__title" tabIndex={-1}>
        {title}
      </h2>
      <button type="button" className="icon-button" aria-label={closeLabel} title={closeLabel} onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
