// Team dashboard: coverage heat map (attractiveness × relationship), overdue follow-ups,
// the funnel, accounts losing ground, and 80/20 concentration.
import { useTranslation } from 'react-i18next';
import { affectsAnything, useApp, useLanguage, useLive } from '../app/context';
import { coverageGrid, funnelBars, heat, lastDays } from '../logic/dashboard';
import { formatDay, formatPercent } from '../logic/format';
import { enumLabel, fieldLabel } from '../logic/labels';
import { routeHash } from '../logic/route';

export function Dashboard() {
  const { t } = useTranslation();
  const { schema } = useApp();
  const lng = useLanguage();
  const data = useLive(
    async (c) => {
      const [tiering, followUps, funnel, digest] = await Promise.all([
        c.tiering(),
        c.followUps(),
        c.funnel(lastDays(new Date(), 365)),
        c.digest(),
      ]);
      return { tiering, followUps, funnel, digest };
    },
    affectsAnything,
    [],
  );
  if (data.state === 'loading') return <p>{t('errors.loading')}</p>;
  if (data.state === 'error') return <p className="form-error">{t('errors.generic', { message: data.message })}</p>;
  const { tiering, followUps, funnel, digest } = data.value;
  const grades = (schema.enums.grade?.values ?? []).map((v) => v.code);
  const strengths = (schema.enums.relationship_strength?.values ?? []).map((v) => v.code);
  const grid = coverageGrid(tiering, grades, strengths);
  const max = Math.max(0, ...grid.flat().map((c) => c.count));
  const overdue = followUps.accounts.filter((a) => a.state === 'overdue');
  return (
    <section className="screen dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      <div className="dashboard-grid">
        <section className="card" aria-labelledby="coverage-title">
          <h2 id="coverage-title">{t('dashboard.coverage')}</h2>
          <div className="table-wrap">
            <table className="heat" data-testid="coverage">
              <thead>
                <tr>
                  <th scope="col">{fieldLabel(schema, 'account', 'attractiveness', lng)}</th>
                  {strengths.map((s) => (
                    <th key={s} scope="col">
                      {enumLabel(schema, 'relationship_strength', s, lng)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.map((row, i) => (
                  <tr key={grades[i]}>
                    <th scope="row">{enumLabel(schema, 'grade', grades[i] ?? '', lng)}</th>
                    {row.map((cell) => (
                      <td
                        key={cell.relationship}
                        style={{ background: `rgba(37, 99, 235, ${0.08 + 0.72 * heat(cell.count, max)})` }}
                      >
                        {cell.count || ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {tiering.topAccounts.length > 0 && (
            <p className="small muted">
              {t('dashboard.concentration', {
                count: tiering.topAccounts.length,
                share: formatPercent(tiering.topRevenueShare, lng),
              })}
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('dashboard.overdue')}</h2>
          {overdue.length === 0 ? (
            <p className="muted">{t('dashboard.noOverdue')}</p>
          ) : (
            <ul className="plain">
              {overdue.map((a) => (
                <li key={a.accountId}>
                  <a href={routeHash({ screen: 'account', account: a.accountId, tab: 'visits' })}>{a.name}</a>{' '}
                  <span className="badge overdue">{t('accounts.overdue', { count: a.daysOverdue })}</span>{' '}
                  <span className="muted small">
                    {a.owner} · {a.lastTouch ? formatDay(a.lastTouch, lng) : t('accounts.never')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="funnel-title">
          <h2 id="funnel-title">{t('dashboard.funnel')}</h2>
          <ul className="funnel" data-testid="funnel">
            {funnelBars(funnel).map((b) => (
              <li key={b.stage}>
                <span className="funnel-label">{enumLabel(schema, 'funnel_stage', b.stage, lng)}</span>
                <span className="funnel-bar" style={{ width: `${Math.max(2, b.share * 100)}%` }} />
                <span className="funnel-count">{b.count}</span>
              </li>
            ))}
          </ul>
        </section>
        {digest.losingGround.length > 0 && (
          <section className="card" aria-labelledby="losing-title">
            <h2 id="losing-title">{t('dashboard.losingGround')}</h2>
            <ul className="plain">
              {digest.losingGround.map((l, i) => {
                const f = schema.collections.find((c) => c.collection === 'account')?.fields.find((x) => x.key === l.field);
                const vocab = f?.enum ?? '';
                return (
                  <li key={`${l.accountId}-${i}`}>
                    <a href={routeHash({ screen: 'account', account: l.accountId, tab: 'overview' })}>
                      {tiering.placed.find((p) => p.accountId === l.accountId)?.name ?? l.accountId}
                    </a>
                    : {fieldLabel(schema, 'account', l.field, lng)} {enumLabel(schema, vocab, l.fromCode, lng)} →{' '}
                    {enumLabel(schema, vocab, l.toCode, lng)}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
      </div>
    </section>
  );
}
