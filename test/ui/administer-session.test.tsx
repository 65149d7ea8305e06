import { describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DueInstruments } from '../../src/core/due';
import type { EntryReport, SaveReport } from '../../src/fhir/write';
import { SaveReportView } from '../../src/ui/administer/save-report-view';
import { SessionPanel } from '../../src/ui/administer/session-panel';
import { withI18n } from './administer-i18n.test-support';

const adultDue: DueInstruments = {
  ageBand: 'adult',
  ageBandAssumed: false,
  sessionNumber: 4,
  visitNumber: 4,
  sessionStart: { offer: false, reason: 'done-today', instrument: 'ors' },
  sessionEnd: { offer: true, instrument: 'srs' },
  inventory: { offer: false, reason: 'not-due-yet', instrument: 'wai-sr', dueAtSession: 7 },
};

const entry = (kind: EntryReport['kind'], outcome: EntryReport['outcome'], n = 1): EntryReport => ({
  fullUrl: `urn:uuid:${kind}-${n}`,
  kind,
  label: kind,
  outcome,
});
const saved = (type: string) => ({ status: 'saved', reference: `${type}/1` }) as const;

describe('SessionPanel', () => {
  it('proposes the measures of the moment with their status and starts them in client or paper mode', async () => {
    const user = userEvent.setup();
    const onStart = vi.fn();
    render(await withI18n(<SessionPanel due={adultDue} onStart={onStart} />));
    expect(screen.getByText('Session 4 of this episode')).toBeTruthy();
    const [start, end, inventory] = screen.getAllByRole('listitem');
    expect(within(start!).getByText('Already given today')).toBeTruthy();
    expect(within(end!).getByText('Due now')).toBeTruthy();
    expect(within(end!).getByText('Session Rating Scale')).toBeTruthy();
    expect(within(inventory!).getByText('Next due at session 7')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hand SRS to the client' }));
    expect(onStart).toHaveBeenLastCalledWith('srs', 'client');
    await user.click(screen.getByRole('button', { name: 'Enter SRS from paper' }));
    expect(onStart).toHaveBeenLastCalledWith('srs', 'paper');
  });

  it('asks before a measure already given today is given again, keeping today’s answers by default', async () => {
    const user = userEvent.setup();
    const onStart = vi.fn();
    render(await withI18n(<SessionPanel due={adultDue} onStart={onStart} />));
    await user.click(screen.getByRole('button', { name: 'Enter ORS from paper' }));
    expect(onStart).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toMatch(/^The ORS was already given today\. Giving it again replaces today’s answers/);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep today’s answers' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onStart).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Hand ORS to the client' }));
    await user.click(screen.getByRole('button', { name: 'Give the ORS again' }));
    expect(onStart).toHaveBeenLastCalledWith('ors', 'client');
  });

  it('offers the child versions to a child and nothing to an under-6, with the reason', async () => {
    const childDue: DueInstruments = {
      ...adultDue,
      ageBand: 'child',
      sessionStart: { offer: true, instrument: 'cors' },
      sessionEnd: { offer: true, instrument: 'csrs' },
      inventory: { offer: false, reason: 'not-for-age-band' },
    };
    const { unmount } = render(await withI18n(<SessionPanel due={childDue} onStart={vi.fn()} />));
    expect(screen.getByRole('button', { name: 'Hand CORS to the client' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    unmount();
    const none = { offer: false, reason: 'under-6-not-scored' } as const;
    render(
      await withI18n(
        <SessionPanel
          due={{ ...adultDue, ageBand: 'young-child', sessionStart: none, sessionEnd: none, inventory: none }}
          onStart={vi.fn()}
        />,
      ),
    );
    expect(screen.getByText(/No measure is offered: the client is under 6/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when the adult forms are offered because the birth date is unknown', async () => {
    render(await withI18n(<SessionPanel due={{ ...adultDue, ageBandAssumed: true }} onStart={vi.fn()} />));
    expect(screen.getByText(/birth date is not known/)).toBeTruthy();
  });
});

describe('SaveReportView', () => {
  async function show(report: SaveReport | undefined, language: 'en' | 'es' = 'en', onRetry = vi.fn()) {
    render(await withI18n(<SaveReportView title="SRS" report={report} busy={false} onRetry={onRetry} />, language));
    return onRetry;
  }

  it('says plainly that everything was saved, one line per kind of resource', async () => {
    await show({
      status: 'saved',
      roundTrips: 1,
      entries: [
        entry('response', saved('QuestionnaireResponse')),
        entry('observation', saved('Observation'), 1),
        entry('observation', saved('Observation'), 2),
        entry('provenance', saved('Provenance')),
      ],
    });
    expect(screen.getByText('The SRS is saved in the health record.')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Answers saved.',
      'Scores saved.',
      'Record of who saved it saved.',
    ]);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('explains a refused Flag write and keeps the alerts in the app', async () => {
    await show({
      status: 'partly-saved',
      roundTrips: 1,
      entries: [
        entry('response', saved('QuestionnaireResponse')),
        entry('flag-create', { status: 'refused', reason: 'not saved: no permission to write Flag' }),
      ],
    });
    expect(screen.getByText('The SRS is saved, except what this health record does not accept:')).toBeTruthy();
    expect(
      screen.getByText(
        'Alerts could not be recorded in the chart: this health record does not allow it. They are shown here.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/no permission to write Flag/)).toBeTruthy();
  });

  it('offers a retry for pending work', async () => {
    const user = userEvent.setup();
    const onRetry = await show({
      status: 'pending',
      roundTrips: 4,
      entries: [entry('response', { status: 'pending', reason: 'HTTP 503' })],
    });
    expect(screen.getByText(/could not be sent yet. It is kept in this browser tab/)).toBeTruthy();
    expect(screen.getByText('Answers not sent yet; they are kept and will be sent again.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('never says "part" could not be sent when nothing was sent', async () => {
    await show({
      status: 'pending',
      roundTrips: 4,
      entries: [
        entry('response', { status: 'pending', reason: 'HTTP 503' }),
        entry('observation', { status: 'pending', reason: 'HTTP 503' }),
      ],
    });
    expect(
      screen.getByText('The SRS could not be sent yet. It is kept in this browser tab and will be sent again.'),
    ).toBeTruthy();
    expect(screen.queryByText(/Part of the SRS/)).toBeNull();
  });

  it('counts ended alerts in words that read naturally for one or two', async () => {
    const ended = (n: number) => Array.from({ length: n }, (_, i) => entry('flag-end', saved('Flag'), i + 1));
    await show({
      status: 'saved',
      roundTrips: 1,
      entries: [entry('response', saved('QuestionnaireResponse')), ...ended(1)],
    });
    expect(screen.getByText('An alert that no longer applies was ended in the chart.')).toBeTruthy();
    cleanup();
    await show(
      { status: 'saved', roundTrips: 1, entries: [entry('response', saved('QuestionnaireResponse')), ...ended(2)] },
      'es',
    );
    expect(screen.getByText('Se cerraron en la historia 2 alertas que ya no aplican.')).toBeTruthy();
  });

  it('does not report a Questionnaire the app may not publish as an error', async () => {
    await show({
      status: 'partly-saved',
      roundTrips: 1,
      entries: [
        entry('questionnaire', { status: 'refused', reason: 'not saved: no permission to write Questionnaire' }),
        entry('response', saved('QuestionnaireResponse')),
      ],
    });
    expect(screen.getByText('The SRS is saved in the health record.')).toBeTruthy();
    const line = screen.getByText(/The form definition is not published in this health record/).closest('li')!;
    expect(line.className).toBe('tf-save__entry tf-save__entry--info');
    expect(screen.queryByText(/no permission to write Questionnaire/)).toBeNull();
  });

  it('asks for a re-launch when the session expired, promising the answers are kept', async () => {
    await show({
      status: 'session-expired',
      roundTrips: 1,
      entries: [entry('response', { status: 'pending', reason: 'session expired' })],
    });
    expect(screen.getByText(/Re-launch the app from the chart; the answers are kept/)).toBeTruthy();
  });

  it('shows the saving state and Spanish wording', async () => {
    await show(undefined, 'es');
    expect(screen.getByRole('status').textContent).toBe('Guardando SRS…');
  });
});
