import type { CustomerLocale, TemplateKind } from '../../shared/notifications/templates.js';

interface Text {
  subject: string;
  body: string;
}

/** What the desk says until an admin rewrites it. Subjects carry the [#number] tag replies thread by. */
export const defaultTemplates: Record<TemplateKind, Record<CustomerLocale, Text>> = {
  'ack.open': {
    en: {
      subject: '[#{{ticket.number}}] We have your request: {{ticket.subject}}',
      body: 'Hello {{requester.name}},\n\nthank you for writing to us. Your request has the number {{ticket.number}}.\nExpect an answer by {{answer.by}}.\n\nYou can follow it here: {{portal.url}}',
    },
    pl: {
      subject: '[#{{ticket.number}}] Otrzymaliśmy zgłoszenie: {{ticket.subject}}',
      body: 'Dzień dobry {{requester.name}},\n\ndziękujemy za wiadomość. Zgłoszenie otrzymało numer {{ticket.number}}.\nPrzewidywany czas odpowiedzi: {{answer.by}}.\n\nStatus zgłoszenia: {{portal.url}}',
    },
    ru: {
      subject: '[#{{ticket.number}}] Ваше обращение получено: {{ticket.subject}}',
      body: 'Здравствуйте, {{requester.name}}!\n\nСпасибо за обращение. Ему присвоен номер {{ticket.number}}.\nОжидаемое время ответа: {{answer.by}}.\n\nСтатус обращения: {{portal.url}}',
    },
    lv: {
      subject: '[#{{ticket.number}}] Jūsu pieteikums ir saņemts: {{ticket.subject}}',
      body: 'Labdien, {{requester.name}}!\n\nPaldies, ka sazinājāties ar mums. Pieteikuma numurs ir {{ticket.number}}.\nParedzamais atbildes laiks: {{answer.by}}.\n\nPieteikuma statuss: {{portal.url}}',
    },
  },
  'ack.closed': {
    en: {
      subject: '[#{{ticket.number}}] We have your request: {{ticket.subject}}',
      body: 'Hello {{requester.name}},\n\nthank you for writing to us. Your request has the number {{ticket.number}}.\nWe are closed now; expect an answer by {{answer.by}}.\n\nYou can follow it here: {{portal.url}}',
    },
    pl: {
      subject: '[#{{ticket.number}}] Otrzymaliśmy zgłoszenie: {{ticket.subject}}',
      body: 'Dzień dobry {{requester.name}},\n\ndziękujemy za wiadomość. Zgłoszenie otrzymało numer {{ticket.number}}.\nJesteśmy teraz poza godzinami pracy. Przewidywany czas odpowiedzi: {{answer.by}}.\n\nStatus zgłoszenia: {{portal.url}}',
    },
    ru: {
      subject: '[#{{ticket.number}}] Ваше обращение получено: {{ticket.subject}}',
      body: 'Здравствуйте, {{requester.name}}!\n\nСпасибо за обращение. Ему присвоен номер {{ticket.number}}.\nСейчас мы не работаем. Ожидаемое время ответа: {{answer.by}}.\n\nСтатус обращения: {{portal.url}}',
    },
    lv: {
      subject: '[#{{ticket.number}}] Jūsu pieteikums ir saņemts: {{ticket.subject}}',
      body: 'Labdien, {{requester.name}}!\n\nPaldies, ka sazinājāties ar mums. Pieteikuma numurs ir {{ticket.number}}.\nPašlaik nestrādājam. Paredzamais atbildes laiks: {{answer.by}}.\n\nPieteikuma statuss: {{portal.url}}',
    },
  },
  'ack.busy': {
    en: {
      subject: '[#{{ticket.number}}] We have your request: {{ticket.subject}}',
      body: 'Hello {{requester.name}},\n\nthank you for writing to us. Your request has the number {{ticket.number}}.\nMany customers are waiting right now; expect an answer by {{answer.by}}.\n\nYou can follow it here: {{portal.url}}',
    },
    pl: {
      subject: '[#{{ticket.number}}] Otrzymaliśmy zgłoszenie: {{ticket.subject}}',
      body: 'Dzień dobry {{requester.name}},\n\ndziękujemy za wiadomość. Zgłoszenie otrzymało numer {{ticket.number}}.\nObecnie czeka wiele zgłoszeń. Przewidywany czas odpowiedzi: {{answer.by}}.\n\nStatus zgłoszenia: {{portal.url}}',
    },
    ru: {
      subject: '[#{{ticket.number}}] Ваше обращение получено: {{ticket.subject}}',
      body: 'Здравствуйте, {{requester.name}}!\n\nСпасибо за обращение. Ему присвоен номер {{ticket.number}}.\nСейчас обращений больше обычного. Ожидаемое время ответа: {{answer.by}}.\n\nСтатус обращения: {{portal.url}}',
    },
    lv: {
      subject: '[#{{ticket.number}}] Jūsu pieteikums ir saņemts: {{ticket.subject}}',
      body: 'Labdien, {{requester.name}}!\n\nPaldies, ka sazinājāties ar mums. Pieteikuma numurs ir {{ticket.number}}.\nPašlaik gaida daudz pieteikumu. Paredzamais atbildes laiks: {{answer.by}}.\n\nPieteikuma statuss: {{portal.url}}',
    },
  },
  'status.pending': {
    en: {
      subject: '[#{{ticket.number}}] We are waiting for your answer: {{ticket.subject}}',
      body: 'Hello {{requester.name}},\n\nto go on with request {{ticket.number}} we need an answer from you. Reply to this message or write here: {{portal.url}}',
    },
    pl: {
      subject: '[#{{ticket.number}}] Czekamy na Państwa odpowiedź: {{ticket.subject}}',
      body: 'Dzień dobry {{requester.name}},\n\naby kontynuować zgłoszenie {{ticket.number}}, potrzebujemy Państwa odpowiedzi. Prosimy odpowiedzieć na tę wiadomość lub napisać tutaj: {{portal.url}}',
    },
    ru: {
      subject: '[#{{ticket.number}}] Ждём вашего ответа: {{ticket.subject}}',
      body: 'Здравствуйте, {{requester.name}}!\n\nЧтобы продолжить работу по обращению {{ticket.number}}, нам нужен ваш ответ. Ответьте на это письмо или напишите здесь: {{portal.url}}',
    },
    lv: {
      subject: '[#{{ticket.number}}] Gaidām jūsu atbildi: {{ticket.subject}}',
      body: 'Labdien, {{requester.name}}!\n\nLai turpinātu darbu ar pieteikumu {{ticket.number}}, mums vajadzīga jūsu atbilde. Atbildiet uz šo vēstuli vai rakstiet šeit: {{portal.url}}',
    },
  },
  'status.solved': {
    en: {
      subject: '[#{{ticket.number}}] Solved: {{ticket.subject}}',
      body: 'Hello {{requester.name}},\n\nwe have marked request {{ticket.number}} as solved. If something is still wrong, just reply to this message.\n\nHow did we do? {{survey.url}}',
    },
    pl: {
      subject: '[#{{ticket.number}}] Rozwiązane: {{ticket.subject}}',
      body: 'Dzień dobry {{requester.name}},\n\noznaczyliśmy zgłoszenie {{ticket.number}} jako rozwiązane. Jeśli problem nadal występuje, wystarczy odpowiedzieć na tę wiadomość.\n\nJak oceniają Państwo naszą pomoc? {{survey.url}}',
    },
    ru: {
      subject: '[#{{ticket.number}}] Решено: {{ticket.subject}}',
      body: 'Здравствуйте, {{requester.name}}!\n\nОбращение {{ticket.number}} отмечено как решённое. Если проблема осталась, просто ответьте на это письмо.\n\nОцените, пожалуйста, нашу работу: {{survey.url}}',
    },
    lv: {
      subject: '[#{{ticket.number}}] Atrisināts: {{ticket.subject}}',
      body: 'Labdien, {{requester.name}}!\n\nPieteikums {{ticket.number}} ir atzīmēts kā atrisināts. Ja problēma joprojām pastāv, vienkārši atbildiet uz šo vēstuli.\n\nKā vērtējat mūsu palīdzību? {{survey.url}}',
    },
  },
  reply: {
    en: { subject: '[#{{ticket.number}}] Re: {{ticket.subject}}', body: '{{message.body}}\n\n{{agent.name}}\n--\nRequest {{ticket.number}}: {{portal.url}}' },
    pl: { subject: '[#{{ticket.number}}] Re: {{ticket.subject}}', body: '{{message.body}}\n\n{{agent.name}}\n--\nZgłoszenie {{ticket.number}}: {{portal.url}}' },
    ru: { subject: '[#{{ticket.number}}] Re: {{ticket.subject}}', body: '{{message.body}}\n\n{{agent.name}}\n--\nОбращение {{ticket.number}}: {{portal.url}}' },
    lv: { subject: '[#{{ticket.number}}] Re: {{ticket.subject}}', body: '{{message.body}}\n\n{{agent.name}}\n--\nPieteikums {{ticket.number}}: {{portal.url}}' },
  },
  'portal.link': {
    en: { subject: 'Your link to your requests', body: 'Hello {{requester.name}},\n\nopen this link to see your requests: {{link.url}}\nIt works until {{link.expires}}. If you did not ask for it, ignore this message.' },
    pl: { subject: 'Link do Państwa zgłoszeń', body: 'Dzień dobry {{requester.name}},\n\nzgłoszenia można zobaczyć pod tym linkiem: {{link.url}}\nLink jest ważny do: {{link.expires}}. Jeśli to nie Państwo o niego prosili, prosimy zignorować tę wiadomość.' },
    ru: { subject: 'Ссылка на ваши обращения', body: 'Здравствуйте, {{requester.name}}!\n\nВаши обращения доступны по ссылке: {{link.url}}\nСсылка действует до: {{link.expires}}. Если вы её не запрашивали, просто проигнорируйте это письмо.' },
    lv: { subject: 'Saite uz jūsu pieteikumiem', body: 'Labdien, {{requester.name}}!\n\nJūsu pieteikumi ir pieejami šajā saitē: {{link.url}}\nSaite ir derīga līdz: {{link.expires}}. Ja to nepieprasījāt, ignorējiet šo vēstuli.' },
  },
  'chat.fallback': {
    en: { subject: '[#{{ticket.number}}] Answer to your chat: {{ticket.subject}}', body: 'Hello {{requester.name}},\n\nyou had left the chat when we answered, so here is our answer:\n\n{{message.body}}\n\n{{agent.name}}\n--\nReply to this message to go on. Request {{ticket.number}}: {{portal.url}}' },
    pl: { subject: '[#{{ticket.number}}] Odpowiedź na czat: {{ticket.subject}}', body: 'Dzień dobry {{requester.name}},\n\nnie było już Państwa na czacie, gdy odpowiedzieliśmy, więc przesyłamy odpowiedź e-mailem:\n\n{{message.body}}\n\n{{agent.name}}\n--\nAby kontynuować, wystarczy odpowiedzieć na tę wiadomość. Zgłoszenie {{ticket.number}}: {{portal.url}}' },
    ru: { subject: '[#{{ticket.number}}] Ответ на ваш чат: {{ticket.subject}}', body: 'Здравствуйте, {{requester.name}}!\n\nКогда мы ответили, вы уже покинули чат, поэтому отправляем ответ по почте:\n\n{{message.body}}\n\n{{agent.name}}\n--\nЧтобы продолжить, ответьте на это письмо. Обращение {{ticket.number}}: {{portal.url}}' },
    lv: { subject: '[#{{ticket.number}}] Atbilde uz jūsu tērzēšanu: {{ticket.subject}}', body: 'Labdien, {{requester.name}}!\n\nKad atbildējām, jūs jau bijāt pametis tērzēšanu, tāpēc sūtām atbildi e-pastā:\n\n{{message.body}}\n\n{{agent.name}}\n--\nLai turpinātu, atbildiet uz šo vēstuli. Pieteikums {{ticket.number}}: {{portal.url}}' },
  },
  'escalation.vendor': {
    en: {
      subject: '[#{{ticket.number}}] Escalation ({{ticket.priority}}): {{ticket.subject}}',
      body: 'Hello {{vendor.name}} support,\n\nwe are escalating our request {{ticket.number}} to you: {{ticket.subject}}\nPriority: {{ticket.priority}}\nWhy: {{escalation.reason}}\nEscalated by: {{escalated.by}}\n\nPlease reply to this message and keep [#{{ticket.number}}] in the subject, so your answer reaches the engineers working on it.',
    },
    pl: {
      subject: '[#{{ticket.number}}] Eskalacja ({{ticket.priority}}): {{ticket.subject}}',
      body: 'Dzień dobry, zespole wsparcia {{vendor.name}},\n\nprzekazujemy Państwu nasze zgłoszenie {{ticket.number}}: {{ticket.subject}}\nPriorytet: {{ticket.priority}}\nPowód: {{escalation.reason}}\nEskalował(a): {{escalated.by}}\n\nProsimy o odpowiedź na tę wiadomość z zachowaniem [#{{ticket.number}}] w temacie, aby trafiła do inżynierów, którzy się nim zajmują.',
    },
    ru: {
      subject: '[#{{ticket.number}}] Эскалация ({{ticket.priority}}): {{ticket.subject}}',
      body: 'Здравствуйте, служба поддержки {{vendor.name}}!\n\nМы передаём вам нашу заявку {{ticket.number}}: {{ticket.subject}}\nПриоритет: {{ticket.priority}}\nПричина: {{escalation.reason}}\nЭскалировал(а): {{escalated.by}}\n\nПожалуйста, ответьте на это письмо, сохранив [#{{ticket.number}}] в теме, чтобы ответ дошёл до инженеров, которые ею занимаются.',
    },
    lv: {
      subject: '[#{{ticket.number}}] Eskalācija ({{ticket.priority}}): {{ticket.subject}}',
      body: 'Labdien, {{vendor.name}} atbalsta komanda!\n\nMēs nododam jums mūsu pieteikumu {{ticket.number}}: {{ticket.subject}}\nPrioritāte: {{ticket.priority}}\nIemesls: {{escalation.reason}}\nEskalēja: {{escalated.by}}\n\nLūdzu, atbildiet uz šo vēstuli, saglabājot [#{{ticket.number}}] tēmā, lai atbilde nonāktu pie inženieriem, kas ar to strādā.',
    },
  },
};
