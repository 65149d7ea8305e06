// A generated, deterministic population of QuestionnaireResponses for the scoring bench.
import { appendFileSync, writeFileSync } from 'node:fs';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { buildQuestionnaireResponse } from '../../src/fhir/resources/questionnaire-response';

export interface PopulationRow {
  readonly patient: string;
  readonly administration: Administration;
}

/** A small deterministic generator, so every run scores the same population. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** `responses` responses, `sessions` weekly sessions (an ORS and an SRS each) per patient. */
export function population(responses: number, sessions: number): PopulationRow[] {
  const random = lcg(42);
  const out: PopulationRow[] = [];
  for (let p = 0; out.length < responses; p++) {
    const level = 30 + Math.floor(random() * 40);
    for (let s = 0; s < sessions && out.length < responses; s++) {
      const authored = new Date(Date.UTC(2024, 0, 1 + s * 7, 10)).toISOString().replace('.000Z', '+00:00');
      const mm = () => Math.max(0, Math.min(100, level + (s % 10) * 3 + Math.floor(random() * 20) - 10));
      for (const instrument of ['ors', 'srs'] as const) {
        const answers = Object.fromEntries(
          [1, 2, 3, 4].map((n) => [`${instrument}-${n}`, instrument === 'srs' ? 80 + Math.floor(random() * 21) : mm()]),
        );
        out.push({
          patient: `p${p}`,
          administration: { id: `p${p}-${instrument}-${s}`, instrument, authored, status: 'completed', answers },
        });
      }
    }
  }
  return out;
}

/** Written in chunks, grouped by patient as the seed and per-patient exports are. */
export function writePopulation(path: string, responses: number, sessions: number): void {
  writeFileSync(path, '');
  let batch: string[] = [];
  for (const { patient, administration } of population(responses, sessions)) {
    batch.push(
      JSON.stringify(
        buildQuestionnaireResponse(instruments[administration.instrument], administration, {
          subject: `Patient/${patient}`,
          identifierValue: administration.id,
        }),
      ),
    );
    if (batch.length === 10_000) {
      appendFileSync(path, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length > 0) appendFileSync(path, `${batch.join('\n')}\n`);
}
