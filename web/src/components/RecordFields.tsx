// Every editable field of a record kind, from the core's schema (common fields are the
// core's; map positions are set by dragging). Sensitive fields are marked.
import type { FieldValue, RecordData, Scope } from '../core/api';
import { canEdit, useApp } from '../app/context';
import { collectionSchema } from '../logic/labels';
import { FieldInput } from './FieldInput';

export interface RecordFieldsProps {
  collection: string;
  scope: Scope;
  record: RecordData;
  /** Only these keys, in this order (default: every field of the schema). */
  keys?: readonly string[];
  /** Choices for reference fields by target collection ("" = team members). */
  refChoices?: Record<string, { id: string; label: string }[]>;
}

const HIDDEN = new Set(['x', 'y']);

export function RecordFields({ collection, scope, record, keys, refChoices }: RecordFieldsProps) {
  const { client, schema, session } = useApp();
  const c = collectionSchema(schema, collection);
  const fields = keys
    ? keys.map((k) => c.fields.find((f) => f.key === k)).filter((f) => f !== undefined)
    : c.fields.filter((f) => !f.common && !HIDDEN.has(f.key));
  const readOnly = !canEdit(session);
  return (
    <div className="record-fields">
      {fields.map((field) => (
        <FieldInput
          key={field.key}
          schema={schema}
          field={field}
          value={record[field.key]}
          readOnly={readOnly}
          choices={field.target !== undefined ? refChoices?.[field.target] : undefined}
          onSave={async (value: FieldValue | null) => {
            await client.update(collection, record.id, scope, { [field.key]: value });
          }}
        />
      ))}
    </div>
  );
}
