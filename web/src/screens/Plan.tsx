// Account plan (大客户战略管理计划): the plan record, SMART objectives, revenue targets,
// actions in PDCA cycles, resources and the relationship self-check.
import { useTranslation } from 'react-i18next';
import { affectsAccount, useLive } from '../app/context';
import { CollectionEditor } from '../components/CollectionEditor';
import { RecordFields } from '../components/RecordFields';

export function Plan({ account }: { account: string }) {
  const { t } = useTranslation();
  const plan = useLive((c) => c.get('plan', 'plan', account), affectsAccount(account), [account]);
  const objectives = useLive((c) => c.list('objectives', account), affectsAccount(account), [account]);
  const actions = useLive((c) => c.list('actions', account), affectsAccount(account), [account]);
  const label = (key: string) => (r: { id: string; [k: string]: unknown }) => ({
    id: r.id,
    label: typeof r[key] === 'string' ? (r[key] as string) : r.id,
  });
  const refChoices = {
    objectives: objectives.state === 'ready' ? objectives.value.map(label('statement')) : [],
    actions: actions.state === 'ready' ? actions.value.map(label('task')) : [],
  };
  return (
    <div className="stack">
      <section className="card" aria-labelledby="plan-title">
        <h2 id="plan-title">{t('nav.plan')}</h2>
        {plan.state === 'ready' && plan.value && <RecordFields collection="plan" scope={account} record={plan.value} />}
      </section>
      <CollectionEditor account={account} collection="objectives" titleKey="statement" />
      <CollectionEditor account={account} collection="revenue_targets" titleKey="period" />
      <CollectionEditor account={account} collection="actions" titleKey="task" refChoices={refChoices} />
      <CollectionEditor account={account} collection="resources" titleKey="name" refChoices={refChoices} />
      <CollectionEditor account={account} collection="self_checks" titleKey="question" />
    </div>
  );
}
