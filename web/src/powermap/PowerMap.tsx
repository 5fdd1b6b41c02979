// The power map (权力地图): contacts as cards, reporting lines laid out by ELK, other links
// drawn by kind, drag to arrange (positions persist in the contact's x/y), add and edit
// contacts and links in place, the health panel, and other editors' presence.
import {
  applyNodeChanges,
  Background,
  type Edge,
  MarkerType,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer, PowerMapHealth, RecordData } from '../core/api';
import { affectsAccount, canEdit, errorMessage, useApp, useLanguage, useLive } from '../app/context';
import { HistoryDialog } from '../components/HistoryDialog';
import { RecordFields } from '../components/RecordFields';
import { enumLabel, fieldLabel } from '../logic/labels';
import { type ContactCardData, type ContactNodeType, ContactNode } from './ContactNode';
import { allPlaced, layeredPositions } from './elkLayout';
import { HealthPanel } from './HealthPanel';
import { cachedLayout, cacheLayout } from './layoutCache';
import {
  cardSize,
  drawableLinks,
  layoutKeyOf,
  linkLook,
  peerColor,
  placeContacts,
  type Position,
  rolesOf,
  stanceColor,
  storedPosition,
} from './mapModel';

const nodeTypes = { contact: ContactNode };
const LINK_KINDS = ['reports_to', 'ally', 'rival', 'kinship', 'faction'];
/** One empty list, so effects that depend on the records do not rerun while loading. */
const NONE: RecordData[] = [];

interface MapData {
  contacts: RecordData[];
  links: RecordData[];
  factions: RecordData[];
  team: RecordData[];
  health: PowerMapHealth | null;
}

const choice = (key: string) => (r: RecordData) => ({ id: r.id, label: typeof r[key] === 'string' && r[key] ? String(r[key]) : r.id });

