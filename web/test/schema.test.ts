import { describe, expect, it } from 'vitest';
import { collectionLabel, enumLabel, enumLabels, fieldLabel } from '../src/logic/labels';
import { coreSchema } from './coreSchema';

const schema = coreSchema();

describe('labels from the core schema', () => {
  it('reads the collections and vocabularies the UI relies on', () => {
    for (const c of ['accounts', 'account', 'contacts', 'links', 'needs', 'visits', 'plan', 'actions', 'objectives']) {
      expect(schema.collections.some((x) => x.collection === c), c).toBe(true);
    }
    for (const v of ['stance', 'link_kind', 'grade', 'disc', 'buying_role', 'tier', 'channel', 'development_stage', 'relationship_strength', 'funnel_stage', 'org_level']) {
      expect(schema.enums[v]?.values.length, v).toBeGreaterThan(1);
    }
  });
  it('gives English and Chinese labels (DOMAIN.md terms)', () => {
    expect(fieldLabel(schema, 'contacts', 'stance', 'en')).toBe('Stance toward us');
    expect(fieldLabel(schema, 'contacts', 'stance', 'zh')).toBe('立场');
    expect(enumLabel(schema, 'buying_role', 'decider', 'zh')).toBe('决策的人');
    expect(enumLabel(schema, 'link_kind', 'reports_to', 'zh')).toBe('上下级');
    expect(collectionLabel(schema, 'contacts', 'zh')).toBe('联系人');
  });
  it('falls back to the code or key a newer client wrote', () => {
    expect(enumLabel(schema, 'stance', 'enthusiast', 'en')).toBe('enthusiast');
    expect(fieldLabel(schema, 'contacts', 'future_field', 'zh')).toBe('future_field');
    expect(enumLabels(schema, 'tier', 'a')).toEqual(['A', 'A类', 'a']);
  });
  it('knows every link kind the map draws', () => {
    expect(schema.enums.link_kind!.values.map((v) => v.code)).toEqual(['reports_to', 'ally', 'rival', 'kinship', 'faction']);
  });
});
