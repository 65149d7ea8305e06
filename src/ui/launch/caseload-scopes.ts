import type { CaseloadConfig } from '../../fhir/caseload-config';
import type { ScopeVersion } from './smart-configuration';

// The caseload has its own launch entry (`launch.html?view=caseload`, registered with the EHR as a separate
// activity), because which scopes to ask for is decided before the EHR says whether a patient is open: the
// chart launch asks for patient/ scopes only, the caseload launch for user/ scopes only.

export const CASELOAD_VIEW = 'caseload';

export function isCaseloadLaunch(params: URLSearchParams): boolean {
  return params.get('view') === CASELOAD_VIEW;
}

/** The caseload's scopes; a standalone launch has no EHR context to bind (`launch`) and picks no patient. */
export function caseloadScopesFor(caseload: CaseloadConfig, version: ScopeVersion, standalone: boolean): string {
  const scopes = (version === 'v2' ? caseload.scopes : caseload.scopesV1).split(' ');
  return (standalone ? scopes.filter((s) => s !== 'launch') : scopes).join(' ');
}
