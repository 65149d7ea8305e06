// The clinical note's text: what a clinician reads in the EHR's note viewer, in the clinician's language.
import { describe, expect, it } from 'vitest';
import { scoreAdministration } from '../../src/core/scoring';
import type { Administration } from '../../src/core/model';
import { buildClinicalNote, noteText } from '../../src/fhir/resources/clinical-note';
import { base64ToUtf8 } from '../../src/fhir/encoding/base64';
import { noteWords } from '../../src/ui/administer/note-words';
import { instruments } from '../../src/core/instruments';

const ors: Administration = {
  id: 'a1',
  instrument: 'ors',
  authored: '2025-03-04T10:00:00+01:00',
  status: 'completed',
  answers: { individually: 40, interpersonally: 50, socially: 45, overall: 40 },
};

function scored(a: Administration) {
  const result = scoreAdministration(a);
  if (!result.ok) throw new Error('fixture does not score');
  return result.value;
}

describe('clinical note', () => {
  it('says instrument, date, total, change since intake, status and each alert with its next step (English)', () => {
    const linkIds = instruments.ors.items.map((i) => i.linkId);
    const a = { ...ors, answers: Object.fromEntries(linkIds.map((id, i) => [id, [40, 50, 45, 40][i]!])) };
    const text = noteText(
      a,
      {
        score: scored(a),
        outcome: { status: 'not-on-track', change: { sinceIntake: -1.5 }, intake: { total: 19.5 } },
        alliance: { status: 'concern' },
        decisions: [{ rule: 'alliance-concern' }],
      },
      noteWords('en'),
    );
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        'Outcome Rating Scale (ORS)',
        'Date: 2025-03-04 10:00',
        'Total: 17.5 / 40',
        'Change since intake (intake score): -1.5 (19.5)',
        'Outcome: Not on track',
        'Alliance: Concern',
        'Alerts:',
      ]),
    );
    expect(text).toContain(
      '- Session rated below the alliance cutoff. Suggested next step: Invite the client to say what could make the sessions more useful, and thank them for saying so.',
    );
  });

  it('writes WAI-SR subscale means, in Spanish, and says when there is nothing to alert', () => {
    const wai: Administration = {
      id: 'w1',
      instrument: 'wai-sr',
      authored: '2025-03-04T10:00:00Z',
      status: 'completed',
      answers: Object.fromEntries(instruments['wai-sr'].items.map((i) => [i.linkId, 4])),
    };
    const text = noteText(wai, { score: scored(wai), outcome: {}, alliance: {}, decisions: [] }, noteWords('es'));
    expect(text).toContain('Total: 48 / 60');
    expect(text).toContain('Medias de las subescalas: Tarea 4.00, Vínculo 4.00, Meta 4.00');
    expect(text).toContain('Alertas: ');
  });

  it('is a US Core clinical note carrying the response, with the encounter when known', () => {
    const response: fhir4.QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      identifier: { system: 'urn:x', value: 'a1' },
    };
    const note = buildClinicalNote(ors, { outcome: {}, alliance: {}, decisions: [] }, response, {
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      clinician: 'Practitioner/c1',
      recorded: '2025-03-04T09:30:00Z',
      key: 'a1',
      words: noteWords('en'),
    });
    expect(note).toMatchObject({
      status: 'current',
      category: [{ coding: [{ code: 'clinical-note' }] }],
      context: { encounter: [{ reference: 'Encounter/e1' }] },
      author: [{ reference: 'Practitioner/c1' }],
      date: '2025-03-04T09:30:00Z',
    });
    expect(note.content.map((c) => c.attachment.contentType)).toEqual([
      'text/plain; charset=utf-8',
      'application/fhir+json',
    ]);
    expect(JSON.parse(base64ToUtf8(note.content[1]!.attachment.data!)!)).toEqual(response);
    expect(base64ToUtf8(note.content[0]!.attachment.data!)).toContain('Not scored');
  });
});
