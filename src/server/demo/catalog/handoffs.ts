export interface HandoffTemplate {
  authorEmail: string;
  /** Null: for the whole desk. */
  queueId: 'general' | 'billing' | 'network' | 'platform' | null;
  minutesAgo: number;
  body: string;
  acknowledgedBy: { email: string; minutesAfter: number }[];
}

/**
 * The night shift handing over to the morning, each in the author's own language. Some are already
 * acknowledged and some are not, so every demo agent opens the console to a badge.
 */
export const handoffTemplates: readonly HandoffTemplate[] = [
  {
    authorEmail: 'tier3@demo',
    queueId: 'platform',
    minutesAgo: 5 * 60,
    body:
      'Night shift → morning (platform).\n' +
      '• Storage latency alerts on db-eu-2 fired at 01:40 and 03:15 UTC; both cleared within ten minutes, once the nightly backup finished. No customer impact so far, but if it fires during business hours, page the storage on-call straight away — do not wait for a ticket.\n' +
      '• The premium escalation about failed webhook deliveries: the vendor confirmed a fix rollout at 09:00 CET. I promised the customer an update by 10:00 — please send it even if there is no news yet.\n' +
      '• Nothing else is waiting on tier 3.',
    acknowledgedBy: [{ email: 'supervisor@demo', minutesAfter: 40 }],
  },
  {
    authorEmail: 'tier2@demo',
    queueId: 'network',
    minutesAgo: 4 * 60,
    body:
      'Przekazanie zmiany — sieć (noc → rano).\n' +
      '1. Koncentrator VPN w Rydze zrywał połączenia między 23:10 a 00:40. Zgłoszenie u dostawcy jest otwarte z wysokim priorytetem; obiecali odpowiedź do 9:00. Jeśli się nie odezwą, dzwońcie na ich linię awaryjną (numer w bazie wiedzy, w artykule o eskalacji).\n' +
      '2. Klienci, którym VPN rozłączał się co 10 minut, dostali makro z podstawowymi krokami; trzy zgłoszenia czekają na logi od klienta — nie zamykać.\n' +
      '3. Zmiana na firewallu zaplanowana na dziś na 14:00: do jej końca nie restartujcie routerów brzegowych.',
    acknowledgedBy: [],
  },
  {
    authorEmail: 'agent3@demo',
    queueId: 'billing',
    minutesAgo: 3 * 60,
    body:
      'Передача смены (биллинг), ночь → утро.\n' +
      '• Ночной прогон счетов прошёл, но у трёх клиентов из Латвии в счетах неверная ставка НДС (21% вместо обратного начисления). Заявки ждут ответа бухгалтерии — не закрывать, обновить клиентов до 12:00.\n' +
      '• Платёжный шлюз дважды отклонял карты с 3-D Secure около 02:30; сейчас всё работает. Если жалобы повторятся — эскалировать на вторую линию со временем платежа и последними четырьмя цифрами карты.\n' +
      '• Вчерашние одобренные возвраты отправлены, клиентам ушёл шаблон «Возврат одобрен».',
    acknowledgedBy: [{ email: 'agent@demo', minutesAfter: 25 }],
  },
  {
    authorEmail: 'agent2@demo',
    queueId: 'general',
    minutesAgo: 2 * 60,
    body:
      'Maiņas nodošana — vispārējā rinda (nakts → rīts).\n' +
      '• Pēc e-pasta servera apkopes naktī bija daudz paroles atiestatīšanas pieprasījumu; lielākā daļa atrisināta ar makro “Paroles atiestatīšana”. Ja klients saka, ka saite nepienāk, palūdziet pārbaudīt surogātpasta mapi un tikai tad eskalējiet.\n' +
      '• No 02:00 līdz 03:00 tālruņa līnija bija pārslogota, divi zvani palika neatbildēti. Klientiem aizsūtīts e-pasts — lūdzu, piezvaniet viņiem atpakaļ līdz 10:00.\n' +
      '• Neviens pieteikums nav palicis bez pirmās atbildes.',
    acknowledgedBy: [],
  },
  {
    authorEmail: 'supervisor@demo',
    queueId: null,
    minutesAgo: 60,
    body:
      'Dla całego zespołu: dziś rano na pierwszej linii jest o jedną osobę mniej (choroba). Pilnujcie zgłoszeń premium z krótkim SLA i w razie potrzeby przejmujcie je z kolejki ogólnej.\n' +
      'Prace serwisowe na portalu klienta dziś 22:00–23:00 — w tym czasie kierujcie klientów na e-mail. Dziękuję nocnej zmianie za spokojną noc!',
    acknowledgedBy: [
      { email: 'agent3@demo', minutesAfter: 10 },
      { email: 'agent2@demo', minutesAfter: 15 },
    ],
  },
];
