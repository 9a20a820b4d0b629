import type { z } from 'zod';
import type { MacroSchema } from '../../../shared/domain/knowledge.js';

/** The catalog's macros as written: shared, without actions, unless a macro says otherwise. */
export const macros: readonly z.input<typeof MacroSchema>[] = [
  {
    id: 'macro-password-reset',
    title: 'Password reset – link sent',
    body: 'Hi {{requester.name}},\n\nI have sent a password reset link to the email address on your account. It is valid for 60 minutes; if it expires, just request a new one from the sign-in page. If nothing arrives within 10 minutes, please check your spam folder and reply to this ticket.\n\nBest regards,\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-waiting-for-logs',
    title: 'Waiting for logs',
    body: 'Hi {{requester.name}},\n\nTo move ticket {{ticket.number}} forward we need a few more details:\n1. The exact time (with time zone) the problem last happened.\n2. A screenshot of the error message.\n3. Client or browser logs from the affected device, as described in our knowledge base.\n\nThe ticket will stay pending until we hear back from you.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-escalated-tier2',
    title: 'Escalated to tier 2',
    body: 'Hi {{requester.name}},\n\nThank you for the details. I have passed ticket {{ticket.number}} to our tier 2 network team, who can look at the configuration more closely. You do not need to open a new ticket; an engineer will reply here as soon as they have picked it up.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-escalated-tier3',
    title: 'Escalated to tier 3 – infrastructure',
    body: 'Hi {{requester.name}},\n\nWe have confirmed the issue on our side and escalated ticket {{ticket.number}} to our infrastructure engineers (tier 3). We will update you at least every 60 minutes until it is resolved, even if there is no news yet.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-closing-no-reply',
    title: 'Closing – no reply 3 days',
    body: 'Hi {{requester.name}},\n\nWe have not heard back from you for three days, so I am closing ticket {{ticket.number}} for now. If the problem is still there, simply reply to this email and the ticket will reopen with its full history.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-invoice-resent',
    title: 'Invoice – copy resent',
    body: 'Hi {{requester.name}},\n\nI have resent a copy of the invoice to your billing contact. You can also download all past invoices at any time under Settings → Billing → Invoices. If any company details on the invoice need correcting, reply with the correct details and we will reissue it.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-refund-approved',
    title: 'Refund approved – 5–10 business days',
    body: 'Hi {{requester.name}},\n\nYour refund has been approved and sent back to the original payment method. Depending on your bank it usually appears on your statement within 5–10 business days. A credit note will follow by email.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-card-declined',
    title: 'Card declined – check with bank',
    body: 'Hi {{requester.name}},\n\nThe payment was declined by the card issuer before it reached us, so we cannot see the exact reason. The most common causes are 3-D Secure not being completed, an online/foreign transaction limit, or an outdated billing address. Please check with your bank and try again, or switch to bank transfer under Settings → Billing.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-vpn-basic-checks',
    title: 'VPN – basic checks',
    body: 'Hi {{requester.name}},\n\nBefore we escalate, could you try the following:\n1. Fully quit and restart the VPN client.\n2. Check that the device clock is set automatically (certificate checks fail if it is off).\n3. Try a different network, for example a phone hotspot.\n4. If it still drops, export the client log (Help → Export logs) and attach it here.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-known-incident',
    title: 'Known incident – link to status page',
    body: 'Hi {{requester.name}},\n\nThank you for reporting this. We are aware of the issue and our engineers are working on it right now. You can follow live updates at https://status.shiftdesk.example; I have also linked ticket {{ticket.number}} to the incident so you will be notified here once it is resolved.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-incident-resolved',
    title: 'Incident resolved – please confirm',
    body: 'Hi {{requester.name}},\n\nThe incident affecting your service has been resolved and everything is back to normal on our side. Could you confirm that things work for you too? If we do not hear back within 3 days, ticket {{ticket.number}} will close automatically.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-need-steps-to-reproduce',
    title: 'Need steps to reproduce',
    body: 'Hi {{requester.name}},\n\nWe have not been able to reproduce this yet. Could you list the exact steps that lead to the error, which browser and version you are using, and whether it happens for other users in your team? A short screen recording helps a lot.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-social-move-to-dm',
    title: 'Social – move to DM',
    body: 'Hi {{requester.name}}, sorry to hear about this! We would like to look into it straight away. Please send us a DM with the email address on your account (no passwords, please) and we will take it from there. – {{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-feature-request-logged',
    title: 'Feature request logged',
    body: 'Hi {{requester.name}},\n\nThank you for the suggestion. I have passed it to our product team with a note about your use case. We cannot promise a date, but requests like this are reviewed every month and we will update ticket {{ticket.number}} if it gets scheduled.\n\n{{agent.name}}',
    locale: 'en',
  },
  {
    id: 'macro-password-reset-pl',
    title: 'Reset hasła – link wysłany',
    body: 'Dzień dobry,\n\nwysłaliśmy link do resetu hasła na adres e-mail przypisany do konta. Link jest ważny przez 60 minut; jeśli wygaśnie, można wygenerować nowy na stronie logowania. Jeśli wiadomość nie dotrze w ciągu 10 minut, proszę sprawdzić folder SPAM i odpisać na to zgłoszenie.\n\nPozdrawiam,\n{{agent.name}}',
    locale: 'pl',
  },
  {
    id: 'macro-waiting-for-logs-pl',
    title: 'Prośba o logi',
    body: 'Dzień dobry,\n\nabyśmy mogli dalej zająć się zgłoszeniem {{ticket.number}}, potrzebujemy:\n1. Dokładnej godziny ostatniego wystąpienia problemu.\n2. Zrzutu ekranu z komunikatem błędu.\n3. Logów z urządzenia, na którym występuje problem.\n\nDo czasu odpowiedzi zgłoszenie pozostanie w statusie „oczekuje na klienta”.\n\n{{agent.name}}',
    locale: 'pl',
  },
  {
    id: 'macro-escalated-tier2-pl',
    title: 'Przekazano do 2. linii',
    body: 'Dzień dobry,\n\ndziękujemy za informacje. Zgłoszenie {{ticket.number}} zostało przekazane do drugiej linii wsparcia, która dokładniej przeanalizuje konfigurację. Nie trzeba zakładać nowego zgłoszenia – inżynier odpowie w tym wątku.\n\n{{agent.name}}',
    locale: 'pl',
  },
  {
    id: 'macro-closing-no-reply-pl',
    title: 'Zamknięcie – brak odpowiedzi 3 dni',
    body: 'Dzień dobry,\n\nod trzech dni nie otrzymaliśmy odpowiedzi, dlatego zamykamy zgłoszenie {{ticket.number}}. Jeśli problem nadal występuje, wystarczy odpisać na tę wiadomość – zgłoszenie otworzy się ponownie wraz z całą historią.\n\n{{agent.name}}',
    locale: 'pl',
  },
  {
    id: 'macro-invoice-resent-pl',
    title: 'Faktura – ponowna wysyłka',
    body: 'Dzień dobry,\n\nponownie wysłaliśmy fakturę na adres e-mail do rozliczeń. Wszystkie faktury można też pobrać w dowolnej chwili w Ustawienia → Płatności → Faktury. Jeśli dane firmy wymagają korekty, prosimy o ich przesłanie – wystawimy fakturę korygującą.\n\n{{agent.name}}',
    locale: 'pl',
  },
  {
    id: 'macro-incident-resolved-pl',
    title: 'Rozwiązane – prośba o potwierdzenie',
    body: 'Dzień dobry,\n\nawaria została usunięta i po naszej stronie wszystko działa poprawnie. Prosimy o potwierdzenie, że u Państwa również. Jeśli nie otrzymamy odpowiedzi w ciągu 3 dni, zgłoszenie {{ticket.number}} zamknie się automatycznie.\n\n{{agent.name}}',
    locale: 'pl',
  },
];
