import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../services.js';
import { panelId, SectionTabs, tabId } from '../../ui/SectionTabs.js';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { OnCallNow } from './OnCallNow.js';
import { OnCallRotationsPanel } from './OnCallRotationsPanel.js';
import { RotaChangesPanel } from './RotaChangesPanel.js';
import { ShiftRotationsPanel } from './ShiftRotationsPanel.js';
import { useRota, type RotaView } from './use-rota.js';

const everyone = ['now'] as const;
const admins = ['now', 'shiftRotations', 'onCallRotations', 'changes'] as const;
type Section = (typeof admins)[number];

const panels: Record<Section, (props: { view: RotaView }) => ReactNode> = {
  now: OnCallNow,
  shiftRotations: ShiftRotationsPanel,
  onCallRotations: OnCallRotationsPanel,
  changes: RotaChangesPanel,
};

/**
 * Shifts and on call in a modal dialog: "on call now" for everyone, and for admins the rota's
 * editor in further tabs. All of it is read from the replica (offline too); only admins' changes
 * need the server. Escape closes it and the focus goes back to the top bar.
 */
export function RotaDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('shifts');
  const isAdmin = useSession((state) => state.user?.role === 'admin');
  const sections = isAdmin ? admins : everyone;
  const base = useId();
  const headingId = `${base}-heading`;
  const [section, setSection] = useState<Section>('now');
  const dialogRef = useModalDialog(isAdmin ? '[role="tab"][aria-selected="true"]' : '.settings-dialog__title');
  const rota = useRota();
  const Panel = panels[section];

  return (
    <dialog ref={dialogRef} className="modal-dialog settings-dialog rota-dialog" aria-labelledby={headingId} data-testid="rota-dialog" onClose={onClose}>
      <DialogHeader id={headingId} title={t('title')} closeLabel={t('close')} onClose={onClose} />
      {sections.length > 1 ? (
        <SectionTabs<Section> base={base} sections={sections} value={section} label={t('sections.label')} labelOf={(s) => t(`sections.${s}`)} onChange={setSection} />
      ) : (
        <div />
      )}
      <div className="settings-dialog__panel" {...(sections.length > 1 ? { role: 'tabpanel', id: panelId(base, section), 'aria-labelledby': tabId(base, section) } : {})}>
        {rota.status === 'ready' ? (
          <Panel view={rota.view} />
        ) : (
          <p className="channels__section muted" role={rota.status === 'failed' ? 'alert' : 'status'}>
            {rota.status === 'failed' ? t('loadFailed', { message: rota.message }) : t('loading')}
          </p>
        )}
      </div>
    </dialog>
  );
}
