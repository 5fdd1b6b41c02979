// English / 中文 switch (remembered per browser).
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'zh' ? 'zh' : 'en';
  return (
    <label className="language-switch">
      <span className="sr-only">{t('app.language')}</span>
      <select
        value={current}
        onChange={(e) => void changeLanguage(e.target.value as Language)}
        data-testid="language"
      >
        <option value="en">English</option>
        <option value="zh">中文</option>
      </select>
    </label>
  );
}
