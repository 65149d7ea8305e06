// A clinician view built the way the app builds it: administrations scored by the real core, arranged by
// the app's own mapper, rendered by the Dashboard. Only the FHIR load is left out.
import { render } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { I18nextProvider } from 'react-i18next';
import { assessClient } from '../../../src/core/assess';
import type { ScoringConfig } from '../../../src/core/config';
import { instruments, type InstrumentId } from '../../../src/core/instruments';
import type { Administration } from '../../../src/core/model';
import { detectCapabilities } from '../../../src/fhir/capabilities';
import type { History, LoadedAdministration } from '../../../src/fhir/load';
import { parseSmartLaunchConfig } from '../../../src/fhir/smart-launch-config';
import type { LaunchContext } from '../../../src/ui/app/launch-context';
import { toDashboardModel } from '../../../src/ui/app/to-dashboard-model';
import { Dashboard } from '../../../src/ui/dashboard/Dashboard';
import { createI18n } from '../../../src/ui/i18n/with-dashboard';
import type { Language } from '../../../src/core/instruments/types';

/** An administration on day `day` of March 2025 with every item answered by `value(itemIndex)`, unless `answers` is given. */
export function given(
  instrument: InstrumentId,
  day: number,
  value: (i: number) => number,
  extra: Partial<Administration> = {},
): Administration {
  const answers = Object.fromEntries(instruments[instrument].items.map((item, i) => [item.linkId, value(i)]));
  const authored = `2025-03-${String(day).padStart(2, '0')}T10:00:00+01:00`;
  return { id: `${instrument}-${day}`, instrument, authored, status: 'completed', answers, ...extra };
}

const loaded = (a: Administration): LoadedAdministration => ({
  administration: a,
  patientId: 'p',
  sourceId: a.id,
  questionnaire: undefined,
  versionMissing: false,
  foreign: false,
});

const launch: LaunchContext = {
  patientId: 'p',
  encounterId: undefined,
  fhirUser: undefined,
  grantedScopes: '',
  needPatientBanner: false,
  smartStyleUrl: undefined,
  locale: undefined,
  intent: undefined,
};

export function dashboardModel(
  saved: readonly Administration[],
  unsaved: readonly Administration[] = [],
  birthDate = '1980-05-05',
  scoring?: ScoringConfig,
) {
  const history: History = {
    patientId: 'p',
    patient: { resourceType: 'Patient', id: 'p', birthDate },
    administrations: saved.map(loaded),
    observations: [],
    flags: [],
    questionnaires: [],
    unreadable: [],
    failures: [],
    stats: { roundTrips: 1, requests: 1, pages: 1, usedBatch: true },
  };
  const assessment = assessClient({
    administrations: [...saved, ...unsaved],
    birthDate,
    ...(scoring ? { config: scoring } : {}),
  });
  const config = parseSmartLaunchConfig(JSON.parse(readFileSync('smart-launch.json', 'utf8')));
  if (!config.ok) throw new Error(config.error.join('; '));
  return toDashboardModel(
    {
      history,
      capabilities: detectCapabilities({}, ''),
      assessment,
      unsaved: unsaved.map((a) => ({ ...loaded(a), unsaved: 'pending' as const })),
    },
    launch,
    config.value,
  );
}

export async function showRecord(
  saved: readonly Administration[],
  options: {
    unsaved?: readonly Administration[];
    language?: Language;
    birthDate?: string;
    config?: ScoringConfig;
  } = {},
) {
  const i18n = await createI18n(options.language ?? 'en');
  const model = dashboardModel(saved, options.unsaved, options.birthDate, options.config);
  return render(
    <I18nextProvider i18n={i18n}>
      <Dashboard model={model} />
    </I18nextProvider>,
  );
}
