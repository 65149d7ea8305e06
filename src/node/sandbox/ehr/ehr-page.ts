import type { LaunchContext } from '../auth/context';
import type { ClinicianSummary, PatientSummary } from '../auth/directory';
import { CURSOR_PAGE_SIZE, describeFaults } from '../auth/faults';
import { escapeHtml, htmlPage, options } from '../auth/html';
import { EHR_CSS } from './ehr-style';
import { DENY_SCOPE_CHOICES } from './launch-form';
import { VENDOR_NAMES } from '../engine/vendors/types';

// The EHR launch page: pick a clinician and a patient, optionally faults, launch the app in an iframe
// the way EHRs embed SMART apps, and show integrators exactly what was passed.

/** The sandbox attribute real EHRs put on SMART app frames; the app must work inside it. */
export const EHR_IFRAME_SANDBOX =
  'allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads';

export interface LaunchedView {
  readonly launchUrl: string;
  readonly launchId: string;
  readonly context: LaunchContext;
  readonly patient?: PatientSummary;
  readonly clinician?: ClinicianSummary;
  readonly fhirUser?: string;
}

export interface EhrPageInput {
  readonly patients: readonly PatientSummary[];
  readonly clinicians: readonly ClinicianSummary[];
  readonly fhirBaseUrl: string;
  readonly standaloneUrl: string;
  readonly client: { readonly clientId: string; readonly redirectUris: readonly string[] } | undefined;
  readonly launched?: LaunchedView;
  readonly errors?: readonly string[];
  /** The launch form's anti-CSRF token. */
  readonly formToken: string;
}

export const EHR_SCRIPT_PATH = '/ehr/ehr.js';

const esc = escapeHtml;

function ageAndGender(p: PatientSummary, withBirthDate = true): string {
  const born = withBirthDate && p.birthDate ? `born ${p.birthDate}` : undefined;
  return [p.age === undefined ? undefined : `${p.age} y`, p.gender, born].filter(Boolean).join(' · ');
}

function patientList(patients: readonly PatientSummary[], selected?: string): string {
  if (patients.length === 0) return '<p class="story">No patients on this server. Start the sandbox seeded.</p>';
  return patients
    .map((p, i) => {
      const checked = (selected ? p.id === selected : i === 0) ? ' checked' : '';
      return `<label class="patient"><input type="radio" name="patient" value="${esc(p.id)}"${checked}>
<span class="who">${esc(p.name)}</span><span class="meta">${esc(ageAndGender(p, false))}</span>
<span class="story">${esc(p.story ?? '')}</span></label>`;
    })
    .join('\n');
}

function faultFields(): string {
  const deny = [
    { value: '', label: 'none' },
    ...Object.entries(DENY_SCOPE_CHOICES).map(([value, c]) => ({ value, label: c.label })),
  ];
  return `<details><summary>Faults (exercise the app's error paths)</summary>
<label class="field"><input type="checkbox" name="shortLivedToken"> Short-lived access token (20 s)</label>
<label class="field">Deny scope <select name="denyScope">${options(deny)}</select></label>
<span class="field row">Transactions fail with <select name="transactionErrorStatus">${options([
    { value: '', label: 'no error' },
    { value: '500', label: '500' },
    { value: '503', label: '503' },
  ])}</select> × <input type="number" name="transactionErrorTimes" min="1" max="1000" value="1" aria-label="times"></span>
<label class="field row">Transaction delay (ms) <input type="number" name="transactionDelayMs" min="1" max="120000" placeholder="0"></label>
<label class="field"><input type="checkbox" name="noTransactions"> No transaction support</label>
<label class="field"><input type="checkbox" name="noConditionalCreate"> No conditional create</label>
<label class="field"><input type="checkbox" name="cursorPaging"> Searches paged by cursor, ${CURSOR_PAGE_SIZE} per page</label>
</details>`;
}

