import { useCallback, useRef } from 'react';
import type { AdministerHandle } from '../administer/administer-panel';

/**
 * The session table's "Continue" opens the administer panel on that response. The panel is a chunk of its
 * own: a click before it has loaded is kept and carried out when the panel attaches its handle (a callback
 * ref), so the clinician's click is never lost.
 */
export function usePanelHandle(): {
  readonly attach: (handle: AdministerHandle | null) => void;
  readonly continueResponse: (responseId: string) => void;
} {
  const panel = useRef<AdministerHandle | null>(null);
  const waiting = useRef<string | undefined>(undefined);
  const attach = useCallback((handle: AdministerHandle | null) => {
    panel.current = handle;
    const responseId = waiting.current;
    if (handle && responseId !== undefined) {
      waiting.current = undefined;
      handle.continueResponse(responseId);
    }
  }, []);
  const continueResponse = useCallback((responseId: string) => {
    if (panel.current) panel.current.continueResponse(responseId);
    else waiting.current = responseId;
  }, []);
  return { attach, continueResponse };
}
