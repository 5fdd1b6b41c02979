// Export and import of an account's records as a JSON bundle (the core's exchange format,
// through the worker's exportDocument / importDocument): a download, and an upload whose
// errors say the row, record and field (an import is all or nothing).
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEdit, errorMessage, useApp, useLanguage } from '../app/context';
import { bundleFileName, type ImportProblem, importProblem, parseBundle } from '../logic/exchange';
import { collectionLabel, fieldLabel } from '../logic/labels';

type Outcome =
  | { kind: 'imported'; created: number; updated: number; fieldsSet: number }
  | { kind: 'not-json'; file: string; message: string; line?: number; column?: number }
  | { kind: 'failed'; file: string; problem: ImportProblem }
  | { kind: 'error'; message: string };

export function ExchangePanel({ account, accountName }: { account: string; accountName: string }) {
  const { t } = useTranslation();
  const { client, schema, session } = useApp();
  const lng = useLanguage();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setOutcome(null);
    try {
      const data = await client.exportDocument(account);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = bundleFileName(accountName, new Date());
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setOutcome({ kind: 'error', message: errorMessage(e) });
    }
  }

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after a fix
    if (!file) return;
    setOutcome(null);
    setBusy(true);
    try {
      const parsed = parseBundle(await file.text());
      if (!parsed.ok) {
        setOutcome({ kind: 'not-json', file: file.name, ...parsed });
        return;
      }
      const report = await client.importDocument(account, parsed.data);
      setOutcome({ kind: 'imported', ...report });
    } catch (e) {
      setOutcome({ kind: 'failed', file: file.name, problem: importProblem(errorMessage(e)) });
    } finally {
      setBusy(false);
    }
  }

  const where = (p: ImportProblem) => {
    const parts: string[] = [];
    const collection = p.collection ? collectionLabel(schema, p.collection, lng) : '';
    if (p.row !== undefined && p.collection) parts.push(t('exchange.row', { row: p.row, collection }));
    else if (p.collection) parts.push(collection);
    if (p.id) parts.push(t('exchange.record', { id: p.id }));
    if (p.field && p.collection) parts.push(t('exchange.field', { field: fieldLabel(schema, p.collection, p.field, lng) }));
    return parts.join(' · ');
  };

  return (
    <section className="card" aria-labelledby="exchange-title" data-testid="exchange">
      <h2 id="exchange-title">{t('exchange.title')}</h2>
      <p className="muted small">{t('exchange.hint')}</p>
      <div className="row">
        <button type="button" onClick={() => void download()} data-testid="export-json">
          {t('exchange.download')}
        </button>
        {canEdit(session) && (
          <label className={`file-button ${busy ? 'busy' : ''}`}>
            {t('exchange.upload')}
            <input type="file" accept="application/json,.json" onChange={(e) => void upload(e)} disabled={busy} data-testid="import-json" />
          </label>
        )}
      </div>
      {outcome?.kind === 'imported' && (
        <p role="status" data-testid="import-report">
          {t('exchange.imported', { created: outcome.created, updated: outcome.updated, fieldsSet: outcome.fieldsSet })}
        </p>
      )}
      {outcome?.kind === 'not-json' && (
        <p className="form-error" role="alert" data-testid="import-error">
          {outcome.line !== undefined
            ? t('exchange.notJson', { file: outcome.file, line: outcome.line, column: outcome.column, message: outcome.message })
            : t('exchange.notJsonNoPlace', { file: outcome.file, message: outcome.message })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <div
          className="form-error"
          role="alert"
          data-testid="import-error"
          data-row={outcome.problem.row}
          data-field={outcome.problem.field}
        >
          {t('exchange.failed', { file: outcome.file })}
          <br />
          {where(outcome.problem) && <strong>{where(outcome.problem)}: </strong>}
          {outcome.problem.reason}
        </div>
      )}
      {outcome?.kind === 'error' && (
        <p className="form-error" role="alert">
          {t('errors.generic', { message: outcome.message })}
        </p>
      )}
    </section>
  );
}
