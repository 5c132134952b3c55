import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { useSubmit } from '../ui/useSubmit.ts';
import { usePrefs } from './PrefsContext.tsx';

/**
 * Asks for the user's name when the app starts without one: every sign-off records who signed, and
 * main refuses a blank signer. “Later” closes it for this session (signing then says where to set
 * the name); it asks again on the next start until a name is saved.
 */
export function UserNamePrompt() {
  const { prefs } = usePrefs();
  // Decided once, at start: clearing the name in Settings later does not pop this up mid-session.
  const [open, setOpen] = useState(() => prefs.userName.trim() === '');
  return open ? <UserNameDialog onClose={() => setOpen(false)} /> : null;
}

function UserNameDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const { update } = usePrefs();
  const [name, setName] = useState('');
  const form = useSubmit(async () => {
    await update({ userName: name.trim() });
    onClose();
  });
  return (
    <Dialog
      title={t('workflow.namePrompt.title')}
      onClose={onClose}
      testId="user-name-prompt"
      footer={
        <>
          <button type="button" onClick={onClose} data-testid="user-name-later">
            {t('workflow.namePrompt.later')}
          </button>
          <button
            type="submit"
            form="user-name-form"
            className="primary"
            disabled={form.busy || name.trim() === ''}
            data-testid="user-name-save"
          >
            {t('common.save')}
          </button>
        </>
      }
    >
      <p>{t('workflow.namePrompt.body')}</p>
      <form id="user-name-form" className="form-grid" onSubmit={form.onSubmit}>
        <label htmlFor="user-name-input">{t('settings.userName')}</label>
        <input
          id="user-name-input"
          data-testid="user-name-input"
          value={name}
          maxLength={100}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </form>
      {form.error ? <ErrorNotice error={form.error} /> : null}
    </Dialog>
  );
}
