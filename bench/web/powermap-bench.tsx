// Power map benchmark page: lays out and renders a generated map of N contacts with the web
// client's own pieces (mapModel, the ELK layered layout, ContactNode on @xyflow/react) and
// reports, per run, the time from the data to every card on screen. The anchor, measured in
// the same page, renders the same cards at positions already known (no layout).
import { ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { RecordData } from '../../web/src/core/api';
import { type ContactNodeType, ContactNode } from '../../web/src/powermap/ContactNode';
import { layeredPositions } from '../../web/src/powermap/elkLayout';
import { cardSize, drawableLinks, linkLook, type Position, stanceColor } from '../../web/src/powermap/mapModel';
import '../../web/src/styles.css';

const nodeTypes = { contact: ContactNode };
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'];
const GRADES = ['high', 'medium', 'low'];

/** A buying organisation: one head, directors under it, staff under each director, side links. */
function organisation(size: number): { contacts: RecordData[]; links: RecordData[] } {
  const contacts: RecordData[] = [];
  const links: RecordData[] = [];
  for (let i = 0; i < size; i++) {
    contacts.push({ id: `c${i}`, name: `联系人 ${i} 号`, title: i === 0 ? '董事长' : '部门经理', stance: STANCES[i % 5], influence: GRADES[i % 3], disc: 'disc'[i % 4], buying_roles: i % 7 === 0 ? ['decider', 'payer'] : ['user'] });
    if (i > 0) {
      const boss = i <= 7 ? 0 : 1 + ((i - 8) % 7) + (i > 60 ? 7 * Math.floor((i - 8) / 49) : 0);
      links.push({ id: `r${i}`, from: `c${i}`, to: `c${Math.min(boss, i - 1)}`, kind: 'reports_to' });
    }
  }
  for (let i = 0; i < size / 5; i++) {
    links.push({ id: `s${i}`, from: `c${(i * 13) % size}`, to: `c${(i * 29 + 3) % size}`, kind: i % 2 ? 'ally' : 'rival' });
  }
  return { contacts, links };
}

function flowNodes(contacts: RecordData[], places: Map<string, Position>): ContactNodeType[] {
  return contacts.map((c) => {
    const size = cardSize(c.influence);
    const look = stanceColor(c.stance);
    return {
      id: c.id,
      type: 'contact',
      position: places.get(c.id) ?? { x: 0, y: 0 },
      width: size.width,
      height: size.height,
      data: { name: String(c.name), title: String(c.title), roles: (c.buying_roles as string[]).map((r) => ({ code: r, label: r })), stanceLabel: String(c.stance), stanceBorder: look.border, stanceFill: look.fill, unknownStance: false, disc: String(c.disc), discLabel: '', influenceLabel: String(c.influence), insideHelp: '', viewers: [], width: size.width, height: size.height },
    };
  });
}

function flowEdges(contacts: RecordData[], links: RecordData[]): Edge[] {
  return drawableLinks(contacts, links).map((l) => {
    const look = linkLook(l.kind);
    return { id: l.id, source: String(l.to), target: String(l.from), style: { stroke: look.stroke, strokeDasharray: look.dash } };
  });
}

/** Renders and resolves once every card is in the DOM and painted. */
async function render(root: Root, nodes: ContactNodeType[], edges: Edge[]): Promise<void> {
  flushSync(() => root.render(<div style={{ width: 1280, height: 800 }}><ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView proOptions={{ hideAttribution: true }} /></div>));
  while (document.querySelectorAll('[data-testid=contact-card]').length < nodes.length) {
    await new Promise((r) => requestAnimationFrame(r));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

async function run(size: number) {
  const { contacts, links } = organisation(size);
  const edges = flowEdges(contacts, links);
  const container = document.getElementById('root')!;
  const results = { size, layoutMs: 0, layoutAndRenderMs: 0, anchorRenderMs: 0 };
  // Layout and render from the data.
  let root = createRoot(container);
  let t0 = performance.now();
  const places = await layeredPositions(contacts, links);
  results.layoutMs = performance.now() - t0;
  await render(root, flowNodes(contacts, places), edges);
  results.layoutAndRenderMs = performance.now() - t0;
  root.unmount();
  // Anchor: the same cards at known positions.
  root = createRoot(container);
  t0 = performance.now();
  await render(root, flowNodes(contacts, places), edges);
  results.anchorRenderMs = performance.now() - t0;
  root.unmount();
  return results;
}

declare global {
  interface Window {
    runPowerMapBench: (size: number) => Promise<unknown>;
    benchReady: boolean;
  }
}
window.runPowerMapBench = run;
window.benchReady = true;
