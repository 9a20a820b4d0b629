import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalEscalation } from '../../../../shared/desk-api/contract.js';
import { useEscalations, useSession } from '../../services.js';
import { pagingMe } from './escalation-store.js';
import { PageCard } from './PageCard.js';
import './escalation.css';

/** A card per page: the next level paging the agent again is a new card, announced again. */
const cardKey = (escalation: LocalEscalation) => `${escalation.id}:${escalation.pages.length}`;

const lastPaged = (escalation: LocalEscalation) => Date.parse(escalation.pages.at(-1)?.at ?? escalation.escalatedAt);

type PopoverElement = HTMLElement & { showPopover?: () => void; hidePopover?: () => void };

/** Hosts without popovers (jsdom, old engines) keep the cards fixed on top by z-index alone. */
const popovers = typeof HTMLElement !== 'undefined' && typeof (HTMLElement.prototype as PopoverElement).showPopover === 'function';

/**
 * The escalations paging the agent, as cards at the top of the window above everything else (a
 * popover, in the browser's top layer) without blocking the rest: the queue and the ticket stay
 * usable. A new page is announced, not focused, so nobody's typing is interrupted; Tab from the top
 * bar reaches the cards. Answering one returns the keyboard to the next card, or where it came from.
 */
export function PageCards() {
  const { t } = useTranslation(['escalation', 'labels']);
  const userId = useSession((state) => state.user?.id ?? '');
  const mine = useEscalations((state) => state.mine);
  const pages = pagingMe(mine, userId);
  const regionRef = useRef<PopoverElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const [answer, setAnswer] = useState('');
  const showing = pages.length > 0;

  useEffect(() => {
    const region = regionRef.current;
    if (!region?.showPopover) return;
    if (showing && !region.matches(':popover-open')) region.showPopover();
    if (!showing && region.matches(':popover-open')) region.hidePopover?.();
  }, [showing]);

  // The newest page is read out as it arrives; answers are said separately, politely.
  const newest = [...pages].sort((a, b) => lastPaged(b) - lastPaged(a))[0];
  const announcement = newest ? t('card.announce', { number: newest.ticketNumber, priority: t(`labels:priority.${newest.priority}`) }) : '';

  // The answered card goes once the core shows the answer; then the keyboard moves on rather than fall to the page.
  const answeredCard = useRef<{ key: string; index: number } | null>(null);
  const keys = pages.map(cardKey);
  useEffect(() => {
    const answered = answeredCard.current;
    if (!answered || keys.includes(answered.key)) return;
    answeredCard.current = null;
    const buttons = regionRef.current?.querySelectorAll<HTMLElement>('[data-testid="page-card"] .button--primary') ?? [];
    (buttons[Math.min(answered.index, buttons.length - 1)] ?? cameFrom.current)?.focus();
  });

  return (
    <>
      <p className="visually-hidden" aria-live="assertive" data-testid="page-announcement">
        {announcement}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {answer}
      </p>
      <section
        ref={regionRef}
        className="page-cards"
        popover={popovers ? 'manual' : undefined}
        aria-label={t('card.region')}
        hidden={!showing}
        data-testid="page-cards"
        onFocus={(event) => {
          if (event.relatedTarget instanceof HTMLElement && !event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
        }}
      >
        {pages.map((escalation, index) => (
          <PageCard
            key={cardKey(escalation)}
            escalation={escalation}
            onAnswered={(message) => {
              setAnswer(message);
              answeredCard.current = { key: cardKey(escalation), index };
            }}
          />
        ))}
      </section>
    </>
  );
}
