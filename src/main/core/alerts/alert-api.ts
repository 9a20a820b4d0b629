import type { AlertStatus } from '../../../shared/alerts/alert.js';
import type { DeskApi } from '../../../shared/desk-api/contract.js';
import { DeskError } from '../../../shared/desk-api/errors.js';
import type { Alerter } from './alerter.js';

type AlertMethod = 'alerts.status' | 'alerts.configure' | 'alerts.dismissDigest';

/** The console's window on the alerter: it asks, configures and dismisses; the alerter decides. */
/** `alerter` is read when called: the core builds its api before its alerter. */
export function alertApi(alerter: () => Alerter): Pick<DeskApi, AlertMethod> {
  const signedIn = (status: AlertStatus | null): AlertStatus => {
    if (!status) throw new DeskError('unauthorized', 'Sign in first');
    return status;
  };
  return {
    'alerts.status': async () => signedIn(alerter().refresh()),
    'alerts.configure': async (change) => signedIn(alerter().configure(change)),
    'alerts.dismissDigest': async ({ ids }) => signedIn(alerter().dismissDigest(ids)),
  };
}
