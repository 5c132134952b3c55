import type { Language } from '../../shared/model/prefs.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGUAGES } from '../i18n/translate.ts';
import { HeaderSearch } from '../features/search/HeaderSearch.tsx';
import { SyncBadge } from '../features/sync/SyncBadge.tsx';
import { routeHref } from '../router.ts';
import { useNotices } from '../ui/Notices.tsx';
import { usePrefs } from './PrefsContext.tsx';
import { useShell } from './ShellContext.tsx';

const LANG_TEST_IDS: Record<Language, string> = { 'zh-CN': 'lang-zh', en: 'lang-en' };

export function AppHeader() {
  const { t } = useI18n();
  const { prefs, update } = usePrefs();
  const notices = useNotices();
  const { openSettings } = useShell();
  return (
    <header className="app-header" data-testid="app-header">
      <a className="brand" href={routeHref({ name: 'library' })} data-testid="nav-library">
        <span className="brand__mark" aria-hidden="true">
          编
        </span>
        <span className="brand__name">{t('app.name')}</span>
      </a>
      <nav className="app-header__nav">
        <a href={routeHref({ name: 'library' })}>{t('header.library')}</a>
      </nav>
      <HeaderSearch />
      <div className="app-header__spacer" />
      <SyncBadge />
      <span className="app-header__user" data-testid="header-user">
        {prefs.userName ? t('header.user', { name: prefs.userName }) : t('header.noUser')}
      </span>
      <div className="segmented" role="group" aria-label={t('lang.label')}>
        {LANGUAGES.map((lang) => (
          <button
            key={lang}
            type="button"
            aria-pressed={prefs.language === lang}
            data-testid={LANG_TEST_IDS[lang]}
            onClick={() => void update({ language: lang }).catch(notices.error)}
          >
            {t(`lang.${lang}`)}
          </button>
        ))}
      </div>
      <button type="button" onClick={openSettings} data-testid="open-settings">
        {t('header.settings')}
      </button>
    </header>
  );
}
