import { useId, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogHeader } from '../../ui/DialogHeader.js';
import { useModalDialog } from '../../ui/use-modal-dialog.js';
import { IntegrationsPanel } from './IntegrationsPanel.js';
import { MailboxesPanel } from './MailboxesPanel.js';
import { OutboundPanel } from './OutboundPanel.js';
import { QuarantinePanel } from './QuarantinePanel.js';
import { panelId, SectionTabs, tabId } from '../../ui/SectionTabs.js';
import { SurveyPanel } from './SurveyPanel.js';
import { TemplatesPanel } from './TemplatesPanel.js';

const sections = ['integrations', 'templates', 'survey', 'quarantine', 'outbound', 'mailboxes'] as const;
type Section = (typeof sections)[number];

const panels: Record<Section, ComponentType> = {
  integrations: IntegrationsPanel,
  templates: TemplatesPanel,
  survey: SurveyPanel,
  quarantine: QuarantinePanel,
  outbound: OutboundPanel,
  mailboxes: MailboxesPanel,
};

/**
 * The channels' admin settings in a modal dialog: everything in it comes from the server, read as each
 * section is shown. Escape (outside a question being asked) closes it and the focus goes back.
 */
export function ChannelSettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('channels');
  const base = useId();
  const headingId = `${base}-heading`;
  const [section, setSection] = useState<Section>('integrations');
  const dialogRef = useModalDialog('[role="tab"][aria-selected="true"]');
  const Panel = panels[section];

  return (
    <dialog ref={dialogRef} className="modal-dialog settings-dialog" aria-labelledby={headingId} data-testid="channel-settings" onClose={onClose}>
      <DialogHeader id={headingId} title={t('title')} closeLabel={t('close')} onClose={onClose} />
      <SectionTabs<Section> base={base} sections={sections} value={section} label={t('sections.label')} labelOf={(s) => t(`sections.${s}`)} onChange={setSection} />
      <div className="settings-dialog__panel" role="tabpanel" id={panelId(base, section)} aria-labelledby={tabId(base, section)}>
        <Panel />
      </div>
    </dialog>
  );
}
