// Accounts list: tier, stage, last visit, overdue badge; search in English or Chinese.
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEdit, errorMessage, useApp, useLanguage, useLive } from '../app/context';
import { accountRows, searchRows, sortRows } from '../logic/accountRows';
import { formatDay } from '../logic/format';
import { enumLabel } from '../logic/labels';
import { routeHash } from '../logic/route';

export function AccountsList() {
  const { t } = useTranslation();
  const { client, schema, session } = useApp();
  const lng = useLanguage();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState('');

  const data = useLive(
    async (c) => {
      const entries = await c.list('accounts', null);
      const [followUps, accounts] = await Promise.all([
        c.followUps().catch(() => null),
        Promise.all(entries.map((e) => c.get('account', 'account', e.id).catch(() => null))),
      ]);
      const stages = new Map(
        entries.map((e, i) => {
          const stage = accounts[i]?.development_stage;
          return [e.id, typeof stage === 'string' ? stage : undefined] as const;
        }),
      );
      return sortRows(accountRows(entries, stages, followUps));
    },
    () => true,
    [],
  );

  const rows = useMemo(
    () => (data.state === 'ready' ? searchRows(data.value, query, schema) : []),
    [data, query, schema],
  );

  async function create(event: FormEvent) {
    event.preventDefault();
    setError('');
    try {
      const record = await client.create('accounts', null, { name: name.trim() });
      setName('');
      setAdding(false);
      window.location.hash = routeHash({ screen: 'account', account: record.id, tab: 'map' });
    } catch (e) {
      setError(t('records.error', { message: errorMessage(e) }));
    }
  }

  return (
    <section aria-labelledby="accounts-title" className="screen">
      <div className="screen-head">
        <h1 id="accounts-title">{t('accounts.title')}</h1>
        {canEdit(session) && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            {t('accounts.add')}
          </button>
        )}
      </div>
      {adding && (
        <form className="card inline-form" onSubmit={create}>
          <label>
            {t('accounts.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus name="account-name" />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              {t('accounts.create')}
            </button>
            <button type="button" onClick={() => setAdding(false)}>
              {t('accounts.cancel')}
            </button>
          </div>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <label className="search">
        <span className="sr-only">{t('accounts.search')}</span>
        <input
          type="search"
          placeholder={t('accounts.search')}
          title={t('accounts.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="account-search"
        />
      </label>
      {data.state === 'loading' && <p>{t('errors.loading')}</p>}
      {data.state === 'error' && <p className="form-error">{t('errors.generic', { message: data.message })}</p>}
      {data.state === 'ready' && data.value.length === 0 && <p className="muted">{t('accounts.empty')}</p>}
      {data.state === 'ready' && data.value.length > 0 && rows.length === 0 && (
        <p className="muted">{t('accounts.noMatch', { query })}</p>
      )}
      {rows.length > 0 && (
        <>
          <p className="muted small">{t('accounts.count', { count: rows.length })}</p>
          <ul className="account-list" data-testid="account-list">
            {rows.map((r) => (
              <li key={r.id}>
                <a className="card account-row" href={routeHash({ screen: 'account', account: r.id, tab: 'overview' })}>
                  <span className="account-name">{r.name || t('map.unnamed')}</span>
                  <span className="account-meta">
                    {r.tier && <span className={`badge tier tier-${r.tier}`}>{enumLabel(schema, 'tier', r.tier, lng)}</span>}
                    {r.stage && <span className="badge">{enumLabel(schema, 'development_stage', r.stage, lng)}</span>}
                    <span className="muted small">
                      {t('accounts.lastVisit')}: {r.lastTouch ? formatDay(r.lastTouch, lng) : t('accounts.never')}
                    </span>
                    {r.followUp === 'overdue' && (
                      <span className="badge overdue" data-testid="overdue-badge">
                        {t('accounts.overdue', { count: r.daysOverdue })}
                      </span>
                    )}
                    {r.followUp === 'due' && <span className="badge due">{t('accounts.due')}</span>}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
