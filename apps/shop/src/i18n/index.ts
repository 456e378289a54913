import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'siyu.shop.language';

const stored = (): Language => {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: stored(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});
document.documentElement.lang = i18n.language;

/** The current language and a setter that remembers the choice in localStorage. */
export function useLanguage() {
  const { i18n: instance } = useTranslation();
  const language: Language = instance.language === 'en' ? 'en' : 'zh-CN';
  const setLanguage = (next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = next;
    void instance.changeLanguage(next);
  };
  return { language, setLanguage };
}

export { i18n };
