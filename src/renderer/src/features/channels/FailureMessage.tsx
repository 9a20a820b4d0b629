import { useTranslation } from 'react-i18next';
import type { ServerFailure } from '../../ui/use-server-action.js';

/** Why the server did not answer, in words: away (with what happens next), or its own refusal. */
export function FailureMessage({ failure, className = 'channels__error' }: { failure: ServerFailure; className?: string }) {
  const { t } = useTranslation('channels');
  return (
    <p className={className} role="alert">
      {failure.kind === 'offline' ? t('offline') : t('failed', { message: failure.message })}
    </p>
  );
}
