import type { SaveState } from '../../editor/autosave.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** 已保存 / 未保存 / 保存中 / 冲突 (and 保存失败); a click saves now. */
export function SaveIndicator({ state, onSaveNow }: { state: SaveState; onSaveNow: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="save-indicator"
      data-state={state}
      data-testid="save-state"
      title={t('proof.save.now')}
      aria-live="polite"
      onClick={onSaveNow}
    >
      {t(`proof.save.${state}`)}
    </button>
  );
}
