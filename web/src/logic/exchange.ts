// The account's JSON bundle in the UI (the core's exchange format, model/exchange.h): reading an
// uploaded file, and saying where an import failed in words a user can act on. Pure functions
// (unit-tested in test/exchange.test.ts).

/** An uploaded file's JSON, or where it stops being JSON (line and column from 1). */
export type ParsedBundle =
  | { ok: true; data: unknown }
  | { ok: false; message: string; line?: number; column?: number };

export function parseBundle(text: string): ParsedBundle {
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, message: 'the file holds JSON but not an Accord bundle (an object with "format" and "records")' };
    }
    return { ok: true, data };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lineColumn = message.match(/line (\d+) column (\d+)/);
    if (lineColumn) return { ok: false, message, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
    const position = message.match(/at position (\d+)/);
    if (position) {
      const before = text.slice(0, Number(position[1])).split('\n');
      return { ok: false, message, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    }
    return { ok: false, message };
  }
}

/** Where an import failed: the record (collection, row from 1, id) and field, and why. */
export interface ImportProblem {
  collection?: string;
  row?: number;
  id?: string;
  field?: string;
  reason: string;
}

/**
 * Reads the core's import error ("contacts[2] (id c7): Contact contacts/c7: field 'stance':
 * unknown stance code 'x'",
 * "contacts[0] (id c1): unknown field 'stanse'", "import: 'contacts' must be an array").
 */
export function importProblem(message: string): ImportProblem {
  const body = message.replace(/^import: /, '');
  const m = body.match(/^([a-z_]+)(?:\[(\d+)\])?(?: \(id ([^)]*)\))?: (.*)$/s);
  if (!m || m[1] === 'import') return { reason: message };
  const [, collection, index, id, rest = ''] = m;
  const problem: ImportProblem = { reason: rest };
  if (collection) problem.collection = collection;
  if (index !== undefined) problem.row = Number(index) + 1;
  if (id !== undefined) problem.id = id;
  const unknown = rest.match(/^unknown field '([^']+)'$/);
  if (unknown) {
    problem.field = unknown[1];
    problem.reason = 'unknown field';
    return problem;
  }
  // The record API's own message names the record again: "Contact contacts/c7: field 'x': why".
  const field = rest.match(/(?:^|: )field '([^']+)': (.*)$/s);
  if (field) {
    problem.field = field[1];
    problem.reason = field[2] ?? rest;
  }
  return problem;
}

/** The download's file name: the account's name made file-safe, and the day. */
export function bundleFileName(accountName: string, day: Date): string {
  const safe = accountName.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'account';
  return `accord-${safe}-${day.toISOString().slice(0, 10)}.json`;
}
