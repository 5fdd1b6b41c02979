// One field of a record, edited in place and saved when it changes (selects, checkboxes) or
// when the input loses focus (text, numbers). The field kind, range and vocabulary come from
// the core's schema; the core validates again and its error is shown beside the field.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSchema, FieldValue, Schema } from '../core/api';
import { useLanguage } from '../app/context';
import { toDateTimeLocal, toIsoWithOffset } from '../logic/format';

export interface FieldInputProps {
  schema: Schema;
  field: FieldSchema;
  value: FieldValue | undefined;
  readOnly: boolean;
  /** Reference choices (id → label) for ref / ref_set fields. */
  choices?: { id: string; label: string }[];
  onSave: (value: FieldValue | null) => Promise<void>;
}

export function FieldInput({ schema, field, value, readOnly, choices, onSave }: FieldInputProps) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const id = useId();
  const label = lng === 'zh' ? field.zh : field.en;
  const [draft, setDraft] = useState(() => toDraft(field, value));
  const [error, setError] = useState('');
  useEffect(() => setDraft(toDraft(field, value)), [field, value]);

  async function save(next: FieldValue | null) {
    setError('');
    try {
      await onSave(next);
    } catch (e) {
      setError((e as { message?: string }).message ?? String(e));
      setDraft(toDraft(field, value));
    }
  }

  const vocabulary = field.enum ? schema.enums[field.enum]?.values ?? [] : [];
  let control: React.ReactNode;
  // A reference without a list to choose from (a team member's user id) is typed in.
  const kind = field.kind === 'ref' && !choices ? 'string' : field.kind;
  switch (kind) {
    case 'enum':
    case 'ref':
      control = (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          disabled={readOnly}
          onChange={(e) => void save(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('records.notSet')}</option>
          {field.kind === 'enum'
            ? vocabulary.map((v) => (
                <option key={v.code} value={v.code}>
                  {lng === 'zh' ? v.zh : v.en}
                </option>
              ))
            : (choices ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
        </select>
      );
      break;
    case 'enum_set':
    case 'ref_set': {
      const current = Array.isArray(value) ? value : [];
      const options =
        field.kind === 'enum_set'
          ? vocabulary.map((v) => ({ id: v.code, label: lng === 'zh' ? v.zh : v.en }))
          : (choices ?? []);
      control = (
        <div className="chips" role="group" aria-labelledby={`${id}-label`}>
          {options.map((o) => {
            const on = current.includes(o.id);
            return (
              <button
                type="button"
                key={o.id}
                className={`chip ${on ? 'on' : ''}`}
                aria-pressed={on}
                disabled={readOnly}
                onClick={() => void save(on ? current.filter((c) => c !== o.id) : [...current, o.id])}
              >
                {o.label}
              </button>
            );
          })}
        </div>
      );
      break;
    }
    case 'bool':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          disabled={readOnly}
          onChange={(e) => void save(e.target.checked)}
        />
      );
      break;
    case 'text':
      control = (
        <textarea
          id={id}
          value={draft}
          readOnly={readOnly}
          rows={3}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => draft !== toDraft(field, value) && void save(draft)}
        />
      );
      break;
    default:
      control = (
        <input
          id={id}
          type={inputType(field)}
          value={draft}
          readOnly={readOnly}
          min={field.min}
          max={field.max}
          step={field.kind === 'number' ? 'any' : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            if (draft === toDraft(field, value)) return;
            void save(fromDraft(field, draft));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
      );
  }
  const grouped = field.kind === 'enum_set' || field.kind === 'ref_set';
  return (
    <div className={`field field-${field.kind}`} data-field={field.key}>
      {grouped ? (
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
      ) : (
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
      )}
      {control}
      {error && (
        <p className="form-error small" role="alert">
          {t('records.error', { message: error })}
        </p>
      )}
    </div>
  );
}

function inputType(field: FieldSchema): string {
  switch (field.kind) {
    case 'int':
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'date_time':
      return 'datetime-local';
    default:
      return 'text';
  }
}

/** The input's text for a stored value. */
export function toDraft(field: FieldSchema, value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'date_time' && typeof value === 'string') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : toDateTimeLocal(d);
  }
  return String(value);
}

/** The value to store for an input's text ('' unsets). */
export function fromDraft(field: FieldSchema, draft: string): FieldValue | null {
  if (draft.trim() === '') return null;
  switch (field.kind) {
    case 'int':
    case 'number':
      return Number(draft);
    case 'date_time':
      return toIsoWithOffset(new Date(draft));
    default:
      return draft;
  }
}
