// Whether the caseload (a provider launch without a patient) can work on a server: the searches that find the
// clinician's clients, and the user/ scopes and fhirUser that say who the clinician is. Never blocking: without
// them the app still works when launched from a patient's chart.
import { serverSupports, type ServerCapabilities, type SmartCapabilities } from '../../fhir/capabilities';
import type { CheckRow, Verdict } from './check';

/** The searches each way of finding "my clients" needs (smart-launch.json `caseload.myClients`). */
const CLIENT_SOURCES: readonly { readonly resourceType: string; readonly why: string }[] = [
  { resourceType: 'Appointment', why: 'clients with an appointment with the clinician' },
  { resourceType: 'Encounter', why: 'clients seen by the clinician' },
  { resourceType: 'CareTeam', why: 'clients whose care team has the clinician' },
  { resourceType: 'QuestionnaireResponse', why: 'clients whose responses the clinician authored' },
];

/** yes/no from the SMART configuration's scopes_supported, unknown where it lists none (it need not). */
function listed(smart: SmartCapabilities | undefined, test: (scope: string) => boolean): Verdict {
  const scopes = smart?.scopesSupported;
  if (!scopes || scopes.length === 0) return 'unknown';
  return scopes.some(test) ? 'yes' : 'no';
}

export function caseloadRows(caps: ServerCapabilities, smart: SmartCapabilities | undefined): CheckRow[] {
  const row = (need: string, verdict: Verdict, detail: string): CheckRow => ({
    area: 'Caseload',
    need,
    verdict,
    detail,
    blocking: false,
  });
  const searches = CLIENT_SOURCES.map((s) => ({ ...s, offered: serverSupports(caps, s.resourceType, 'search') }));
  const userScopes = listed(smart, (s) => s.startsWith('user/'));
  const fhirUser = listed(smart, (s) => s === 'fhirUser');
  const found = searches.filter((s) => s.offered).map((s) => s.resourceType);
  const works = found.length > 0 && userScopes !== 'no' && fhirUser !== 'no';
  const why = !works
    ? found.length === 0
      ? "no search finds the clinician's clients"
      : 'the server grants no user/ scopes or no fhirUser'
    : `finds clients by ${found.join(', ')}${userScopes === 'unknown' || fhirUser === 'unknown' ? ' (user/ scopes and fhirUser not listed: ask the EHR)' : ''}`;
  return [
    row(
      'caseload (launch without a patient)',
      works ? (userScopes === 'unknown' || fhirUser === 'unknown' ? 'unknown' : 'yes') : 'no',
      why,
    ),
    ...searches.map((s) =>
      row(`${s.resourceType} search`, s.offered ? 'yes' : 'no', s.offered ? s.why : 'server does not offer it'),
    ),
    row('user/ scopes', userScopes, 'the caseload reads across patients with user/ scopes'),
    row('fhirUser', fhirUser, 'says which clinician signed in (whose clients to list)'),
  ];
}
