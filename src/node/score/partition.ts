import { referenceId } from '../../fhir/parse/references';

// Patients are split across threads by a hash of their id. Every thread reads every line (splitting is
// cheap) but JSON-parses only the lines of its own patients; finding the patient must therefore not parse.
// `cheapPatient` looks for the one `"subject":{"reference":"…"}` of a line and answers only when that is
// unambiguous and the line holds one resource; otherwise (no subject, two of them, an escaped reference, a
// Bundle or contained resources) every thread parses the line and
// keeps it if the parsed patient is its own, so a wrong guess is impossible, only a slower path.

const SUBJECT = '"subject"';
const SUBJECT_REFERENCE = '"subject":{"reference":"';
const RESOURCE_TYPE = '"resourceType"';

/** The patient id of a line's only subject reference, or undefined when that is not certain. */
export function cheapPatient(line: string): string | undefined {
  const at = line.indexOf(SUBJECT);
  if (at < 0 || !line.startsWith(SUBJECT_REFERENCE, at) || line.includes(SUBJECT, at + SUBJECT.length)) return undefined;
  if (line.includes(RESOURCE_TYPE, line.indexOf(RESOURCE_TYPE) + 1)) return undefined;
  const from = at + SUBJECT_REFERENCE.length;
  const end = line.indexOf('"', from);
  if (end < 0) return undefined;
  const reference = line.slice(from, end);
  return reference.includes('\\') ? undefined : referenceId(reference, 'Patient');
}

/** FNV-1a: stable across runs and threads. */
export function partitionOf(patientId: string, partitions: number): number {
  if (partitions === 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < patientId.length; i++) hash = Math.imul(hash ^ patientId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % partitions;
}
