import { screen } from '@testing-library/react';

// The clinician view is drawn in two renders: the first screen (status, alerts in short, outcome chart), then
// the details below it (see Dashboard). A test that reads the details waits for their last section.

const ALL_RESPONSES = { en: 'All responses', es: 'Todas las respuestas' } as const;

export async function dashboardDrawn(language: keyof typeof ALL_RESPONSES = 'en', timeout?: number): Promise<void> {
  await screen.findByRole(
    'heading',
    { name: ALL_RESPONSES[language], level: 2 },
    timeout === undefined ? undefined : { timeout },
  );
}
