import { describe, expect, it } from 'vitest';
import type { RecordData } from '../src/core/api';
import { layeredPositions } from '../src/powermap/elkLayout';
import {
  cardSize,
  drawableLinks,
  layoutGraph,
  layoutKeyOf,
  linkLook,
  PEER_COLORS,
  peerColor,
  placeContacts,
  rolesOf,
  stanceColor,
  storedPosition,
} from '../src/powermap/mapModel';
import { coreSchema } from './coreSchema';

const schema = coreSchema();
const contact = (id: string, extra: Partial<RecordData> = {}): RecordData => ({ id, name: id, ...extra });
const link = (id: string, from: string, to: string, kind: string): RecordData => ({ id, from, to, kind });

describe('power map model', () => {
  it('sizes cards by influence', () => {
    expect(cardSize('high').width).toBeGreaterThan(cardSize('medium').width);
    expect(cardSize('medium').width).toBeGreaterThan(cardSize('low').width);
    expect(cardSize(undefined)).toEqual(cardSize('low'));
  });
  it('gives every stance its own colour and draws every link kind distinctly', () => {
    const stances = schema.enums.stance!.values.map((v) => v.code);
    expect(new Set(stances.map((s) => stanceColor(s).border)).size).toBe(stances.length);
    const kinds = schema.enums.link_kind!.values.map((v) => v.code);
    const looks = kinds.map((k) => JSON.stringify(linkLook(k)));
    expect(new Set(looks).size).toBe(kinds.length);
    expect(linkLook('reports_to').arrow).toBe(true);
    expect(linkLook('rival').dash).toBeDefined();
  });
  it('keeps only links between live, distinct contacts', () => {
    const contacts = [contact('a'), contact('b')];
    const links = [link('1', 'a', 'b', 'ally'), link('2', 'a', 'gone', 'ally'), link('3', 'a', 'a', 'rival'), { id: '4', kind: 'ally' }];
    expect(drawableLinks(contacts, links).map((l) => l.id)).toEqual(['1']);
  });
  it('lays out reporting lines only, boss to subordinate', () => {
    const g = layoutGraph(
      [contact('boss', { influence: 'high' }), contact('sub')],
      [link('r', 'sub', 'boss', 'reports_to'), link('x', 'sub', 'boss', 'rival')],
    );
    expect(g.edges).toEqual([{ id: 'r', source: 'boss', target: 'sub' }]);
    expect(g.nodes[0]).toMatchObject({ id: 'boss', ...cardSize('high') });
  });
  it('prefers stored positions, then computed ones, then a grid slot', () => {
    const contacts = [contact('a', { x: 10, y: 20 }), contact('b'), contact('c', { x: 5 })];
    const placed = placeContacts(contacts, new Map([['b', { x: 300, y: 400 }]]));
    expect(placed.get('a')).toEqual({ x: 10, y: 20 });
    expect(placed.get('b')).toEqual({ x: 300, y: 400 });
    expect(placed.get('c')).toEqual({ x: 480, y: 0 });
    expect(storedPosition(contacts[2]!)).toBeNull();
  });
  it('gives each editor a stable presence colour, none of them a stance colour or the selection amber', () => {
    expect(peerColor('mike')).toBe(peerColor('mike'));
    const users = ['mike', 'nina', 'olga', 'vera', '王建国', 'li.ming@example.com', 'a', 'b'];
    for (const u of users) expect(PEER_COLORS).toContain(peerColor(u));
    expect(new Set(users.map(peerColor)).size).toBeGreaterThan(3);
    const reserved = new Set(['#f59e0b', ...schema.enums.stance!.values.map((v) => stanceColor(v.code).border)]);
    for (const c of PEER_COLORS) expect(reserved.has(c), c).toBe(false);
  });
  it('needs a new layout only when people, card sizes or reporting lines change', () => {
    const people = [contact('a', { influence: 'high' }), contact('b')];
    const lines = [link('r', 'b', 'a', 'reports_to'), link('x', 'a', 'b', 'ally')];
    const key = layoutKeyOf(people, lines);
    expect(layoutKeyOf([{ ...people[0]!, stance: 'opponent' }, people[1]!], lines)).toBe(key);
    expect(layoutKeyOf(people, lines.slice(0, 1))).toBe(key);
    expect(layoutKeyOf([contact('a', { influence: 'low' }), people[1]!], lines)).not.toBe(key);
    expect(layoutKeyOf(people, [link('r', 'a', 'b', 'reports_to')])).not.toBe(key);
    expect(layoutKeyOf([...people, contact('c')], lines)).not.toBe(key);
    expect(layoutKeyOf(people.map((c) => ({ ...c, x: 1, y: 2 })), lines)).not.toBe(key);
  });
  it('orders role badges as the vocabulary does', () => {
    const order = schema.enums.buying_role!.values.map((v) => v.code);
    expect(rolesOf(contact('a', { buying_roles: ['saboteur', 'user', 'decider'] }), order)).toEqual(['decider', 'user', 'saboteur']);
    expect(rolesOf(contact('b'), order)).toEqual([]);
  });
});

describe('layered layout (elkjs)', () => {
  it('puts every boss above the people reporting to them and overlaps no cards', async () => {
    // A three-level organisation: 1 director, 3 managers, 2 staff under each manager.
    const contacts = [contact('dir', { influence: 'high' })];
    const links: RecordData[] = [];
    for (let m = 0; m < 3; m++) {
      contacts.push(contact(`m${m}`, { influence: 'medium' }));
      links.push(link(`lm${m}`, `m${m}`, 'dir', 'reports_to'));
      for (let s = 0; s < 2; s++) {
        contacts.push(contact(`s${m}${s}`));
        links.push(link(`ls${m}${s}`, `s${m}${s}`, `m${m}`, 'reports_to'));
      }
    }
    links.push(link('ally', 's00', 's21', 'ally'));
    const pos = await layeredPositions(contacts, links);
    expect(pos.size).toBe(contacts.length);
    for (const l of links.filter((x) => x.kind === 'reports_to')) {
      const boss = pos.get(l.to as string)!;
      const sub = pos.get(l.from as string)!;
      expect(boss.y + cardSize(contacts.find((c) => c.id === l.to)!.influence).height).toBeLessThanOrEqual(sub.y);
    }
    const boxes = contacts.map((c) => ({ ...pos.get(c.id)!, ...cardSize(c.influence) }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${contacts[i]!.id} / ${contacts[j]!.id}`).toBe(false);
      }
  });
});
