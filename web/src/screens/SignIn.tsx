// Sign in with the server's login API (through the core client, which keeps the token so a
// reload signs in again offline).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccordClient, Session } from '../core/api';
import { errorMessage } from '../app/context';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function SignIn({ client, onSignedIn }: { client: AccordClient; onSignedIn: (s: Session) => void }) {
  const { t } = useTranslation();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSignedIn(await client.signIn(window.location.origin, user.trim(), password));
    } catch (e) {
      const code = (e as { code?: string }).code;
      setError(
        code === 'permission_denied'
          ? t('signIn.wrong')
          : code === 'unavailable'
            ? t('signIn.unavailable')
            : t('errors.generic', { message: errorMessage(e) }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in" id="main">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <div className="sign-in-head">
          <h1 id="sign-in-title">{t('signIn.title')}</h1>
          <LanguageSwitch />
        </div>
        <label>
          {t('signIn.user')}
          <input
            name="user"
            autoComplete="username"
            value={user}
            onChange={(e) => setUser(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
