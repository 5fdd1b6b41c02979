// Per-field history of a record (who changed what, when, from which device), as a modal dialog.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Change, FieldValue, Scope } from '../core/api';
import { useApp, useLanguage, useLive } from '../app/context';
import { formatDateTime } from '../logic/format';
import { enumLabel, fieldSchema } from '../logic/labels';

export function HistoryDialog({
  collection,
  id,
  scope,
  onClose,
}: {
  collection: string;
  id: string;
  scope: Scope;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { schema } = useApp();
  const lng = useLanguage();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const changes = useLive((c) => c.history(collection, id, scope), (e) => e.account === scope, [collection, id, scope]);

  const show = (field: string, value: FieldValue | undefined) => {
    if (value === undefined) return t('records.notSet');
    const [key] = field.split(':');
    const f = fieldSchema(schema, collection, key ?? field);
    if (f?.enum && typeof value === 'string') return enumLabel(schema, f.enum, value, lng);
    if (typeof value === 'boolean') return value ? t('records.yes') : t('records.no');
    return Array.isArray(value) ? value.join(', ') : String(value);
  };
  const fieldName = (change: Change) => {
    if (change.field === '*') return t('history.created');
    const [key, member] = change.field.split(':');
    const f = fieldSchema(schema, collection, key ?? '');
    const label = f ? (lng === 'zh' ? f.zh : f.en) : change.field;
    return member && f?.enum ? `${label}: ${enumLabel(schema, f.enum, member, lng)}` : label;
  };

  return (
    <dialog ref={ref} className="history-dialog" onClose={onClose} aria-labelledby="history-title" data-testid="history">
      <div className="row spread">
        <h2 id="history-title">{t('history.title', { record: collection })}</h2>
        <button type="button" onClick={() => ref.current?.close()} aria-label={t('map.close')}>
          ×
        </button>
      </div>
      {changes.state === 'ready' && changes.value.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {changes.state === 'ready' && changes.value.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t('history.when')}</th>
                <th>{t('history.field')}</th>
                <th>{t('history.from')}</th>
                <th>{t('history.to')}</th>
                <th>{t('history.who')}</th>
                <th>{t('history.device')}</th>
              </tr>
            </thead>
            <tbody>
              {[...changes.value].reverse().map((c, i) => (
                <tr key={`${c.at}-${c.field}-${i}`}>
                  <td>{formatDateTime(c.at, lng)}</td>
                  <td>{fieldName(c)}</td>
                  <td>{show(c.field, c.oldValue)}</td>
                  <td>{show(c.field, c.newValue)}</td>
                  <td>{c.user}</td>
                  <td className="muted small">{c.device}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {changes.state === 'error' && <p className="form-error">{changes.message}</p>}
    </dialog>
  );
}
