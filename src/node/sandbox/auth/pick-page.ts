import type { ClinicianSummary, PatientSummary } from './directory';
import { escapeHtml, htmlPage, options } from './html';

// The standalone launch's picker: the signed-in clinician and, when the app asked for one, the patient.

export function patientLabel(p: PatientSummary): string {
  const age = p.age === undefined ? '' : `, ${p.age} y`;
  return `${p.name}${age}${p.story ? ` — ${p.story}` : ''}`;
}

export function pickPage(input: {
  action: string;
  pendingId: string;
  needsPatient: boolean;
  patients: readonly PatientSummary[];
  clinicians: readonly ClinicianSummary[];
}): string {
  const patientField = input.needsPatient
    ? `<label for="patient">Patient</label>
<select id="patient" name="patient" required>${options(input.patients.map((p) => ({ value: p.id, label: patientLabel(p) })))}</select>`
    : '';
  return htmlPage(
    'Sandbox sign-in',
    `<main>
<h1>Sandbox sign-in</h1>
<p class="muted">Standalone launch: choose who is signed in${input.needsPatient ? ' and which patient the app opens' : ''}.</p>
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="pending" value="${escapeHtml(input.pendingId)}">
<label for="clinician">Clinician</label>
<select id="clinician" name="clinician">${options(input.clinicians.map((c) => ({ value: c.id, label: c.name })))}</select>
${patientField}
<button type="submit">Allow and continue</button>
</form>
</main>`,
  );
}
