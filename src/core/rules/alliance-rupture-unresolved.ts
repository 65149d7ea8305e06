import type { Rupture } from '../alliance/ruptures';
import type { Rule } from './types';

// An unresolved rupture: the repair window passed without a return to the client's own level, and no later
// rating has come back to it either. The suggested next step is metacommunication (talking with the client
// about what happened between you), which the UI, the Flag and the CDS card word.

const unresolved = (r: Rupture): boolean => r.repaired === false && r.laterReturnId === undefined;

export const allianceRuptureUnresolved: Rule = {
  code: 'alliance-rupture-unresolved',
  version: '1.0.0',
  severity: 'high',
  flag: true,
  basis: 'DES',
  evaluate({ ruptures, config }) {
    const open = ruptures.filter(unresolved);
    const latest = open.at(-1);
    if (!latest) return undefined;
    return {
      thresholds: { repairWindow: config.ruptureRepairWindow, ruptureDrop: config.srsRuptureDrop },
      evidence: latest.evidence,
      facts: {
        measure: latest.measure,
        trigger: latest.trigger,
        level: latest.level,
        value: latest.value,
        startSession: latest.startSession,
        unresolved: open.length,
        ...(latest.notes.length > 0 ? { recorded: latest.notes.map((n) => n.kind).join(',') } : {}),
      },
    };
  },
};
