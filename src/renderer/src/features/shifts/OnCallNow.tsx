import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaStint, TierDuty } from '../../../../shared/domain/shifts.js';
import { SettingsTableHead } from '../channels/SettingsTableHead.js';
import { useAgentTimeZone, useRotaTimeFormat } from './rota-format.js';
import type { RotaView } from './use-rota.js';

/** Who is on shift and on call now, per tier, and the agent's own shifts: all in the agent's time zone. */
export function OnCallNow({ view }: { view: RotaView }) {
  const { t } = useTranslation('shifts');
  const timeZone = useAgentTimeZone();
  const headingId = useId();

  return (
    <>
      <MyShifts view={view} />
      <section className="channels__section" aria-labelledby={headingId} data-testid="on-call-now">
        <h3 id={headingId} className="channels__heading">
          {t('now.heading')}
        </h3>
        <p className="channels__hint">{t('timesIn', { zone: timeZone })}</p>
        <table className="channels__table on-call-table">
          <SettingsTableHead columns={[t('rotationForm.tier'), t('now.onShift'), t('now.onCall'), t('now.nextHandover')]} withActions={false} />
          <tbody>
            {view.board.tiers.map((tier) => (
              <TierRow key={tier.tier} tier={tier} view={view} />
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function TierRow({ tier, view }: { tier: TierDuty; view: RotaView }) {
  const { t } = useTranslation('shifts');
  const format = useRotaTimeFormat();
  const hasShifts = view.rota.rotations.some((r) => r.tier === tier.tier);
  const hasOnCall = view.rota.onCallRotations.some((r) => r.tier === tier.tier);

  return (
    <tr data-testid={`tier-${tier.tier}`}>
      <th scope="row" className="channels__strong channels__nowrap">
        {t('tier', { tier: tier.tier })}
      </th>
      <td>
        {tier.onShift.length > 0 ? (
          <People stints={tier.onShift} at={view.board.at} />
        ) : !hasShifts ? (
          <span className="muted">{t('now.noShiftRotation')}</span>
        ) : (
          <>
            <span className="on-call-table__nobody">{t('now.nobodyOnShift')}</span>
            {tier.nextShiftStart && <div className="muted">{t('now.nextShift', { time: format(tier.nextShiftStart) })}</div>}
          </>
        )}
      </td>
      <td>{tier.onCall.length > 0 ? <People stints={tier.onCall} at={view.board.at} /> : <span className="muted">{hasOnCall ? t('now.nobodyOnCall') : t('now.noOnCallRotation')}</span>}</td>
      <td className="channels__nowrap">{tier.nextHandover ? format(tier.nextHandover) : <span className="muted">{hasShifts || hasOnCall ? t('now.noHandover') : '—'}</span>}</td>
    </tr>
  );
}

/** The rota is looked at four weeks ahead: a pager that stays with one person that long has no end in sight. */
const LONG_TERM_MS = 28 * 86_400_000;

function People({ stints, at }: { stints: readonly RotaStint[]; at: string }) {
  const { t } = useTranslation('shifts');
  const format = useRotaTimeFormat();
  const until = (end: string) => (Date.parse(end) - Date.parse(at) >= LONG_TERM_MS ? t('now.longTerm') : t('now.until', { time: format(end) }));
  return (
    <ul className="on-call-table__people">
      {stints.map((stint) => (
        <li key={`${stint.rotationId}:${stint.userId}`}>
          <span className="channels__strong">{stint.name}</span> <span className="muted">{until(stint.end)}</span>
        </li>
      ))}
    </ul>
  );
}

function MyShifts({ view }: { view: RotaView }) {
  const { t } = useTranslation('shifts');
  const format = useRotaTimeFormat();
  const headingId = useId();
  const { rostered, current, next, onCall, nextOnCall } = view.mine;

  return (
    <section className="channels__section" aria-labelledby={headingId} data-testid="my-shifts">
      <h3 id={headingId} className="channels__heading">
        {t('mine.heading')}
      </h3>
      {!rostered ? (
        <p>{t('mine.unrostered')}</p>
      ) : (
        <>
          <p>{current ? t('mine.current', { shift: current.shiftName, rotation: current.rotationName, time: format(current.end) }) : t('mine.offShift')}</p>
          <p className="muted">{next ? t('mine.next', { shift: next.shiftName, start: format(next.start), end: format(next.end) }) : t('mine.noNext')}</p>
        </>
      )}
      {onCall && <p className="rota-on-call">{t('mine.onCall', { time: format(onCall.end) })}</p>}
      {!onCall && nextOnCall && <p className="muted">{t('mine.nextOnCall', { start: format(nextOnCall.start), end: format(nextOnCall.end) })}</p>}
    </section>
  );
}
