// Account overview: the account record (classification, figures, relationship) edited in place,
// SWOT, competitors, markets, our account team, factions, and the development stage over time
// from the field history; the account's records exported and imported as JSON.
import { useTranslation } from 'react-i18next';
import { affectsAccount, useApp, useLanguage, useLive } from '../app/context';
import { CollectionEditor } from '../components/CollectionEditor';
import { ExchangePanel } from '../components/ExchangePanel';
import { RecordFields } from '../components/RecordFields';
import { formatDateTime } from '../logic/format';
import { enumLabel } from '../logic/labels';

export function AccountOverview({ account }: { account: string }) {
  const { t } = useTranslation();
  const { schema } = useApp();
  const lng = useLanguage();
  const record = useLive((c) => c.get('account', 'account', account), affectsAccount(account), [account]);
  const stages = useLive(
    async (c) =>
      (await c.history('account', 'account', account)).filter(
        (ch) => ch.field === 'development_stage' && typeof ch.newValue === 'string',
      ),
    affectsAccount(account),
    [account],
  );
  return (
    <div className="overview">
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title">{t('overview.title')}</h2>
        {record.state === 'ready' && record.value && (
          <RecordFields collection="account" scope={account} record={record.value} />
        )}
        {record.state === 'ready' && !record.value && <p className="muted">{t('errors.notFound')}</p>}
      </section>
      <section className="card" aria-labelledby="stages-title">
        <h2 id="stages-title">{t('overview.stageOverTime')}</h2>
        {stages.state === 'ready' && stages.value.length === 0 && <p className="muted">{t('overview.noStageChanges')}</p>}
        {stages.state === 'ready' && stages.value.length > 0 && (
          <ol className="stage-timeline">
            {stages.value.map((s, i) => (
              <li key={`${s.at}-${i}`}>
                <span className="badge">{enumLabel(schema, 'development_stage', String(s.newValue), lng)}</span>{' '}
                <span className="muted small">
                  {formatDateTime(s.at, lng)} · {s.user}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <CollectionEditor account={account} collection="swot" titleKey="text" />
      <CollectionEditor account={account} collection="competitors" titleKey="name" />
      <CollectionEditor account={account} collection="markets" titleKey="name" />
      <CollectionEditor account={account} collection="account_team" titleKey="name" />
      <CollectionEditor account={account} collection="factions" titleKey="name" />
      <ExchangePanel
        account={account}
        accountName={record.state === 'ready' && typeof record.value?.name === 'string' ? record.value.name : account}
      />
    </div>
  );
}
