// Needs analysis (需求分析): needs (iceberg, Kano, value, FABE) and predicted objections.
import { affectsAccount, useLive } from '../app/context';
import { CollectionEditor } from '../components/CollectionEditor';

export function Needs({ account }: { account: string }) {
  const contacts = useLive((c) => c.list('contacts', account), affectsAccount(account), [account]);
  const choices =
    contacts.state === 'ready'
      ? contacts.value.map((c) => ({ id: c.id, label: typeof c.name === 'string' ? c.name : c.id }))
      : [];
  return (
    <div className="stack">
      <CollectionEditor account={account} collection="needs" titleKey="title" refChoices={{ contacts: choices }} />
      <CollectionEditor account={account} collection="objections" titleKey="statement" refChoices={{ contacts: choices }} />
    </div>
  );
}