export function PowerMap({ account, peers }: { account: string; peers: Peer[] }) {
  const { t } = useTranslation();
  const { client, schema, session } = useApp();
  const lng = useLanguage();
  const editable = canEdit(session);
  const [selected, setSelected] = useState<string | null>(null);
  const [computed, setComputed] = useState<Map<string, Position>>(new Map());
  const [nodes, setNodes] = useState<ContactNodeType[]>([]);
  const [panel, setPanel] = useState<'none' | 'contact' | 'link'>('none');
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [flow, setFlow] = useState<ReactFlowInstance<ContactNodeType, Edge> | null>(null);

  const data = useLive<MapData>(
    async (c) => {
      const [contacts, links, factions, team, health] = await Promise.all([
        c.list('contacts', account),
        c.list('links', account),
        c.list('factions', account),
        c.list('account_team', account),
        c.powerMapHealth(account).catch(() => null),
      ]);
      return { contacts, links, factions, team, health };
    },
    affectsAccount(account),
    [account],
  );
  const contacts = data.state === 'ready' ? data.value.contacts : NONE;
  // User Timing marks (bench/web/client.mjs reads them): the data arrived, the layout came back.
  const loaded = data.state === 'ready';
  useEffect(() => {
    if (loaded) performance.mark('accord:map-data');
  }, [loaded]);
  const links = data.state === 'ready' ? data.value.links : NONE;

  useEffect(() => {
    client.setPresence({ account, contact: selected });
  }, [client, account, selected]);
  useEffect(() => () => client.setPresence({ account: null, contact: null }), [client]);

  // Lay out again when the people or the reporting lines change (not on every field edit);
  // not at all while every contact has a stored position (the document keeps the layout), nor
  // when this device laid out the same people and lines before (layoutCache.ts).
  const placed = useMemo(() => allPlaced(contacts), [contacts]);
  const layoutKey = useMemo(() => layoutKeyOf(contacts, links), [contacts, links]);
  const [laidOutKey, setLaidOutKey] = useState('');
  const [layoutFailed, setLayoutFailed] = useState(false);
  // Until the first layout answers, no cards (rendering them on a grid first costs as much as
  // the real render, on the same 2 cores as the layout); after a failure, the grid.
  const waitForLayout = !placed && computed.size === 0 && !layoutFailed;
  useEffect(() => {
    if (contacts.length === 0) return;
    if (placed) {
      setLaidOutKey(layoutKey);
      return;
    }
    const cached = cachedLayout(account, layoutKey);
    if (cached) {
      setComputed(cached);
      setLaidOutKey(layoutKey);
      return;
    }
    let alive = true;
    layeredPositions(contacts, links).then(
      (p) => {
        if (!alive) return;
        performance.mark('accord:map-layout');
        cacheLayout(account, layoutKey, p);
        setComputed(p);
        setLaidOutKey(layoutKey);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(errorMessage(e));
        setLayoutFailed(true);
      },
    );
    return () => {
      alive = false;
    };
    // layoutKey captures what the layout depends on.
  }, [layoutKey]);
  /** The layout the nodes on screen were placed with. */
  const [placedKey, setPlacedKey] = useState('');
  const laidOut = contacts.length > 0 && laidOutKey === layoutKey && placedKey === layoutKey;

  // Cards are rebuilt only for contacts whose record, presence or language changed, and node
  // objects are kept when nothing about them changed, so @xyflow/react re-renders only those.
  const roleOrder = useMemo(() => (schema.enums.buying_role?.values ?? []).map((v) => v.code), [schema]);
  const cards = useRef(new Map<string, { key: string; data: ContactCardData }>());
  useEffect(() => {
    const places = placeContacts(contacts, computed);
    setNodes((previous) => {
      if (waitForLayout) return previous.length === 0 ? previous : [];
      const before = new Map(previous.map((n) => [n.id, n]));
      const next = contacts.map((c): ContactNodeType => {
        const viewers = [...new Set(peers.filter((p) => p.account === account && p.contact === c.id).map((p) => p.user))].map(
          (user) => ({ user, color: peerColor(user), label: t('map.viewing', { user }) }),
        );
        const key = JSON.stringify([c, viewers, lng]);
        let card = cards.current.get(c.id);
        if (!card || card.key !== key) {
          card = { key, data: cardData(c, viewers) };
          cards.current.set(c.id, card);
        }
        const old = before.get(c.id);
        const position = (old?.dragging ? old.position : places.get(c.id)) ?? { x: 0, y: 0 };
        const isSelected = c.id === selected;
        if (
          old &&
          old.data === card.data &&
          !!old.selected === isSelected &&
          old.position.x === position.x &&
          old.position.y === position.y
        ) {
          return old;
        }
        return {
          id: c.id,
          type: 'contact' as const,
          position,
          selected: isSelected,
          width: card.data.width,
          height: card.data.height,
          data: card.data,
        };
      });
      return next.length === previous.length && next.every((n, i) => n === previous[i]) ? previous : next;
    });
    setPlacedKey(laidOutKey);

    function cardData(c: RecordData, viewers: ContactCardData['viewers']): ContactCardData {
      const size = cardSize(c.influence);
      const look = stanceColor(c.stance);
      return {
        name: typeof c.name === 'string' && c.name ? c.name : t('map.unnamed'),
        title: typeof c.title === 'string' ? c.title : '',
        roles: rolesOf(c, roleOrder).map((code) => ({ code, label: enumLabel(schema, 'buying_role', code, lng) })),
        stanceLabel: typeof c.stance === 'string' ? enumLabel(schema, 'stance', c.stance, lng) : '?',
        stanceBorder: look.border,
        stanceFill: look.fill,
        unknownStance: typeof c.stance !== 'string',
        disc: typeof c.disc === 'string' ? c.disc : '',
        discLabel: typeof c.disc === 'string' ? enumLabel(schema, 'disc', c.disc, lng) : '',
        influenceLabel:
          typeof c.influence === 'string'
            ? `${fieldLabel(schema, 'contacts', 'influence', lng)}: ${enumLabel(schema, 'grade', c.influence, lng)}`
            : '',
        insideHelp: typeof c.inside_help === 'string' ? enumLabel(schema, 'inside_help', c.inside_help, lng) : '',
        viewers,
        width: size.width,
        height: size.height,
      };
    }
  }, [contacts, computed, waitForLayout, laidOutKey, peers, selected, schema, lng, roleOrder, account, t]);

  const edgeCache = useRef(new Map<string, { key: string; edge: Edge }>());
  const edges: Edge[] = useMemo(
    () =>
      drawableLinks(contacts, links).map((l) => {
        const key = JSON.stringify([l.from, l.to, l.kind, lng]);
        const cached = edgeCache.current.get(l.id);
        if (cached && cached.key === key) return cached.edge;
        const look = linkLook(l.kind);
        const boss = l.kind === 'reports_to';
        const edge: Edge = {
          id: l.id,
          source: boss ? (l.to as string) : (l.from as string),
          target: boss ? (l.from as string) : (l.to as string),
          type: boss ? 'smoothstep' : 'straight',
          label: boss ? undefined : enumLabel(schema, 'link_kind', String(l.kind), lng),
          style: { stroke: look.stroke, strokeWidth: look.strokeWidth, strokeDasharray: look.dash },
          markerEnd: look.arrow ? { type: MarkerType.ArrowClosed, color: look.stroke } : undefined,
          data: { kind: l.kind },
          className: `link link-${String(l.kind)}`,
        };
        edgeCache.current.set(l.id, { key, edge });
        return edge;
      }),
    [contacts, links, schema, lng],
  );

  // Frame the whole map once it is laid out, and again when the layout changes (new people or
  // reporting lines).
  useEffect(() => {
    if (!flow || !laidOut) return;
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, maxZoom: 1.2 }));
    return () => cancelAnimationFrame(frame);
  }, [flow, laidOut, laidOutKey]);

  // Memoized: @xyflow/react re-subscribes (and calls back) whenever this handler changes.
  const onSelectionChange = useCallback(({ nodes: chosen }: { nodes: ContactNodeType[] }) => {
    if (chosen.length === 1 && chosen[0]) setSelected(chosen[0].id);
  }, []);

  const persisted = useRef(new Map<string, string>());
  const persistPosition = useCallback(
    async (id: string, p: Position) => {
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      if (persisted.current.get(id) === `${x},${y}`) return;
      persisted.current.set(id, `${x},${y}`);
      try {
        await client.update('contacts', id, account, { x, y });
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [client, account],
  );

  // Cards follow the pointer while dragged; a finished move (pointer or arrow keys on a
  // focused card) is stored in the contact's x/y.
  const onNodesChange = useCallback(
    (changes: NodeChange<ContactNodeType>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      if (!editable) return;
      for (const c of changes) {
        if (c.type === 'position' && c.dragging === false && c.position) void persistPosition(c.id, c.position);
      }
    },
    [editable, persistPosition],
  );

  async function arrange() {
    setError('');
    try {
      const placed = await layeredPositions(contacts, links);
      for (const c of contacts) {
        const p = placed.get(c.id);
        const old = storedPosition(c);
        if (p && (!old || Math.round(old.x) !== Math.round(p.x) || Math.round(old.y) !== Math.round(p.y))) {
          await client.update('contacts', c.id, account, { x: Math.round(p.x), y: Math.round(p.y) });
        }
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const selectedContact = contacts.find((c) => c.id === selected) ?? null;
  const others = peers.filter((p) => p.account === account);
  const contactChoices = contacts.map((c) => ({ id: c.id, label: typeof c.name === 'string' ? c.name : c.id }));

  return (
    <div className="power-map-screen">
      <div className="map-toolbar" role="toolbar" aria-label={t('map.title')}>
        {editable && (
          <>
            <button type="button" className="primary" onClick={() => setPanel(panel === 'contact' ? 'none' : 'contact')} data-testid="add-contact">
              {t('map.addContact')}
            </button>
            <button type="button" onClick={() => setPanel(panel === 'link' ? 'none' : 'link')} disabled={contacts.length < 2} data-testid="add-link">
              {t('map.addLink')}
            </button>
            <button type="button" onClick={() => void arrange()} disabled={contacts.length === 0}>
              {t('map.autoLayout')}
            </button>
          </>
        )}
        {/* Zoom in the toolbar rather than over the canvas, where it covered cards at phone width. */}
        <span className="map-zoom" role="group" aria-label={t('map.zoom')}>
          <button type="button" onClick={() => void flow?.zoomIn()} aria-label={t('map.zoomIn')} title={t('map.zoomIn')} data-testid="zoom-in">
            +
          </button>
          <button type="button" onClick={() => void flow?.zoomOut()} aria-label={t('map.zoomOut')} title={t('map.zoomOut')} data-testid="zoom-out">
            −
          </button>
          <button
            type="button"
            onClick={() => void flow?.fitView({ padding: 0.12, maxZoom: 1.2 })}
            aria-label={t('map.fit')}
            title={t('map.fit')}
            data-testid="zoom-fit"
          >
            ⤢
          </button>
        </span>
        {others.length > 0 && (
          <span className="presence" data-testid="presence">
            {[...new Set(others.map((p) => p.user))].map((user) => (
              <span key={user} className="presence-user" data-user={user}>
                <span className="presence-dot" style={{ background: peerColor(user) }} aria-hidden="true" />
                {user}
              </span>
            ))}{' '}
            {t('map.here')}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {panel === 'contact' && <AddContact account={account} onDone={(id) => { setPanel('none'); if (id) setSelected(id); }} />}
      {panel === 'link' && <AddLink account={account} contacts={contactChoices} onDone={() => setPanel('none')} />}
      <div className="map-body">
        <div
          className="map-canvas"
          data-testid="power-map"
          data-layout={laidOut ? 'ready' : 'pending'}
          data-placed={placed}
          data-count={nodes.length}
        >
          {data.state === 'ready' && contacts.length === 0 && <p className="map-empty muted">{t('map.empty')}</p>}
          {waitForLayout && contacts.length > 0 && (
            <p className="map-empty muted" role="status">
              {t('map.layingOut')}
            </p>
          )}
          <ReactFlow<ContactNodeType, Edge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeDragStop={(_, node) => void persistPosition(node.id, node.position)}
            onNodeClick={(_, node) => setSelected(node.id)}
            onPaneClick={() => setSelected(null)}
            onSelectionChange={onSelectionChange}
            nodesDraggable={editable}
            nodesConnectable={false}
            edgesFocusable={false}
            onInit={setFlow}
            fitView
            minZoom={0.2}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={24} />
          </ReactFlow>
        </div>
        <aside className="map-side">
          {selectedContact && (
            <section className="card contact-editor" aria-labelledby="contact-editor-title" data-testid="contact-editor">
              <div className="row spread">
                <h2 id="contact-editor-title">{t('map.edit', { name: selectedContact.name ?? '' })}</h2>
                <button type="button" onClick={() => setSelected(null)} aria-label={t('map.close')}>
                  ×
                </button>
              </div>
              <button type="button" className="link-button" onClick={() => setHistoryOf(selectedContact.id)}>
                {t('records.history')}
              </button>
              <RecordFields
                collection="contacts"
                scope={account}
                record={selectedContact}
                refChoices={{
                  contacts: contactChoices,
                  factions: data.state === 'ready' ? data.value.factions.map(choice('name')) : [],
                  account_team: data.state === 'ready' ? data.value.team.map(choice('name')) : [],
                }}
              />
            </section>
          )}
          <HealthPanel health={data.state === 'ready' ? data.value.health : null} contacts={contacts} />
          <Legend />
          <section className="card" aria-labelledby="contact-list-title">
            <h2 id="contact-list-title">{t('map.list')}</h2>
            <ul className="contact-list">
              {contacts.map((c) => (
                <li key={c.id}>
                  <button type="button" className="link-button" onClick={() => setSelected(c.id)} aria-pressed={c.id === selected}>
                    {typeof c.name === 'string' && c.name ? c.name : t('map.unnamed')}
                  </button>
                  {[...new Set(others.filter((p) => p.contact === c.id).map((p) => p.user))].map((user) => (
                    <span key={user} className="list-viewer" style={{ color: peerColor(user) }}>
                      {' '}
                      {t('map.viewing', { user })}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
      {historyOf && (
        <HistoryDialog collection="contacts" id={historyOf} scope={account} onClose={() => setHistoryOf(null)} />
      )}
    </div>
  );
}

function Legend() {
  const { t } = useTranslation();
  const { schema } = useApp();
  const lng = useLanguage();
  return (
    <section className="card legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('map.legend')}</h2>
      <ul>
        {LINK_KINDS.map((k) => {
          const look = linkLook(k);
          return (
            <li key={k}>
              <svg width="40" height="10" aria-hidden="true">
                <line x1="0" y1="5" x2="40" y2="5" stroke={look.stroke} strokeWidth={look.strokeWidth} strokeDasharray={look.dash} />
              </svg>{' '}
              {enumLabel(schema, 'link_kind', k, lng)}
            </li>
          );
        })}
        {(schema.enums.stance?.values ?? []).map((v) => (
          <li key={v.code}>
            <span className="swatch" style={{ borderColor: stanceColor(v.code).border, background: stanceColor(v.code).fill }} />{' '}
            {lng === 'zh' ? v.zh : v.en}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddContact({ account, onDone }: { account: string; onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { client } = useApp();
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const r = await client.create('contacts', account, { name: name.trim() });
      onDone(r.id);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="add-contact-form">
      <label>
        {t('map.contactName')}
        <input name="contact-name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {t('map.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('accounts.cancel')}
        </button>
      </div>
      {error && <p className="form-error" role="alert">{t('records.error', { message: error })}</p>}
    </form>
  );
}

function AddLink({
  account,
  contacts,
  onDone,
}: {
  account: string;
  contacts: { id: string; label: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { client, schema } = useApp();
  const lng = useLanguage();
  const [from, setFrom] = useState(contacts[0]?.id ?? '');
  const [to, setTo] = useState(contacts[1]?.id ?? '');
  const [kind, setKind] = useState('reports_to');
  const [error, setError] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await client.create('links', account, { from, to, kind });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const select = (value: string, set: (v: string) => void, name: string) => (
    <select name={name} value={value} onChange={(e) => set(e.target.value)}>
      {contacts.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </select>
  );
  return (
    <form className="card inline-form" onSubmit={submit} data-testid="add-link-form">
      <label>
        {t('map.linkFrom')}
        {select(from, setFrom, 'link-from')}
      </label>
      <label>
        {t('map.linkKind')}
        <select name="link-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              {enumLabel(schema, 'link_kind', k, lng)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('map.linkTo')}
        {select(to, setTo, 'link-to')}
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {t('map.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('accounts.cancel')}
        </button>
      </div>
      {error && <p className="form-error" role="alert">{t('records.error', { message: error })}</p>}
    </form>
  );
}
