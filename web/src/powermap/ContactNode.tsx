// A contact's card on the power map: name, title, role badges, stance colour, size by
// influence, DISC letter, inside-help mark, and the other editors who have it selected (an
// outline in the first one's colour and a name tag each).
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';

export interface ContactCardData extends Record<string, unknown> {
  name: string;
  title: string;
  roles: { code: string; label: string }[];
  stanceLabel: string;
  stanceBorder: string;
  stanceFill: string;
  unknownStance: boolean;
  disc: string;
  discLabel: string;
  influenceLabel: string;
  insideHelp: string;
  /** Other editors who have this card selected, each with their presence colour. */
  viewers: { user: string; color: string; label: string }[];
  width: number;
  height: number;
}

export type ContactNodeType = Node<ContactCardData, 'contact'>;

function ContactNodeView({ data, selected }: NodeProps<ContactNodeType>) {
  const peer = data.viewers[0];
  return (
    <div
      className={`contact-card ${selected ? 'selected' : ''} ${data.unknownStance ? 'stance-unknown' : ''} ${peer ? 'peer-selected' : ''}`}
      style={{
        width: data.width,
        minHeight: data.height,
        borderColor: data.stanceBorder,
        background: data.stanceFill,
        outlineColor: peer?.color,
      }}
      data-testid="contact-card"
      data-name={data.name}
    >
      <Handle type="target" position={Position.Top} />
      <div className="contact-card-head">
        <span className="contact-name" title={data.name}>
          {data.name}
        </span>
        {data.disc && (
          <span className="disc" title={data.discLabel} aria-label={data.discLabel}>
            {data.disc.toUpperCase()}
          </span>
        )}
      </div>
      {data.title && (
        <div className="contact-title" title={data.title}>
          {data.title}
        </div>
      )}
      <div className="contact-badges">
        {data.roles.map((r) => (
          <span key={r.code} className={`role role-${r.code}`}>
            {r.label}
          </span>
        ))}
      </div>
      <div className="contact-foot">
        <span className="stance-label" style={{ color: data.stanceBorder }}>
          {data.stanceLabel}
        </span>
        {data.influenceLabel && <span className="muted">{data.influenceLabel}</span>}
        {data.insideHelp && <span className="inside-help">{data.insideHelp}</span>}
      </div>
      {peer && (
        <div className="viewers" data-testid="contact-viewers">
          {data.viewers.map((v) => (
            <span key={v.user} className="viewer" style={{ background: v.color }} title={v.label} aria-label={v.label} data-testid="peer-marker" data-user={v.user}>
              {v.user}
            </span>
          ))}
        </div>
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}

export const ContactNode = memo(ContactNodeView);
