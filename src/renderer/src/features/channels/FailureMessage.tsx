import { useTranslation } from 'react-i18next';
import type { ServerFailure } from '../../ui/use-server-action.js';

/** Why the server did not answer, in words: away (with what happens next), or its own refusal. */
export function FailureMessage({ failure }: { failure: ServerFailure }) {
  const { t } = useTranslation('channels');
  return (
    <p className="channels__error" role="alert">
      {failure.kind === 'offline' ? t('offline') : t('failed', { message: failure.message })}
    </p>
  );
}
