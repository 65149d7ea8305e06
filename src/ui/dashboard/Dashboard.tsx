import { type ReactNode, useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import { Alerts } from './Alerts';
import { AlertSummary } from './AlertSummary';
import { AllianceCharts, OutcomeCharts, useChartView } from './ChartsSection';
import { ContinueResponseContext } from './ContinueResponse';
import { LicenceNotice } from './LicenceNotice';
import { PatientBanner } from './PatientBanner';
import { PrintHeader } from './PrintHeader';
import { RefusedReads } from './RefusedReads';
import { SessionTable } from './SessionTable';
import { StatusAtGlance } from './StatusAtGlance';
import { UnreadableList } from './UnreadableList';
import type { DashboardModel } from './view-model';

/**
 * The clinician view, in the order a clinician reads it before or during a session. The first screen of a
 * 900×600 EHR frame tells the story: the status line, the alerts in short and the outcome chart. The
 * details follow: giving a measure, the whole alerts, the alliance charts and every response. Those below the
 * first screen are drawn in a second, interruptible render, so that a long history's thousands of rows never
 * hold back the first chart.
 */
export function Dashboard({
  model,
  administer,
  onContinue,
}: {
  readonly model: DashboardModel;
  readonly administer?: ReactNode;
  /** Opens the administer panel on a response kept in progress (the session table's "Continue"). */
  readonly onContinue?: (responseId: string) => void;
}) {
  const { t } = useTranslation('dashboard');
  const charts = useChartView(model);
  const showDetails = useDeferredValue(true, false);
  return (
    <ContinueResponseContext.Provider value={onContinue}>
      {/* Inside the chart the EHR shows who this is; on paper the app must. */}
      <PrintHeader clinicianName={model.clinicianName} />
      <PatientBanner patient={model.patient} ageBand={model.ageBand} printOnly={!model.needPatientBanner} />
      <h1 className="visually-hidden">{t('title')}</h1>
      <RefusedReads refused={model.refused} />
      <StatusAtGlance outcome={model.outcome} alliance={model.alliance} />
      <div className="story">
        <AlertSummary alerts={model.alerts} />
        <OutcomeCharts view={charts} />
      </div>
      <LicenceNotice licence={model.licence} />
      {administer}
      {showDetails && (
        <>
          <Alerts alerts={model.alerts} />
          <AllianceCharts view={charts} />
          <SessionTable rows={model.sessions()} episodes={model.episodes} />
          <UnreadableList items={model.unreadable} />
        </>
      )}
    </ContinueResponseContext.Provider>
  );
}
