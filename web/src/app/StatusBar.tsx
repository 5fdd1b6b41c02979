// Always-visible sync state: online/offline, pending changes, last synced, storage
// persistence, and the explicit "server needs a newer client" / refused / other-tab banners.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../core/api';
import { formatRelative } from '../logic/format';
import { useLanguage } from './context';

export function StatusBar({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  // The page's own view of the network counts too (the worker may learn of it later).
  const [browserOnline, setBrowserOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setBrowserOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  if (!status) return null;
  const online = browserOnline && status.online && status.state !== 'offline';
  const storage =
    status.storage === 'memory' ? t('status.memory') : status.persisted ? t('status.persisted') : t('status.notPersisted');
  return (
    <>
      {status.state === 'upgrade-required' && (
        <div className="banner banner-error" role="alert" data-testid="upgrade-banner">
          {t('status.upgrade')}{' '}
          <button type="button" onClick={() => window.location.reload()}>
            {t('status.reload')}
          </button>
        </div>
      )}
      {status.state === 'refused' && (
        <div className="banner banner-error" role="alert">
          {t('status.refused', { detail: status.detail })}
        </div>
      )}
      {status.state === 'other-tab' && (
        <div className="banner banner-warn" role="alert">
          {t('status.otherTab')}
        </div>
      )}
      <div className="status-bar" role="status" aria-live="polite" data-testid="status-bar">
        <span className={`status-dot ${online ? 'on' : 'off'}`} data-testid="online-state">
          {online ? t('status.online') : t('status.offline')}
        </span>
        <span className="status-state" data-testid="sync-state" data-state={status.state}>
          {t(`status.state.${status.state}`)}
        </span>
        <span data-testid="pending" data-count={status.pendingChanges}>
          {status.pendingChanges > 0
            ? t('status.pending', { count: status.pendingChanges })
            : t('status.allSynced')}
        </span>
        <span data-testid="last-synced">
          {status.lastSyncedAt
            ? t('status.lastSynced', { when: formatRelative(status.lastSyncedAt, now, lng) })
            : t('status.neverSynced')}
        </span>
        <span data-testid="storage" className={status.persisted ? '' : 'muted'}>
          {storage}
        </span>
      </div>
    </>
  );
}
