import type { CustomerLocale } from '../../../shared/notifications/templates.js';

const copy: Record<CustomerLocale, { title: string; lead: string; body: string }> = {
  en: {
    title: 'Northwind Cloud: help',
    lead: 'An example customer website with the Shiftdesk chat widget embedded by one script tag.',
    body: 'Try asking about a password, invoices or the VPN, ask for a person, or write that something is down.',
  },
  pl: {
    title: 'Northwind Cloud: pomoc',
    lead: 'Przykładowa strona klienta z widżetem czatu Shiftdesk osadzonym jednym znacznikiem script.',
    body: 'Zapytaj o hasło, faktury lub VPN, poproś o konsultanta albo napisz, że coś nie działa.',
  },
  ru: {
    title: 'Northwind Cloud: помощь',
    lead: 'Пример сайта клиента с чат-виджетом Shiftdesk, встроенным одним тегом script.',
    body: 'Спросите о пароле, счетах или VPN, попросите сотрудника или напишите, что что-то не работает.',
  },
  lv: {
    title: 'Northwind Cloud: palīdzība',
    lead: 'Klienta tīmekļa vietnes piemērs ar Shiftdesk tērzēšanas logrīku, kas iegults ar vienu script tagu.',
    body: 'Pajautājiet par paroli, rēķiniem vai VPN, palūdziet darbinieku vai uzrakstiet, ka kaut kas nedarbojas.',
  },
};

/** A stand-in for a customer's site: what embedding the widget looks like, and what the e2e test drives. */
export function demoPage(locale: CustomerLocale): string {
  const text = copy[locale];
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${text.title}</title>
<style>
  body { margin: 0; font-family: Georgia, serif; color: #1f2937; background: #f3f4f6; }
  header { background: #111827; color: #f9fafb; padding: 20px 40px; font-size: 22px; }
  main { max-width: 720px; margin: 40px; line-height: 1.6; }
  pre { white-space: pre-wrap; }
</style>
</head>
<body>
<header>Northwind Cloud</header>
<main>
<h1>${text.title}</h1>
<p>${text.lead}</p>
<p>${text.body}</p>
<pre>&lt;script src="/chat/widget.js" data-locale="${locale}" async&gt;&lt;/script&gt;</pre>
</main>
<script src="/chat/widget.js" data-locale="${locale}" async></script>
</body>
</html>
`;
}
