import { assessClient } from '../../core/assess';
import { summarizeAssessment } from '../../core/assessment/summary';
import type { Administration } from '../../core/model';
import type { ScoreSettings } from './settings';

// What one patient's output line says. Kept apart from reading and threading so that a change to the
// per-patient digest touches only this file.

export interface PatientRecord {
  readonly administrations: Administration[];
  birthDate?: string;
}

/** One NDJSON line (with its newline) for a patient. */
export function patientLine(patientId: string, record: PatientRecord, settings: ScoreSettings): string {
  const { birthDate } = record;
  const assessment = assessClient({
    administrations: record.administrations,
    ...(birthDate ? { birthDate } : {}),
    ...(settings.scoring ? { config: settings.scoring } : {}),
  });
  return `${JSON.stringify({ patient: `Patient/${patientId}`, ...(birthDate ? { birthDate } : {}), ...summarizeAssessment(assessment) })}\n`;
}

/** The patient id of an output line, read back without parsing it (the line starts with its patient). */
export function outputLinePatient(line: string): string | undefined {
  const prefix = '{"patient":"Patient/';
  return line.startsWith(prefix) ? line.slice(prefix.length, line.indexOf('"', prefix.length)) : undefined;
}