function launchForm(input: EhrPageInput): string {
  const clinician = input.launched?.context.clinician;
  return `<form class="panel" method="post" action="/ehr/launch">
<input type="hidden" name="formToken" value="${esc(input.formToken)}">
<h2>Clinician (signed in)</h2>
<select name="clinician" aria-label="Clinician">${options(
    input.clinicians.map((c) => ({ value: c.id, label: c.name })),
    clinician,
  )}</select>
<h2>Patients</h2>
<fieldset class="patient-set"><legend class="story">Pick the chart to open</legend><div class="patients">${patientList(input.patients, input.launched?.context.patient)}</div></fieldset>
<label class="field"><input type="checkbox" name="banner"> The app shows its own patient banner</label>
<label class="field">Server behaves like <select name="vendor">${options(
    VENDOR_NAMES.map((v) => ({ value: v, label: v })),
    input.launched?.context.faults.vendor,
  )}</select></label>
${faultFields()}
<div class="actions"><button type="submit">Launch app</button><button type="submit" name="withoutPatient" value="on">Launch without patient</button><a href="${esc(input.standaloneUrl)}" target="_blank" rel="noopener">Standalone launch</a></div>
</form>`;
}

function integratorPanel(input: EhrPageInput, l: LaunchedView): string {
  const faults = describeFaults(l.context.faults);
  const rows: [string, string][] = [
    ['Launch URL', l.launchUrl],
    ['iss (FHIR base)', input.fhirBaseUrl],
    ['launch', l.launchId],
    ['patient', l.context.patient ?? '—'],
    ['encounter', l.context.encounter ?? '— (none on file)'],
    ['fhirUser', l.fhirUser ?? '—'],
    ['need_patient_banner', String(l.context.needPatientBanner)],
    ['client_id', input.client?.clientId ?? '—'],
    ['redirect_uri', input.client?.redirectUris.join(' ') ?? '—'],
    ['discovery', `${input.fhirBaseUrl}/.well-known/smart-configuration`],
  ];
  const dl = rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('');
  const faultLine = faults.length > 0 ? `<p class="faults-on">Faults: ${esc(faults.join('; '))}</p>` : '';
  return `<section class="panel integrator"><h2>For integrators: what the EHR passed</h2>${faultLine}<dl>${dl}</dl>
<p class="story">The granted scopes are decided during authorization; the EHR does not see them.</p></section>`;
}

function chart(input: EhrPageInput): string {
  const l = input.launched;
  if (!l)
    return `<div class="frame"><div class="empty"><p>Pick a clinician and a patient, then <strong>Launch app</strong>.<br>The app opens here, inside the chart, as in an EHR.</p></div></div>`;
  const p = l.patient;
  const banner = p
    ? `<div class="banner"><span class="name">${esc(p.name)}</span><span class="meta">${esc(ageAndGender(p))}</span><span class="meta">MRN ${esc(p.id)}</span></div>`
    : '';
  return `${banner}<div class="tabs"><span>Summary</span><span>Notes</span><span class="active">Therapy Feedback</span></div>
<div class="frame"><iframe title="Therapy Feedback (SMART app)" src="${esc(l.launchUrl)}" sandbox="${EHR_IFRAME_SANDBOX}" allow="clipboard-write"></iframe></div>
${integratorPanel(input, l)}`;
}

export function ehrPage(input: EhrPageInput): string {
  const user = input.launched?.clinician?.name;
  const errors = input.errors?.length ? `<p class="errors">${input.errors.map(esc).join('<br>')}</p>` : '';
  return htmlPage(
    'Sandbox EHR — Therapy Feedback',
    `<header class="topbar"><h1>Sandbox EHR</h1><span class="sub">local SMART on FHIR test chart</span><span class="user">${user ? `Signed in: ${esc(user)}` : 'Not signed in'}</span></header>
<div class="layout"><aside aria-label="Launch">${errors}${launchForm(input)}</aside><main>${chart(input)}</main></div>
<script src="${EHR_SCRIPT_PATH}" defer></script>`,
    EHR_CSS,
  );
}
