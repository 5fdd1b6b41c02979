// Manager review queue: every synced visit not yet reviewed, oldest first; approve with a comment.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../core/api';
import { affectsAnything, canEdit, errorMessage, useApp, useLanguage, useLive } from '../app/context';
import { formatDateTime } from '../logic/format';
import { enumLabel } from '../logic/labels';

interface QueueItem {
  accountId: string;
  accountName: string;
  visit: RecordData | null;
  visitId: string;
  rep: string;
  at: number;
  daysWaiting: number;
}

export function Review() {
  const { t } = useTranslation();
  const { session } = useApp();
  const queue = useLive<QueueItem[]>(
    async (c) => {
      const [digest, accounts] = await Promise.all([c.digest(), c.list('accounts', null)]);
      const names = new Map(accounts.map((a) => [a.id, typeof a.name === 'string' ? a.name : a.id]));
      const items = await Promise.all(
        digest.pendingReviews.map(async (p) => ({
          ...p,
          accountName: names.get(p.accountId) ?? p.accountId,
          visit: await c.get('visits', p.visitId, p.accountId).catch(() => null),
        })),
      );
      return items.sort((a, b) => a.at - b.at);
    },
    affectsAnything,
    [],
  );
  return (
    <section className="screen" aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      {queue.state === 'loading' && <p>{t('errors.loading')}</p>}
      {queue.state === 'error' && <p className="form-error">{t('errors.generic', { message: queue.message })}</p>}
      {queue.state === 'ready' && queue.value.length === 0 && <p className="muted">{t('review.empty')}</p>}
      {queue.state === 'ready' && (
        <ul className="review-list" data-testid="review-queue">
          {queue.value.map((item) => (
            <ReviewItem key={`${item.accountId}/${item.visitId}`} item={item} canReview={canEdit(session)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewItem({ item, canReview }: { item: QueueItem; canReview: boolean }) {
  const { t } = useTranslation();
  const { client, schema } = useApp();
  const lng = useLanguage();
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const v = item.visit;
  async function approve() {
    setError('');
    try {
      await client.reviewVisit(item.accountId, item.visitId, comment.trim());
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <li className="card review-item" data-testid="review-item">
      <div className="row spread wrap">
        <strong className="account-name">{item.accountName}</strong>
        <span className="muted small">{t('review.waiting', { count: item.daysWaiting })}</span>
      </div>
      <p className="small">
        {t('review.rep')}: {item.rep} · {t('review.when')}: {formatDateTime(item.at, lng)}
        {v && typeof v.channel === 'string' && ` · ${enumLabel(schema, 'channel', v.channel, lng)}`}
      </p>
      {v && typeof v.outcome === 'string' && <p>{v.outcome}</p>}
      {v && typeof v.next_step === 'string' && (
        <p className="small">
          {t('visits.nextStep')}: {v.next_step}
        </p>
      )}
      {canReview && (
        <div className="row wrap">
          <label className="grow">
            <span className="sr-only">{t('review.comment')}</span>
            <input
              placeholder={t('review.comment')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              name="review-comment"
            />
          </label>
          <button type="button" className="primary" onClick={() => void approve()} data-testid="approve">
            {t('review.approve')}
          </button>
        </div>
      )}
      {error && <p className="form-error" role="alert">{t('records.error', { message: error })}</p>}
    </li>
  );
}
