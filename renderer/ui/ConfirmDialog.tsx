import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Dialog } from './Dialog.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useSubmit } from './useSubmit.ts';

interface ConfirmDialogProps {
  title: string;
  /** The confirming button's text: says what will happen (“删除《卷一》”), not “OK”. */
  confirmLabel: string;
  /** Test ids: `<prefix>-dialog`, `<prefix>-cancel`, `<prefix>-confirm`. */
  testPrefix: string;
  /** Done when it resolves; a rejection is shown in the dialog and the user may try again. */
  onConfirm(): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}

/** Asks before something that cannot be taken back; Cancel has the focus, the action is red. */
export function ConfirmDialog({ title, confirmLabel, testPrefix, onConfirm, onClose, children }: ConfirmDialogProps) {
  const { t } = useI18n();
  const submit = useSubmit(onConfirm);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId={`${testPrefix}-dialog`}
      footer={
        <>
          <button type="button" onClick={onClose} autoFocus data-testid={`${testPrefix}-cancel`}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={submit.busy}
            onClick={() => submit.run()}
            data-testid={`${testPrefix}-confirm`}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {submit.error ? <ErrorNotice error={submit.error} /> : null}
    </Dialog>
  );
}
