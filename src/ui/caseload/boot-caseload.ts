import type { i18n } from 'i18next';
import type { CaseloadConfig } from '../../fhir/caseload-config';
import { serverForIssuer } from '../../fhir/smart-launch-config';
import type { AppShell } from '../app/app-context';
import type { ViewChunk } from '../app/boot';
import { failed, type Outcome } from '../failure';
import { registerNamespace } from '../i18n';
import { caseloadMessages } from './messages';
import { loadCaseload, type LoadedCaseload } from './load-caseload';
import type { PractitionerLaunch } from './practitioner-launch';

// After a launch without a patient: the caseload of the signed-in clinician, with the same session (token,
// transport, configuration) that opening one of the clients reuses.

export type CaseloadShell = Omit<AppShell, 'refresh' | 'record' | 'launch'> & {
  readonly launch: PractitionerLaunch;
  readonly caseload: CaseloadConfig;
};

export interface BootedCaseload {
  readonly kind: 'caseload';
  readonly shell: CaseloadShell;
  readonly loaded: LoadedCaseload;
  /** The clinician view, for opening a client from the list. */
  readonly view: ViewChunk;
}

export async function bootCaseload(
  shell: Omit<CaseloadShell, 'caseload'>,
  view: ViewChunk,
  i18nInstance: i18n,
  today: string,
): Promise<Outcome<BootedCaseload>> {
  const caseload = serverForIssuer(shell.config, shell.transport.baseUrl)?.caseload;
  // This EHR's entry does not say how to find the clinician's clients: as before, the app needs a patient.
  if (!caseload) return failed('no-patient');
  registerNamespace(i18nInstance, 'caseload', caseloadMessages);
  const full: CaseloadShell = { ...shell, caseload };
  const loaded = await loadCaseload(shell.transport, {
    fhirUser: shell.launch.fhirUser,
    caseload,
    scoring: shell.config.scoring,
    today,
    storage: shell.storage,
  });
  return loaded.ok ? { ok: true, value: { kind: 'caseload', shell: full, loaded: loaded.value, view } } : loaded;
}
