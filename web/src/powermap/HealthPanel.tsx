// The analytics' power-map health: score and the reasons that lowered it, in the UI language.
import { useTranslation } from 'react-i18next';
import type { PowerMapHealth, RecordData } from '../core/api';
import { useApp, useLanguage } from '../app/context';
import { enumLabel } from '../logic/labels';

const KNOWN = new Set([
  'unknown_role',
  'no_coach',
  'single_threaded',
  'no_executive_access',
  'high_influence_opponent',
  'stale_contact',
  'no_stance_known',
  'support_negative',
  'support_weak',
  'no_support',
  'zipper_gap',
]);

export function HealthPanel({ health, contacts }: { health: PowerMapHealth | null; contacts: RecordData[] }) {
  const { t } = useTranslation();
  const { schema } = useApp();
  const lng = useLanguage();
  if (!health) return null;
  const names = new Map(contacts.map((c) => [c.id, typeof c.name === 'string' ? c.name : c.id]));
  const subject = (code: string, s: string) => {
    if (code === 'unknown_role') return enumLabel(schema, 'buying_role', s, lng);
    if (code === 'zipper_gap') return enumLabel(schema, 'org_level', s, lng);
    return names.get(s) ?? s;
  };
  const tone = health.score >= 70 ? 'good' : health.score >= 40 ? 'fair' : 'poor';
  return (
    <section className="card health" aria-labelledby="health-title" data-testid="health-panel">
      <h2 id="health-title">{t('map.health')}</h2>
      <p className={`score score-${tone}`} data-testid="health-score">
        {t('map.score', { score: health.score })}
      </p>
      {health.reasons.length === 0 ? (
        <p className="muted">{t('map.noReasons')}</p>
      ) : (
        <ul className="reasons">
          {health.reasons.map((r, i) => (
            <li key={`${r.code}-${r.subject}-${i}`}>
              <span className="points">{r.points}</span>{' '}
              {KNOWN.has(r.code)
                ? t(`reasons.${r.code}`, { subject: subject(r.code, r.subject) })
                : t('reasons.other', { message: r.message })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
