// The vendor write profiles by name, and the engine settings as a profile narrows them.
import type { EngineSettings } from '../types';
import { epicLikeProfile } from './epic-like';
import { openProfile } from './open';
import { oracleLikeProfile } from './oracle-like';
import type { VendorName, VendorProfile } from './types';

export { VENDOR_NAMES, type RestInteraction, type VendorName, type VendorProfile } from './types';
export { refusalByProfile } from './enforce';

export const VENDOR_PROFILES: Readonly<Record<VendorName, VendorProfile>> = {
  open: openProfile,
  'epic-like': epicLikeProfile,
  'oracle-like': oracleLikeProfile,
};

/** What the server does now: a fault can take a feature away, the profile can too; neither adds one. */
export function effectiveSettings(settings: EngineSettings): {
  transactions: boolean;
  batch: boolean;
  conditionalCreate: boolean;
} {
  const profile = VENDOR_PROFILES[settings.vendor];
  return {
    transactions: settings.transactions && profile.transactions,
    batch: settings.batch && profile.batch,
    conditionalCreate: settings.conditionalCreate && profile.conditionalCreate,
  };
}
