import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alerts } from './Alerts';
import { ChartsSection } from './ChartsSection';
import { LicenceNotice } from './LicenceNotice';
import { PatientBanner } from './PatientBanner';
import { PrintHeader } from './PrintHeader';
import { RefusedReads } from './RefusedReads';
import { SessionTable } from './SessionTable';
import { StatusAtGlance } from './StatusAtGlance';
import { UnreadableList } from './UnreadableList';
import type { DashboardModel } from './view-model';

/** The clinician view, top to bottom in the order a clinician reads it before or during a session. */
export function Dashboard({ model, administer }: { readonly model: DashboardModel; readonly administer?: ReactNode }) {
  const { t } = useTranslation('dashboard');
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
      <ChartsSection model={model} />
      <SessionTable rows={model.sessions} episodes={model.episodes} />
      <UnreadableList items={model.unreadable} />
    </>
  );
}
