import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Outcome } from '../failure';
import { AdministerSlot } from './administer-slot';
import { reload, type BootedApp } from './boot';
import { usePanelHandle } from './use-panel-handle';

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
  // What this launch took from the tab's copy is asked for again once, after the first screen is drawn.
  const refreshed = useRef(false);
  const fromTabCache = record.fromTabCache;
  useEffect(() => {
    if (refreshed.current || !storage || !(fromTabCache?.statement || fromTabCache?.questionnaires)) return;
    refreshed.current = true;
    // The record loader's chunk (already loaded) holds it: the first screen's code does not grow.
    void import('./server-cache').then(({ refreshServerCache }) =>
      refreshServerCache(transport, storage, fromTabCache),
    );
  }, [transport, storage, fromTabCache]);
  const { attach, continueResponse } = usePanelHandle();
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
      handle={attach}
    />
  );
  return <Dashboard model={app.model} administer={administer} onContinue={continueResponse} />;
}
