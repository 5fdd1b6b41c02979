// i18next set-up: English and Simplified Chinese UI strings; the language is remembered per
// browser and defaults to the browser's preference.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';

export type Language = 'en' | 'zh';
export const LANGUAGES: Language[] = ['en', 'zh'];
const STORAGE_KEY = 'accord.language';

/** The language to start in: the saved choice, else the browser's preference. */
export function initialLanguage(saved: string | null, preferred: readonly string[]): Language {
  if (saved === 'en' || saved === 'zh') return saved;
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function setupI18n(language?: Language) {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [];
  const lng = language ?? initialLanguage(saved, preferred);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(lng);
  return i18next;
}

function applyDocumentLanguage(lng: Language) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
}

export function changeLanguage(lng: Language) {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, lng);
  applyDocumentLanguage(lng);
  return i18next.changeLanguage(lng);
}
