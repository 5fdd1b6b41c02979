// A list of records of one collection in an account (needs, objectives, actions, SWOT, ...):
// each record's fields edited in place, a button to add one, archive, and its history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../core/api';
import { affectsAccount, canEdit, errorMessage, useApp, useLanguage, useLive } from '../app/context';
import { collectionLabel } from '../logic/labels';
import { HistoryDialog } from './HistoryDialog';
import { RecordFields } from './RecordFields';

export interface CollectionEditorProps {
  account: string;
  collection: string;
  /** Field shown as the record's title. */
  titleKey: string;
  /** Fields shown (default: all). */
  keys?: readonly string[];
  refChoices?: Record<string, { id: string; label: string }[]>;
}

export function CollectionEditor({ account, collection, titleKey, keys, refChoices }: CollectionEditorProps) {
  const { t } = useTranslation();
  const { client, schema, session } = useApp();
  const lng = useLanguage();
  const [open, setOpen] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [error, setError] = useState('');
  const records = useLive((c) => c.list(collection, account), affectsAccount(account), [collection, account]);
  const title = (r: RecordData) => {
    const v = r[titleKey];
    return typeof v === 'string' && v ? v : t('map.unnamed');
  };
  async function add() {
    setError('');
    try {
      const r = await client.create(collection, account, {});
      setOpen(r.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section className="card collection" aria-labelledby={`${collection}-title`}>
      <div className="row spread">
        <h2 id={`${collection}-title`}>{collectionLabel(schema, collection, lng)}</h2>
        {canEdit(session) && (
          <button type="button" onClick={() => void add()} data-testid={`add-${collection}`}>
            {t('records.add')}
          </button>
        )}
      </div>
      {error && <p className="form-error" role="alert">{t('records.error', { message: error })}</p>}
      {records.state === 'ready' && records.value.length === 0 && <p className="muted">{t('records.none')}</p>}
      {records.state === 'ready' && (
        <ul className="records">
          {records.value.map((r) => (
            <li key={r.id} className="record">
              <button
                type="button"
                className="record-title"
                aria-expanded={open === r.id}
                onClick={() => setOpen(open === r.id ? null : r.id)}
              >
                {title(r)}
              </button>
              {open === r.id && (
                <>
                  <RecordFields collection={collection} scope={account} record={r} keys={keys} refChoices={refChoices} />
                  <div className="row">
                    <button type="button" className="link-button" onClick={() => setHistoryOf(r.id)}>
                      {t('records.history')}
                    </button>
                    {canEdit(session) && (
                      <button type="button" className="link-button" onClick={() => void client.remove(collection, r.id, account)}>
                        {t('records.remove')}
                      </button>
                    )}
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {historyOf && <HistoryDialog collection={collection} id={historyOf} scope={account} onClose={() => setHistoryOf(null)} />}
    </section>
  );
}
