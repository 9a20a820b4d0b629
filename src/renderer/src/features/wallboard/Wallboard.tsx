import { useId, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { WallboardSnapshot } from '../../../../shared/wallboard/snapshot.js';
import { useConnectionStatus } from '../../services.js';
import { useDateTimeFormat, useTimeZone } from '../../ui/format.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { BreachesPanel, QueuesPanel, TodayPanel } from './desk-panels.js';
import { AgentsPanel, AttentionPanel } from './people-panels.js';
import { rotationChoices, useKiosk, type Kiosk, type RotationSeconds } from './use-kiosk.js';
import { useWallboard } from './use-wallboard.js';

/** In kiosk mode one at a time, in this order; otherwise all together. */
const panels: readonly { id: string; Panel: ComponentType<{ snapshot: WallboardSnapshot }> }[] = [
  { id: 'queues', Panel: QueuesPanel },
  { id: 'today', Panel: TodayPanel },
  { id: 'attention', Panel: AttentionPanel },
  { id: 'breaches', Panel: BreachesPanel },
  { id: 'agents', Panel: AgentsPanel },
];

const withSeconds: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };

/**
 * The supervisors' wallboard over the whole window (docs/wallboard.md): live figures pushed by the
 * server, big enough to read across the room, in either theme. Esc leaves kiosk mode, then the
 * wallboard.
 */
export function Wallboard({ onClose, startInKiosk = false }: { onClose(): void; startInKiosk?: boolean }) {
  const { t } = useTranslation('wallboard');
  const headingId = useId();
  const dialogRef = useModalDialog('[data-initial-focus]');
  const timeZone = useTimeZone();
  const data = useWallboard(timeZone);
  const kiosk = useKiosk(panels.length, startInKiosk);
  const shown = kiosk.on ? [panels[kiosk.index]!] : panels;

  return (
    <dialog
      ref={dialogRef}
      className={`wallboard${kiosk.on ? ' wallboard--kiosk' : ''}`}
      aria-labelledby={headingId}
      data-testid="wallboard"
      data-kiosk={kiosk.on}
      onClose={onClose}
      onCancel={(event) => {
        if (!kiosk.on) return;
        event.preventDefault();
        kiosk.stop();
      }}
      onKeyDown={(event) => {
        if (kiosk.key(event.nativeEvent)) event.preventDefault();
      }}
    >
      <div className="wallboard__bar">
        <h2 id={headingId} className="wallboard__title">
          {t('title')}
        </h2>
        <Freshness snapshot={data.status === 'ready' ? data.snapshot : null} />
        <span className="wallboard__spacer" />
        <KioskControls kiosk={kiosk} />
        <button type="button" className="button wallboard__close" onClick={onClose}>
          <span aria-hidden="true">× </span>
          {t('close')}
        </button>
      </div>
      {data.status === 'loading' ? (
        <p className="wallboard__notice" role="status">
          {t('loading')}
        </p>
      ) : data.status === 'failed' ? (
        <p className="wallboard__notice" role="alert">
          {t('loadFailed', { message: data.message })}
        </p>
      ) : data.snapshot === null ? (
        <p className="wallboard__notice" role="status">
          {t('waitingForServer')}
        </p>
      ) : (
        // Focusable, so the keyboard can scroll it when the panels do not fit the screen.
        <div className="wallboard__panels" role="group" aria-label={t('panels.label')} tabIndex={0}>
          {shown.map(({ id, Panel }) => (
            <Panel key={id} snapshot={data.snapshot!} />
          ))}
        </div>
      )}
    </dialog>
  );
}

/** When the figures are from, and plainly when the server is out of reach and they are getting old. */
function Freshness({ snapshot }: { snapshot: WallboardSnapshot | null }) {
  const { t } = useTranslation('wallboard');
  const status = useConnectionStatus();
  const time = useDateTimeFormat(withSeconds);
  if (!snapshot) return null;
  const offline = status !== null && status !== 'online';
  return (
    <span className={`wallboard__freshness${offline ? ' wallboard__freshness--stale' : ''}`} role="status" data-testid="wallboard-freshness">
      {offline && <span aria-hidden="true">! </span>}
      {offline ? t('stale', { time: time(snapshot.computedAt) }) : t('updated', { time: time(snapshot.computedAt) })}
    </span>
  );
}

function KioskControls({ kiosk }: { kiosk: Kiosk }) {
  const { t } = useTranslation('wallboard');
  const everyId = useId();
  return (
    <>
      {kiosk.on && (
        <span className="wallboard__position" data-testid="wallboard-position" data-index={kiosk.index} data-paused={kiosk.paused} title={t('kiosk.hint')}>
          {t('kiosk.position', { index: kiosk.index + 1, total: panels.length })}
          {kiosk.paused && (
            <strong>
              {' · '}
              <span aria-hidden="true">❚❚ </span>
              {t('kiosk.paused')}
            </strong>
          )}
          <span className="visually-hidden">. {t('kiosk.hint')}</span>
        </span>
      )}
      <label className="wallboard__every" htmlFor={everyId}>
        {t('kiosk.every')}
      </label>
      <select id={everyId} className="wallboard__every-select" value={kiosk.seconds} onChange={(event) => kiosk.setSeconds(Number(event.target.value) as RotationSeconds)}>
        {rotationChoices.map((seconds) => (
          <option key={seconds} value={seconds}>
            {t('kiosk.seconds', { count: seconds })}
          </option>
        ))}
      </select>
      <button type="button" className="button button--primary" data-initial-focus aria-pressed={kiosk.on} data-testid="wallboard-kiosk" onClick={kiosk.on ? kiosk.stop : kiosk.start}>
        {kiosk.on && <span aria-hidden="true">■ </span>}
        {t('kiosk.start')}
      </button>
    </>
  );
}
