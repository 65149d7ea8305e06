import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { AllianceReasons } from './AllianceReasons';
import { OutcomeBand, Ruptures } from './Ruptures';
import type { AllianceStatus, AllianceView, OutcomeStatus, OutcomeView, ScorePoint } from './view-model';

// Status is carried by an icon and a word as well as a colour (WCAG 1.4.1).
const outcomeTone: Record<OutcomeStatus, Tone> = {
  'no-data': 'neutral',
  'too-early': 'neutral',
  'on-track': 'good',
  'reliably-improved': 'good',
  recovered: 'good',
  'non-clinical-intake': 'neutral',
  'not-on-track': 'warn',
  deteriorating: 'bad',
};
const allianceTone: Record<AllianceStatus, Tone> = {
  'no-data': 'neutral',
  good: 'good',
  concern: 'warn',
  'rupture-risk': 'bad',
  'rupture-unresolved': 'bad',
};
type Tone = 'good' | 'warn' | 'bad' | 'neutral';
const icon: Record<Tone, string> = { good: '✓', warn: '!', bad: '▼', neutral: '–' };

export function StatusAtGlance({
  outcome,
  alliance,
}: {
  readonly outcome: OutcomeView;
  readonly alliance: AllianceView;
}) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  return (
    <section className="status" aria-labelledby="status-heading">
      <h2 id="status-heading" className="visually-hidden">
        {t('status.heading')}
      </h2>
      <div className="status-cards">
        <StatusCard
          heading={t('status.outcome')}
          tone={outcomeTone[outcome.status]}
          label={t(`status.outcomeStatus.${outcome.status}`)}
          points={outcome.points}
          instrument={outcome.instrument}
          showChange
          cutoffText={
            outcome.cutoff === undefined ? undefined : t('status.cutoff', { cutoff: f.score(outcome.cutoff) })
          }
          reasons={<OutcomeBand outcome={outcome} />}
        />
        <StatusCard
          heading={t('status.alliance')}
          tone={allianceTone[alliance.status]}
          label={t(`status.allianceStatus.${alliance.status}`)}
          points={alliance.points}
          instrument={alliance.instrument}
          showChange={false}
          cutoffText={t('status.allianceCutoff', { cutoff: f.score(alliance.cutoff) })}
          reasons={
            <>
              <AllianceReasons reasons={alliance.reasons ?? []} cutoff={alliance.cutoff} />
              <Ruptures ruptures={alliance.ruptures ?? []} />
            </>
          }
        />
      </div>
    </section>
  );
}

interface StatusCardProps {
  readonly heading: string;
  readonly tone: Tone;
  readonly label: string;
  readonly points: readonly ScorePoint[];
  readonly instrument: string | undefined;
  readonly showChange: boolean;
  readonly cutoffText: string | undefined;
  /** Why the status is what it is, right under it (the latest score alone may seem to say otherwise). */
  readonly reasons?: ReactNode;
}

function StatusCard(props: StatusCardProps) {
  const { t } = useTranslation('dashboard');
  const f = useFormat();
  const latest = props.points.at(-1);
  const intake = props.points[0];
  return (
    <article className={`status-card tone-${props.tone}`}>
      <div className="status-head">
        <h3>{props.heading}</h3>
        <p className="status-value">
          <span className="status-icon" aria-hidden="true">
            {icon[props.tone]}
          </span>{' '}
          {props.label}
        </p>
      </div>
      {props.reasons}
      {latest && intake ? (
        <>
          <p>
            {t('status.latest', {
              instrument: props.instrument?.toUpperCase(),
              score: f.score(latest.total),
              session: latest.session,
              date: f.date(latest.date),
            })}
          </p>
          {props.showChange && (
            <p>
              {t('status.change', { change: f.change(latest.total - intake.total), intake: f.score(intake.total) })}
            </p>
          )}
          {props.cutoffText !== undefined && <p className="muted">{props.cutoffText}</p>}
          {props.points.some((p) => p.unsaved) && <p className="status-unsaved">{t('status.unsavedIncluded')}</p>}
        </>
      ) : (
        <p className="muted">{t('status.noScores')}</p>
      )}
    </article>
  );
}
