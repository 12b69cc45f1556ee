import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage, type Language } from '../i18n';

/** SV/EN switch for the header; the choice is remembered for the next start. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('ui');
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'sv';
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      aria-label={t('language.label')}
      value={current}
      onChange={(language) => switchLanguage(i18n, language as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
