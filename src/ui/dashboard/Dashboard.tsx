import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alerts } from './Alerts';
import { EpisodePicker } from './EpisodePicker';
import { AllianceChart } from './charts/AllianceChart';
import { OutcomeChart } from './charts/OutcomeChart';
import { WaiChart } from './charts/WaiChart';
import { LicenceNotice } from './LicenceNotice';
import { PatientBanner } from './PatientBanner';
import { PrintHeader } from './PrintHeader';
import { RefusedReads } from './RefusedReads';
import { SessionTable } from './SessionTable';
import { StatusAtGlance } from './StatusAtGlance';
import { UnreadableList } from './UnreadableList';
import type { DashboardModel, EpisodeView } from './view-model';

/** The clinician view, top to bottom in the order a clinician reads it before or during a session. */
export function Dashboard({ model, administer }: { readonly model: DashboardModel; readonly administer?: ReactNode }) {
  const { t } = useTranslation('dashboard');
  const current = model.episodes.at(-1)?.index ?? 1;
  const [shown, setShown] = useState<number | undefined>(undefined);
  const earlier = shown === undefined || shown === current ? undefined : model.episodes.find((e) => e.index === shown);
  const charts = earlier ? chartsOf(model, earlier) : model;
  return (
    <>
      {/* Inside the chart the EHR shows who this is; on paper the app must. */}
      <PrintHeader clinicianName={model.clinicianName} />
      <PatientBanner patient={model.patient} ageBand={model.ageBand} printOnly={!model.needPatientBanner} />
      <LicenceNotice licence={model.licence} />
      <h1 className="visually-hidden">{t('title')}</h1>
      <RefusedReads refused={model.refused} />
      <div className="overview">
        <StatusAtGlance outcome={model.outcome} alliance={model.alliance} />
        <Alerts alerts={model.alerts} />
      </div>
      {administer}
      <section className="charts" aria-label={t('title')}>
        <EpisodePicker episodes={model.episodes} shown={shown ?? current} onShow={setShown} />
        <OutcomeChart outcome={charts.outcome} />
        <div className="chart-pair">
          <AllianceChart alliance={charts.alliance} />
          <WaiChart inventory={charts.inventory} />
        </div>
      </section>
      <SessionTable rows={model.sessions} episodes={model.episodes} />
      <UnreadableList items={model.unreadable} />
    </>
  );
}

/** The charts of an earlier episode: its own points, no expected trajectory (the model speaks of the current one). */
function chartsOf(model: DashboardModel, episode: EpisodeView): Pick<DashboardModel, 'outcome' | 'alliance' | 'inventory'> {
  return {
    outcome: { ...model.outcome, points: episode.outcome, expected: [], instrument: episode.outcomeInstrument },
    alliance: { ...model.alliance, points: episode.alliance, instrument: episode.allianceInstrument },
    inventory: episode.inventory,
  };
}
