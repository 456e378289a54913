import { Selector } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { type Language, languages, useLanguage } from '../i18n';

/** 简体中文 / English, remembered in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Selector
      data-testid="language-switch"
      showCheckMark={false}
      style={{ '--padding': '4px 12px' }}
      options={languages.map((value) => ({ value, label: t(value === 'en' ? 'language.en' : 'language.zh') }))}
      value={[language]}
      onChange={(v) => {
        const next = v[0] as Language | undefined;
        if (next) setLanguage(next);
      }}
    />
  );
}

/** A compact 中/EN toggle for NavBars (the login page, before the "me" page is reachable). */
export function LanguageToggle() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const next: Language = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="language-toggle"
      aria-label={t('language.label')}
      data-testid="language-toggle"
      onClick={() => setLanguage(next)}
    >
      {next === 'en' ? 'EN' : '中'}
    </button>
  );
}
