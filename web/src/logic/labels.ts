// Field and vocabulary labels from the core's runtime schema, in the UI's language.
import type { CollectionSchema, FieldSchema, Schema } from '../core/api';
import type { Language } from '../i18n';

export function collectionSchema(schema: Schema, collection: string): CollectionSchema {
  const found = schema.collections.find((c) => c.collection === collection);
  if (!found) throw new Error(`the core's schema has no collection "${collection}"`);
  return found;
}

export function fieldSchema(schema: Schema, collection: string, key: string): FieldSchema | undefined {
  return collectionSchema(schema, collection).fields.find((f) => f.key === key);
}

/** The label of a field ("Stance toward us" / "立场"); the key itself if unknown (newer client). */
export function fieldLabel(schema: Schema, collection: string, key: string, lng: Language): string {
  const field = fieldSchema(schema, collection, key);
  if (!field) return key;
  return lng === 'zh' ? field.zh : field.en;
}

/** The label of a vocabulary code; the code itself if this client does not know it. */
export function enumLabel(schema: Schema, vocabulary: string, code: string, lng: Language): string {
  const value = schema.enums[vocabulary]?.values.find((v) => v.code === code);
  if (!value) return code;
  return lng === 'zh' ? value.zh : value.en;
}

/** Both labels of a code, for search in either language. */
export function enumLabels(schema: Schema, vocabulary: string, code: string): string[] {
  const value = schema.enums[vocabulary]?.values.find((v) => v.code === code);
  return value ? [value.en, value.zh, value.code] : [code];
}

export function collectionLabel(schema: Schema, collection: string, lng: Language): string {
  const c = collectionSchema(schema, collection);
  return lng === 'zh' ? c.zh : c.en;
}
