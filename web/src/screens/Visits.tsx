// Visits (跟进与拜访): a quick "log visit" form (channel, who, outcome, next step: a few taps
// on a phone) and the account's timeline with review state.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../core/api';
import { affectsAccount, canEdit, errorMessage, useApp, useLanguage, useLive } from '../app/context';
import { RecordFields } from '../components/RecordFields';
import { formatDateTime, formatDay, toIsoWithOffset } from '../logic/format';
import { enumLabel, fieldLabel } from '../logic/labels';

export function sortVisits(visits: RecordData[]): RecordData[] {
  const at = (v: RecordData) => (typeof v.at === 'string' ? Date.parse(v.at) : 0) || 0;
  return [...visits].sort((a, b) => at(b) - at(a));
}

export function Visits({ account }: { account: string }) {
  const { t } = useTranslation();
  const { schema, session } = useApp();
  const lng = useLanguage();
  const [open, setOpen] = useState<string | null>(null);
  const data = useLive(
    async (c) => {
      const [visits, contacts] = await Promise.all([c.list('visits', account), c.list('contacts', account)]);
      return { visits: sortVisits(visits), contacts };
    },
    affectsAccount(account),
    [account],
  );
  const contacts = data.state === 'ready' ? data.value.contacts : [];
  const names = new Map(contacts.map((c) => [c.id, typeof c.name === 'string' ? c.name : c.id]));
  return (
    <div className="stack">
      {canEdit(session) && <QuickLog account={account} contacts={contacts} />}
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('visits.timeline')}</h2>
        {data.state === 'ready' && data.value.visits.length === 0 && <p className="muted">{t('visits.empty')}</p>}
        <ol className="timeline" data-testid="visit-timeline">
          {data.state === 'ready' &&
            data.value.visits.map((v) => (
              <li key={v.id} className="timeline-item">
                <button type="button" className="record-title" aria-expanded={open === v.id} onClick={() => setOpen(open === v.id ? null : v.id)}>
                  <span>{typeof v.at === 'string' ? formatDateTime(v.at, lng) : ''}</span>{' '}
                  {typeof v.channel === 'string' && <span className="badge">{enumLabel(schema, 'channel', v.channel, lng)}</span>}{' '}
                  <span className={`badge ${v.reviewed ? 'ok' : 'due'}`}>
                    {v.reviewed ? t('visits.reviewed') : t('visits.awaitingReview')}
                  </span>
                </button>
                <p className="visit-summary">
                  {Array.isArray(v.contacts) && v.contacts.map((id) => names.get(id) ?? id).join(', ')}
                  {typeof v.outcome === 'string' && v.outcome && ` — ${v.outcome}`}
                </p>
                {typeof v.next_step === 'string' && v.next_step && (
                  <p className="small">
                    {t('visits.nextStep')}: {v.next_step}
                    {typeof v.next_step_due === 'string' && ` (${formatDay(v.next_step_due, lng)})`}
                  </p>
                )}
                {typeof v.review_comment === 'string' && v.review_comment && (
                  <p className="small review-comment">
                    {v.reviewed_by ? `${v.reviewed_by}: ` : ''}
                    {v.review_comment}
                  </p>
                )}
                {open === v.id && (
                  <RecordFields
                    collection="visits"
                    scope={account}
                    record={v}
                    refChoices={{ contacts: contacts.map((c) => ({ id: c.id, label: names.get(c.id) ?? c.id })) }}
                  />
                )}
              </li>
            ))}
        </ol>
      </section>
    </div>
  );
}

function QuickLog({ account, contacts }: { account: string; contacts: RecordData[] }) {
  const { t } = useTranslation();
  const { client, schema, session } = useApp();
  const lng = useLanguage();
  const [channel, setChannel] = useState('visit');
  const [met, setMet] = useState<string[]>([]);
  const [outcome, setOutcome] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [due, setDue] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    setMessage('');
    try {
      await client.create('visits', account, {
        at: toIsoWithOffset(new Date()),
        rep: session.user,
        channel,
        contacts: met,
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
        ...(nextStep.trim() ? { next_step: nextStep.trim() } : {}),
        ...(due ? { next_step_due: due } : {}),
      });
      setMet([]);
      setOutcome('');
      setNextStep('');
      setDue('');
      setMessage(t('visits.logged'));
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="card quick-log" onSubmit={submit} aria-labelledby="quick-log-title" data-testid="quick-log">
      <h2 id="quick-log-title">{t('visits.quickLog')}</h2>
      <div className="chips" role="radiogroup" aria-label={fieldLabel(schema, 'visits', 'channel', lng)}>
        {(schema.enums.channel?.values ?? []).map((v) => (
          <button
            type="button"
            key={v.code}
            role="radio"
            aria-checked={channel === v.code}
            className={`chip ${channel === v.code ? 'on' : ''}`}
            onClick={() => setChannel(v.code)}
          >
            {lng === 'zh' ? v.zh : v.en}
          </button>
        ))}
      </div>
      {contacts.length > 0 && (
        <fieldset>
          <legend>{t('visits.contactsMet')}</legend>
          <div className="chips">
            {contacts.map((c) => {
              const on = met.includes(c.id);
              return (
                <button
                  type="button"
                  key={c.id}
                  aria-pressed={on}
                  className={`chip ${on ? 'on' : ''}`}
                  onClick={() => setMet(on ? met.filter((m) => m !== c.id) : [...met, c.id])}
                >
                  {typeof c.name === 'string' && c.name ? c.name : t('map.unnamed')}
                </button>
              );
            })}
          </div>
        </fieldset>
      )}
      <label>
        {t('visits.outcome')}
        <textarea name="outcome" rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      </label>
      <div className="row wrap">
        <label className="grow">
          {t('visits.nextStep')}
          <input name="next-step" value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
        </label>
        <label>
          {t('visits.due')}
          <input name="next-step-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      </div>
      <button type="submit" className="primary big" data-testid="log-visit">
        {t('visits.quickLog')}
      </button>
      <p role="status" className="ok-text">
        {message}
      </p>
      {error && <p className="form-error" role="alert">{t('records.error', { message: error })}</p>}
    </form>
  );
}
