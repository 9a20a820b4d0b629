import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureMessage } from './FailureMessage.js';
import type { ServerData } from './use-server-data.js';

/** A panel's list once it is there; until then, that it is loading, or why it is not (with a retry). */
export function ServerDataView<T>({ data, children }: { data: ServerData<T> & { reload(): void }; children(value: T): ReactNode }) {
  const { t } = useTranslation('channels');
  if (data.status === 'ready') return children(data.data);
  if (data.status === 'loading') {
    return (
      <p className="channels__message muted" role="status">
        {t('loading')}
      </p>
    );
  }
  return (
    <div className="channels__message">
      <FailureMessage failure={data.failure} />
      <button type="button" className="button button--small" onClick={data.reload}>
        {t('retry')}
      </button>
    </div>
  );
}
