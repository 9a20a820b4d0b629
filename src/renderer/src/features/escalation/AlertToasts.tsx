import { useTranslation } from 'react-i18next';
import { alertText } from '../../../../shared/alerts/alert-text.js';
import { isLocale } from '../../i18n.js';
import { useAlerts, useDeskServices } from '../../services.js';
import './escalation.css';

/**
 * In-app notices for what rang when no desktop notification could show it (the browser did not allow
 * them, or the agent is looking at the console): bottom right, read out politely, kept until dismissed
 * (no timer decides how long someone may take to read).
 */
export function AlertToasts() {
  const { alerts, ticketPane } = useDeskServices();
  const { t, i18n } = useTranslation('escalation');
  const toasts = useAlerts((state) => state.toasts);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale = isLocale(language) ? language : 'en';

  return (
    <section className="alert-toasts" aria-label={t('toast.region')} data-testid="alert-toasts">
      <ol aria-live="polite">
        {toasts.map((toast) => {
          const { title, body } = alertText(toast, locale);
          const dismiss = () => alerts.getState().dismissToast(toast.id);
          return (
            <li
              key={toast.id}
              className={`alert-toast alert-toast--${toast.kind}`}
              data-testid="alert-toast"
              onKeyDown={(event) => {
                if (event.key !== 'Escape') return;
                event.preventDefault();
                dismiss();
              }}
            >
              <p className="alert-toast__title">{title}</p>
              <p className="alert-toast__body">{body}</p>
              <div className="alert-toast__actions">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => {
                    ticketPane.getState().open(toast.ticketId);
                    dismiss();
                  }}
                >
                  {t('toast.open', { number: toast.ticketNumber })}
                </button>
                <button type="button" className="icon-button" aria-label={t('toast.dismiss', { title })} title={t('toast.dismiss', { title })} onClick={dismiss}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
