import { useCallback, useMemo, useRef } from 'react';
import type { AdministerHandle } from '../administer/administer-panel';
import type { Outcome } from '../failure';
import { AdministerSlot } from './administer-slot';
import { reload, type BootedApp } from './boot';

/** One client's clinician view; after a save it reloads and hands the new record (or the failure) up. */
export function ReadyView({
  app,
  onReloaded,
}: {
  readonly app: BootedApp;
  readonly onReloaded: (result: Outcome<BootedApp>) => void;
}) {
  const refresh = useCallback(async () => {
    onReloaded(await reload(app));
  }, [app, onReloaded]);
  const { transport, launch, record, config, storage } = app.shell;
  const device = useMemo(
    () => ({ name: config.app.name, version: config.app.version }),
    [config.app.name, config.app.version],
  );
  // The session table's "Continue" opens the administer panel (its own chunk) on that response.
  const panel = useRef<AdministerHandle>(null);
  const continueResponse = useCallback((responseId: string) => panel.current?.continueResponse(responseId), []);
  const { Dashboard } = app.view;
  const administer = (
    <AdministerSlot
      transport={transport}
      launch={launch}
      record={record}
      app={device}
      writeBack={config.writeBack}
      storage={storage}
      onSaved={() => void refresh()}
      handle={panel}
    />
  );
  return <Dashboard model={app.model} administer={administer} onContinue={continueResponse} />;
}
