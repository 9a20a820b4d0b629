import { useTranslation } from 'react-i18next';
import { rememberChosenLanguage } from '../../app/language.js';
import { isLocale } from '../../i18n.js';
import { useDeskServices, useSession } from '../../services.js';
import { LocaleOptions } from '../../ui/LocaleOptions.js';

/**
 * The language select: in Settings once signed in, on the sign-in screen's top bar before. The choice
 * is remembered for this agent (and as this machine's last) and applies at once.
 */
export function LanguageSelect({ id }: { id: string }) {
  const { storage } = useDeskServices();
  const { i18n } = useTranslation();
  const userId = useSession((state) => state.user?.id ?? null);

  return (
    <select
      id={id}
      value={i18n.resolvedLanguage ?? i18n.language}
      onChange={(event) => {
        const language = event.target.value;
        if (!isLocale(language)) return;
        rememberChosenLanguage(storage, language, userId);
        void i18n.changeLanguage(language);
      }}
    >
      <LocaleOptions />
    </select>
  );
}
