import { useId, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { panelId, SectionTabs, tabId } from '../../ui/SectionTabs.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { AgentsPanel } from './AgentsPanel.js';
import { QueuesPanel } from './QueuesPanel.js';
import { RulesPanel } from './RulesPanel.js';

const sections = ['rules', 'queues', 'agents'] as const;
type Section = (typeof sections)[number];
const panels: Record<Section, ComponentType> = { rules: RulesPanel, queues: QueuesPanel, agents: AgentsPanel };

/**
 * Routing's settings in a modal dialog: the rules, the queues' skills, hours and overflow, and the
 * agents' skills and capacity. All of it lives on the server, read as each section is shown. Escape
 * closes it and the focus goes back to the top bar.
 */
export function RoutingSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('routing');
  const base = useId();
  const headingId = `${base}-heading`;
  const [section, setSection] = useState<Section>('rules');
  const dialogRef = useModalDialog('[role="tab"][aria-selected="true"]');
  const Panel = panels[section];

  return (
    <dialog ref={dialogRef} className="modal-dialog settings-dialog" aria-labelledby={headingId} data-testid="routing-settings" onClose={onClose}>
      <DialogHeader id={headingId} title={t('settings.title')} closeLabel={t('settings.close')} onClose={onClose} />
      <SectionTabs<Section> base={base} sections={sections} value={section} label={t('settings.sections.label')} labelOf={(s) => t(`settings.sections.${s}`)} onChange={setSection} />
      <div className="settings-dialog__panel" role="tabpanel" id={panelId(base, section)} aria-labelledby={tabId(base, section)}>
        <Panel />
      </div>
    </dialog>
  );
}
