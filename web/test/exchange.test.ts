import { describe, expect, it } from 'vitest';
import { bundleFileName, importProblem, parseBundle } from '../src/logic/exchange';

describe('account bundle', () => {
  it('reads a bundle, and says where a broken file stops being JSON', () => {
    expect(parseBundle('{"format":"accord.account","records":{}}')).toEqual({
      ok: true,
      data: { format: 'accord.account', records: {} },
    });
    const broken = parseBundle('{\n  "format": "accord.account",\n  "records": {,}\n}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect([broken.line, broken.column]).toEqual([3, 15]);
    expect(parseBundle('[1, 2]').ok).toBe(false);
  });
  it("turns the core's import errors into row, record and field", () => {
    expect(importProblem("contacts[2] (id c7): Contact contacts/c7: field 'stance': unknown stance code 'friend'")).toEqual({
      collection: 'contacts',
      row: 3,
      id: 'c7',
      field: 'stance',
      reason: "unknown stance code 'friend'",
    });
    expect(importProblem("contacts[0] (id c1): unknown field 'stanse'")).toEqual({
      collection: 'contacts',
      row: 1,
      id: 'c1',
      field: 'stanse',
      reason: 'unknown field',
    });
    expect(importProblem("import: 'contacts' must be an array")).toEqual({ reason: "import: 'contacts' must be an array" });
    expect(importProblem('account: field \'tier\': bad code')).toMatchObject({ collection: 'account', field: 'tier' });
  });
  it('names the download after the account and the day', () => {
    expect(bundleFileName('华东电力 / 上海: 分公司', new Date('2026-11-23T10:00:00Z'))).toBe(
      'accord-华东电力-上海-分公司-2026-11-23.json',
    );
    expect(bundleFileName('  ', new Date('2026-11-23T10:00:00Z'))).toBe('accord-account-2026-11-23.json');
  });
});
