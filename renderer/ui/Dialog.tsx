import { useCallback, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons for the footer. */
  footer?: ReactNode;
  testId: string;
  wide?: boolean;
}

/**
 * A modal on the native <dialog> element: focus trapping, Escape and the top layer come from the
 * browser. Mount it to open it; unmount to close.
 */
export function Dialog({ title, onClose, children, footer, testId, wide }: DialogProps) {
  const attach = useCallback((el: HTMLDialogElement | null) => {
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={attach}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <h2 id={`${testId}-title`}>{title}</h2>
        <button type="button" className="icon-button" aria-label="×" onClick={onClose} data-testid={`${testId}-close`}>
          ×
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__footer">{footer}</footer> : null}
    </dialog>
  );
}
