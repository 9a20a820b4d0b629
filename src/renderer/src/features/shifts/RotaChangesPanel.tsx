import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeskServices } from '../../services.js';
import { SectionHeading } from '../channels/SectionHeading.js';
import { SettingsTableHead } from '../channels/SettingsTableHead.js';
import { OverrideForm } from './OverrideForm.js';
import { RemoveButton } from './RemoveButton.js';
import { namesOf, useAgentTimeZone, useRotaTimeFormat } from './rota-format.js';
import { SwapForm } from './SwapForm.js';
import type { RotaView } from './use-rota.js';

/**
 * Overrides and swaps still in force, with the forms to add one. A swap is listed as itself, though
 * the schedule reads it as two overrides.
 */
export function RotaChangesPanel({ view }: { view: RotaView }) {
  const { client } = useDeskServices();
  const { t } = useTranslation('shifts');
  const format = useRotaTimeFormat();
  const timeZone = useAgentTimeZone();
  const [adding, setAdding] = useState<'override' | 'swap' | null>(null);
  const nameOf = namesOf(view.agents);
  const rotationName = (id: string) => [...view.rota.rotations, ...view.rota.onCallRotations].find((r) => r.id === id)?.name ?? id;
  const ids = { overrides: useId(), swaps: useId() };
  const overridesHeading = useRef<HTMLHeadingElement>(null);
  const swapsHeading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // Where the keyboard goes once the lists are back on screen: the heading of the list just changed.
  const [focusTo, setFocusTo] = useState<'overrides' | 'swaps' | null>(null);
  useEffect(() => {
    if (adding !== null || focusTo === null) return;
    (focusTo === 'overrides' ? overridesHeading : swapsHeading).current?.focus();
  }, [adding, focusTo]);
  const back = (to: 'overrides' | 'swaps') => {
    setAdding(null);
    setFocusTo(to);
  };

  if (adding === 'override') return <OverrideForm view={view} onDone={() => back('overrides')} />;
  if (adding === 'swap') return <SwapForm view={view} onDone={() => back('swaps')} />;
  const { overrides, swaps } = view.rota;

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <section className="channels__section" aria-labelledby={ids.overrides}>
        <div className="channels__toolbar">
          <SectionHeading id={ids.overrides} ref={overridesHeading} title={t('changes.overrides')} count={t('changes.overridesCount', { count: overrides.length })} />
          <button type="button" className="button button--small" onClick={() => setAdding('override')}>
            {t('overrideForm.heading')}
          </button>
        </div>
        <p className="channels__hint">{t('timesIn', { zone: timeZone })}</p>
        {overrides.length === 0 ? (
          <p className="muted">{t('changes.noOverrides')}</p>
        ) : (
          <table className="channels__table">
            <SettingsTableHead columns={[t('changes.columns.rotation'), t('changes.columns.who'), t('changes.columns.when'), t('changes.columns.reason')]} />
            <tbody>
              {overrides.map((override) => (
                <tr key={override.id} data-testid="override-row">
                  <td>
                    {rotationName(override.rotationId)}
                    {override.shiftId && <div className="muted">{view.rota.rotations.find((r) => r.id === override.rotationId)?.shifts.find((s) => s.id === override.shiftId)?.name}</div>}
                  </td>
                  <td>{t('changes.standsIn', { replacement: nameOf(override.replacementUserId), replaced: nameOf(override.replacedUserId) })}</td>
                  <td className="channels__nowrap">{t('changes.window', { start: format(override.start), end: format(override.end) })}</td>
                  <td className="channels__reason">{override.reason}</td>
                  <td className="channels__row-actions">
                    <RemoveButton
                      label={t('changes.withdraw')}
                      description={t('changes.withdrawLabel', { name: nameOf(override.replacedUserId) })}
                      question={t('changes.withdrawQuestion')}
                      confirmLabel={t('changes.withdraw')}
                      remove={() => client.call('admin.rota.removeOverride', { id: override.id })}
                      onRemoved={() => {
                        setAnnouncement(t('actions.removed'));
                        overridesHeading.current?.focus();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="channels__section" aria-labelledby={ids.swaps}>
        <div className="channels__toolbar">
          <SectionHeading id={ids.swaps} ref={swapsHeading} title={t('changes.swaps')} count={t('changes.swapsCount', { count: swaps.length })} />
          <button type="button" className="button button--small" onClick={() => setAdding('swap')}>
            {t('swapForm.heading')}
          </button>
        </div>
        {swaps.length === 0 ? (
          <p className="muted">{t('changes.noSwaps')}</p>
        ) : (
          <table className="channels__table">
            <SettingsTableHead columns={[t('changes.columns.rotation'), t('changes.columns.first'), t('changes.columns.second'), t('changes.columns.reason')]} />
            <tbody>
              {swaps.map((swap) => (
                <tr key={swap.id} data-testid="swap-row">
                  <td>{rotationName(swap.rotationId)}</td>
                  {[swap.first, swap.second].map((leg) => (
                    <td key={leg.userId}>{t('changes.leg', { name: nameOf(leg.userId), start: format(leg.start), end: format(leg.end) })}</td>
                  ))}
                  <td className="channels__reason">{swap.reason}</td>
                  <td className="channels__row-actions">
                    <RemoveButton
                      label={t('changes.callOff')}
                      description={t('changes.callOffLabel', { first: nameOf(swap.first.userId), second: nameOf(swap.second.userId) })}
                      question={t('changes.callOffQuestion')}
                      confirmLabel={t('changes.callOff')}
                      remove={() => client.call('admin.rota.removeSwap', { id: swap.id })}
                      onRemoved={() => {
                        setAnnouncement(t('actions.removed'));
                        swapsHeading.current?.focus();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
