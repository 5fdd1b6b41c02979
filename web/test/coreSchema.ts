// The core's schema for unit tests, read from core/src/model/SCHEMA.md (which the core's own
// test regenerates and checks against the schema tables), in the shape AccordClient.schema()
// returns. Tests thus see the real collections, fields, vocabularies and labels.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CollectionSchema, DocumentKind, FieldKind, Schema } from '../src/core/api';

const DOC = resolve(import.meta.dirname, '../../core/src/model/SCHEMA.md');

export function coreSchema(): Schema {
  const lines = readFileSync(DOC, 'utf8').split('\n');
  const collections: CollectionSchema[] = [];
  const enums: Schema['enums'] = {};
  let document: DocumentKind = 'team_index';
  let current: CollectionSchema | null = null;
  let vocabulary: string | null = null;
  for (const line of lines) {
    const doc = /^## Document: (\w+)/.exec(line);
    if (doc) document = doc[1] as DocumentKind;
    const coll = /^### `(\w+)`: (.+?) ([^ ]*[\u4e00-\u9fff][^ ]*)( \(singleton\))?$/u.exec(line);
    if (coll && !line.includes('Vocabularies')) {
      vocabulary = null;
      current = {
        collection: coll[1]!,
        en: coll[2]!,
        zh: coll[3]!,
        document,
        singleton: Boolean(coll[4]),
        fields: [],
      };
      collections.push(current);
      continue;
    }
    const voc = /^### `(\w+)`$/.exec(line);
    if (voc) {
      current = null;
      vocabulary = voc[1]!;
      enums[vocabulary] = { name: vocabulary, values: [] };
      continue;
    }
    const cells = line.startsWith('| `') ? line.split('|').map((c) => c.trim()) : null;
    if (!cells) continue;
    if (current) {
      const key = cells[1]!.replace(/`/g, '');
      const kindText = cells[2]!;
      const kind = kindText.split(' ')[0] as FieldKind;
      const en = cells[3]!;
      current.fields.push({
        key,
        kind,
        en,
        zh: cells[4]!,
        enum: /`(\w+)`/.exec(kindText)?.[1],
        target: /-> (\w+)/.exec(kindText)?.[1],
        sensitive: en.includes('(sensitive)'),
        common: false,
      });
    } else if (vocabulary) {
      enums[vocabulary]!.values.push({ code: cells[1]!.replace(/`/g, ''), en: cells[2]!, zh: cells[3]! });
    }
  }
  return { version: 1, coreVersion: 'SCHEMA.md', collections, enums };
}
