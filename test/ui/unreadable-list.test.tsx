import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { History, UnreadableKind, UnreadableResource } from '../../src/fhir/load';
import { unreadableViews } from '../../src/ui/app/unreadable-views';
import { UnreadableList } from '../../src/ui/dashboard/UnreadableList';
import { createI18n } from '../../src/ui/i18n/with-dashboard';
import type { Language } from '../../src/core/instruments/types';

// "Could not read" in the clinician's words: every reason kind on every kind of record, in both languages,
// with no FHIR type, id, field path or status code on screen; those stay in the collapsed support details.

/** Every reason kind: a Record so that a new kind without a test fails to compile. */
const reasonKinds: Record<UnreadableKind, string> = {
  damaged: 'item[0].answer[0]: expected a number',
  'unknown-form': 'not one of our instruments (questionnaire: http://example.org/Questionnaire/phq9)',
  'unknown-scale': 'unknown scale: a ORS not made with our Questionnaire and no instrumentMappings entry',
  'no-client': 'subject: missing a Patient reference',
  'other-client': 'subject: another patient, not the one the app was opened for',
  'no-date': 'authored: missing',
  'future-date': 'authored: in the future (beyond a few minutes of clock difference): not counted',
  'no-id': 'has neither an id nor an identifier',
  answers: 'item[1]: ors-2 is answered twice; linkId ors-2',
  duplicate: 'a second copy of the response stored as QuestionnaireResponse/qr-0 (same identifier): counted once',
  'empty-note': 'the note carries no readable QuestionnaireResponse or Observation attachment',
  'unknown-alert': 'code: not one of our rule codes; status "in-progress"',
};
const resourceTypes = [
  'QuestionnaireResponse',
  'Observation',
  'Flag',
  'DocumentReference',
  'Patient',
  'Questionnaire',
  'Encounter',
];

const unreadable: UnreadableResource[] = resourceTypes.flatMap((resourceType, r) =>
  Object.entries(reasonKinds).map(([kind, reason], k) => ({
    resourceType,
    id: `rec-${r}-${k}`,
    kind: kind as UnreadableKind,
    reason,
    ...(k % 2 === 0 ? { date: '2025-03-10T10:00:00+01:00', instrument: 'ors' as const } : {}),
  })),
);

const history = { unreadable } as unknown as History;

/** FHIR and code words, ids and field paths: none may be on screen outside the support details. */
const technical =
  /QuestionnaireResponse|Observation|Flag|DocumentReference|Questionnaire|Patient|Encounter|linkId|in-progress|entered-in-error|completed|status|subject|authored|item\[|rec-\d|resource|unreadable\./i;

async function show(language: Language) {
  const i18n = await createI18n(language);
  const { container } = render(
    <I18nextProvider i18n={i18n}>
      <UnreadableList items={unreadableViews(history)} />
    </I18nextProvider>,
  );
  const section = container.querySelector('section')!;
  const details = section.querySelector('details')!;
  const visible = section.cloneNode(true) as HTMLElement;
  visible.querySelector('details ol')!.remove();
  const rows = [...section.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent),
  );
  return { visible: visible.textContent ?? '', details, rows };
}

describe.each([
  {
    language: 'en' as const,
    answers: 'A client’s answers (ORS)',
    otherClient: 'It is about another client, not this one.',
    notInChart: 'This session is not in the charts, the scores or the alerts shown here.',
    duplicate: 'Nothing is missing: these answers are counted once.',
    support: 'Details for support staff',
    unknownDate: 'unknown',
  },
  {
    language: 'es' as const,
    answers: 'Respuestas del cliente (ORS)',
    otherClient: 'Se refiere a otro cliente, no a este.',
    notInChart: 'Esta sesión no aparece en los gráficos, las puntuaciones ni las alertas que se muestran aquí.',
    duplicate: 'No falta nada: estas respuestas se cuentan una sola vez.',
    support: 'Detalles para el personal de soporte',
    unknownDate: 'desconocida',
  },
])('the "could not read" list in $language', (words) => {
  it('shows no FHIR type, id, field path or status code outside the support details', async () => {
    const { visible, rows } = await show(words.language);
    expect(rows).toHaveLength(resourceTypes.length * Object.keys(reasonKinds).length);
    expect(visible).not.toMatch(technical);
    expect(visible).toContain(words.support);
  });

  it('names the record, dates it, and says why and what it means, per reason kind', async () => {
    const { rows } = await show(words.language);
    const date = new Intl.DateTimeFormat(words.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(2025, 2, 10),
    );
    const kinds = Object.keys(reasonKinds);
    // The response's "other client" row (kind 4, even: dated and with its instrument).
    expect(rows[kinds.indexOf('other-client')]).toEqual([date, words.answers, words.otherClient, words.notInChart]);
    expect(rows[kinds.indexOf('duplicate')]?.[3]).toBe(words.duplicate);
    expect(rows[kinds.indexOf('no-client')]?.[0]).toBe(words.unknownDate);
    // A sentence per reason kind, and one per kind of record: none repeats another, none is a missing key.
    expect(new Set(rows.slice(0, kinds.length).map((row) => row[2])).size).toBe(kinds.length);
    const meanings = new Set(rows.filter((_, i) => i % kinds.length === 0).map((row) => row[3]));
    expect(meanings.size).toBe(resourceTypes.length);
  });

  it('keeps the FHIR reference and the technical reason in collapsed details for support staff', async () => {
    const { details } = await show(words.language);
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('QuestionnaireResponse/rec-0-0: item[0].answer[0]: expected a number');
    expect(details.textContent).toContain('Flag/rec-2-11: code: not one of our rule codes');
  });
});
