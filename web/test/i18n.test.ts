import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en';
import { initialLanguage } from '../src/i18n';
import { zh } from '../src/i18n/zh';

function keys(obj: unknown, prefix = ''): string[] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
function lookup(obj: unknown, path: string): string {
  return path.split('.').reduce((o, k) => (o as Record<string, unknown>)[k], obj) as string;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('have exactly the same keys in English and Chinese', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });
  it('have no empty string and the same placeholders in both languages', () => {
    for (const k of keys(en)) {
      expect(lookup(en, k).trim(), k).not.toBe('');
      expect(lookup(zh, k).trim(), k).not.toBe('');
      expect(placeholders(lookup(zh, k)), k).toEqual(placeholders(lookup(en, k)));
    }
  });
  it('really translate: every Chinese string has Chinese in it', () => {
    // Only a bare placeholder or a symbol may stay as it is.
    const untranslated = keys(zh).filter(
      (k) => !/[\u4e00-\u9fff]/u.test(lookup(zh, k)) && !/^\{\{\w+\}\}$|^[—×]$/.test(lookup(zh, k)),
    );
    expect(untranslated).toEqual([]);
  });
  it('pick the saved language, else the browser preference', () => {
    expect(initialLanguage('zh', ['en-US'])).toBe('zh');
    expect(initialLanguage(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(initialLanguage('fr', [])).toBe('en');
  });
});
