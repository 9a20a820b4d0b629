import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DeskError, type DeskErrorCode } from '../../../../shared/desk-api/errors.js';
import { useDeskServices, useSession } from '../../services.js';
import './login.css';


const loginErrorKeys = {
  unauthorized: 'wrongCredentials',
  forbidden: 'failed',
  unavailable: 'unreachable',
  invalid_input: 'invalid',
  not_found: 'failed',
  internal: 'failed',
} as const satisfies Record<DeskErrorCode, string>;

export function LoginScreen() {
  const { session } = useDeskServices();
  const { t } = useTranslation('login');
  const serverUrl = useSession((state) => state.serverUrl);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { email: useId(), password: useId(), error: useId(), server: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await session.getState().login(email, password);
      // Signed in: the session store switches the app to the queue and this screen goes away.
    } catch (failure) {
      // The server's own words are English; the agent reads the reason in their language.
      setError(t(failure instanceof DeskError ? loginErrorKeys[failure.code] : 'failed'));
      setPassword('');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="login">
      <form className="login__form" onSubmit={submit} aria-labelledby="login-title" aria-describedby={serverUrl ? ids.server : undefined}>
        <h1 id="login-title" className="login__title">
          {t('title')}
        </h1>
        <div className="field">
          <label htmlFor={ids.email}>{t('email')}</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('password')}</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
          />
        </div>
        {error && (
          <p id={ids.error} className="login__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t('submitting') : t('submit')}
        </button>
        {serverUrl && (
          <p id={ids.server} className="login__server">
            {t('server', { url: serverUrl })}
          </p>
        )}
      </form>
    </div>
  );
}
