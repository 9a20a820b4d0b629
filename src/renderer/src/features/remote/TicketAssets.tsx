import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteLinkView, TicketAsset } from '../../../../shared/desk-api/remote-methods.js';
import type { Ticket } from '../../../../shared/domain/ticket.js';
import type { RemoteLinkProblem } from '../../../../shared/remote/link.js';
import { useDeskServices } from '../../services.js';
import { errorMessage } from '../../ui/format.js';
import { useTicketAssets } from './use-ticket-assets.js';
import './remote.css';

type Outcome = { kind: 'opened' | 'openHere'; asset: string; tool: string } | { kind: 'refused'; problem: RemoteLinkProblem; detail: string } | { kind: 'failed'; message: string };

/** Why a link will not open, in the agent's language. */
export function useProblemText() {
  const { t } = useTranslation('remote');
  return (problem: RemoteLinkProblem, detail: string) => t(`problem.${problem}`, { detail });
}

/**
 * The requester's devices and services (theirs and their organisation's) on the ticket, each with
 * its ways in. Opening one goes through the core, which builds the link again, checks the allowlist
 * and notes the session on the ticket before anything opens; a link the allowlist refuses says why
 * and has no button. Nothing at all for a requester with no assets on record.
 */
export function TicketAssets({ ticket }: { ticket: Pick<Ticket, 'id'> }) {
  const { t } = useTranslation('remote');
  const { assets, error } = useTicketAssets(ticket.id);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const headingId = useId();
  const problemText = useProblemText();
  if (assets.length === 0 && error === null) return null;

  return (
    <section className="ticket-assets" aria-labelledby={headingId} data-testid="ticket-assets">
      <h3 id={headingId} className="ticket-assets__heading">
        {t('assets.heading')} <span className="muted">· {t('assets.count', { count: assets.length })}</span>
      </h3>
      {error !== null && (
        <p role="alert" className="ticket-assets__error">
          {t('assets.loadFailed', { message: errorMessage(error) })}
        </p>
      )}
      <ul className="ticket-assets__list">
        {assets.map((asset) => (
          <AssetItem key={asset.id} ticketId={ticket.id} asset={asset} onOutcome={setOutcome} />
        ))}
      </ul>
      <p className="ticket-assets__outcome" role="status" data-testid="remote-outcome">
        {outcome?.kind === 'opened' || outcome?.kind === 'openHere'
          ? t(outcome.kind === 'opened' ? 'assets.opened' : 'assets.openedHere', { tool: outcome.tool, asset: outcome.asset })
          : outcome?.kind === 'refused'
            ? t('assets.refused', { reason: problemText(outcome.problem, outcome.detail) })
            : outcome?.kind === 'failed'
              ? t('assets.failed', { message: outcome.message })
              : ''}
      </p>
    </section>
  );
}

function AssetItem({ ticketId, asset, onOutcome }: { ticketId: string; asset: TicketAsset; onOutcome(outcome: Outcome): void }) {
  const { t } = useTranslation('remote');
  const owner = asset.owner.kind === 'organisation' ? t('assets.organisation', { name: asset.owner.name }) : t('assets.personal');
  return (
    <li className="ticket-asset" data-testid="ticket-asset">
      <div className="ticket-asset__title">
        <span className="ticket-asset__name">{asset.name}</span>
        <span className="muted">
          {t(`assets.kind.${asset.kind}`)} · {owner}
        </span>
      </div>
      <div className="ticket-asset__host">
        <span className="visually-hidden">{t('assets.host')}: </span>
        <code>{asset.host}</code>
      </div>
      {asset.notes && <p className="ticket-asset__notes">{asset.notes}</p>}
      {asset.links.length > 0 && (
        <ul className="ticket-asset__links">
          {asset.links.map((link, index) => (
            <li key={index}>
              <AssetLink ticketId={ticketId} asset={asset} access={index} link={link} onOutcome={onOutcome} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function AssetLink({ ticketId, asset, access, link, onOutcome }: { ticketId: string; asset: TicketAsset; access: number; link: RemoteLinkView; onOutcome(outcome: Outcome): void }) {
  const { t } = useTranslation('remote');
  const { client } = useDeskServices();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  const tool = link.toolName ?? link.toolId;

  if (!link.ok) {
    return (
      <span className="ticket-asset__blocked" data-testid="remote-link-blocked">
        <span aria-hidden="true">⊘ </span>
        {t('assets.blocked', { tool })} — {problemText(link.problem, link.detail)}
      </span>
    );
  }

  async function open() {
    setBusy(true);
    try {
      const result = await client.call('remote.open', { ticketId, assetId: asset.id, access });
      if (result.status === 'blocked') onOutcome({ kind: 'refused', problem: result.problem, detail: result.detail });
      else {
        // A browser host has no shell to hand the link to: the page opens it (the system's handler for ssh:, rdp:, vnc:).
        if (result.status === 'openHere') window.open(result.url, '_blank', 'noopener,noreferrer');
        onOutcome({ kind: result.status, asset: asset.name, tool });
      }
    } catch (error) {
      onOutcome({ kind: 'failed', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="ticket-asset__link">
      <button type="button" className="button button--small" disabled={busy} aria-label={t('assets.openLabel', { asset: asset.name, tool })} onClick={() => void open()}>
        {busy ? t('assets.opening') : t('assets.open', { tool })}
      </button>{' '}
      <code className="ticket-asset__url">{link.url}</code>
    </span>
  );
}
