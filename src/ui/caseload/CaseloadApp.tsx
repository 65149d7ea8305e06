import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadyView } from '../app/ReadyView';
import { withRecord, type BootedApp } from '../app/boot';
import { FailureScreen } from '../app/FailureScreen';
import type { LaunchContext } from '../app/launch-context';
import type { Failure, Outcome } from '../failure';
import type { BootedCaseload } from './boot-caseload';
import { CaseloadTable } from './CaseloadTable';
import { withReassessed, type CaseloadEntry } from './load-caseload';
import { MyOutcomes } from './MyOutcomes';
import './caseload.css';

// The caseload page: the list, and one client's clinician view opened from it with the same token (user/
// scopes reach every client of the clinician), then back to the list with that client's row re-assessed.

type Opened =
  | { readonly patientId: string; readonly phase: 'loading' }
  | { readonly patientId: string; readonly phase: 'ready'; readonly app: BootedApp }
  | { readonly patientId: string; readonly phase: 'failed'; readonly failure: Failure };

function patientLaunch(booted: BootedCaseload, patientId: string): LaunchContext {
  const { launch } = booted.shell;
  return {
    patientId,
    encounterId: undefined,
    fhirUser: launch.fhirUser,
    grantedScopes: launch.grantedScopes,
    // No EHR chart is open around the app: it names the client itself.
    needPatientBanner: true,
    smartStyleUrl: launch.smartStyleUrl,
    locale: launch.locale,
    intent: undefined,
  };
}

export default function CaseloadApp({ booted }: { readonly booted: BootedCaseload }) {
  const { t } = useTranslation('caseload');
  const [loaded, setLoaded] = useState(booted.loaded);
  const [opened, setOpened] = useState<Opened | undefined>();
  /** The client whose view was last closed: their row gets the focus back. */
  const [returnFocus, setReturnFocus] = useState<string | undefined>();

  const open = useCallback(
    async (entry: CaseloadEntry) => {
      const patientId = entry.row.patientId;
      setOpened({ patientId, phase: 'loading' });
      const result = await withRecord({ ...booted.shell, launch: patientLaunch(booted, patientId) }, booted.view);
      setOpened(
        result.ok
          ? { patientId, phase: 'ready', app: result.value }
          : { patientId, phase: 'failed', failure: result.error },
      );
    },
    [booted],
  );

  const onReloaded = useCallback((result: Outcome<BootedApp>) => {
    setOpened(
      (current) =>
        current &&
        (result.ok
          ? { patientId: current.patientId, phase: 'ready', app: result.value }
          : { patientId: current.patientId, phase: 'failed', failure: result.error }),
    );
  }, []);

  const back = useCallback(() => {
    if (opened?.phase === 'ready')
      setLoaded((l) =>
        withReassessed(
          l,
          opened.patientId,
          opened.app.shell.record.assessment,
          opened.app.shell.record.unsaved?.length ?? 0,
        ),
      );
    setReturnFocus(opened?.patientId);
    setOpened(undefined);
  }, [opened]);

  if (!opened)
    return (
      <>
        <CaseloadTable loaded={loaded} onOpen={(entry) => void open(entry)} focusPatient={returnFocus} />
        <MyOutcomes loaded={loaded} />
      </>
    );
  return (
    <>
      <button type="button" className="caseload-back" onClick={back}>
        {t('back')}
      </button>
      {opened.phase === 'loading' && (
        <p className="page-status" role="status">
          {t('common:loading')}
        </p>
      )}
      {opened.phase === 'failed' && <FailureScreen failure={opened.failure} onRetry={back} />}
      {opened.phase === 'ready' && <ReadyView app={opened.app} onReloaded={onReloaded} />}
    </>
  );
}
