import type { ChatAction, HandoverReason } from '../../../shared/chat/protocol.js';
import type { CustomerLocale } from '../../../shared/notifications/templates.js';

export interface BotPhrases {
  /** The name the widget shows over the assistant's lines. */
  botName: string;
  greeting(name: string): string;
  /** Out of hours the assistant says so first: nobody will read a handover before the desk opens. */
  greetingClosed(name: string): string;
  /** For "hello" and other words that say nothing to search by. */
  describe: string;
  offer: string;
  askSolved: string;
  resolved: string;
  handover: Record<HandoverReason, string>;
  /** What a button press reads as in the transcript, in the visitor's voice. */
  action: Record<ChatAction, string>;
}

/** Everything the assistant says, in each language the desk answers in. */
export const botPhrases: Record<CustomerLocale, BotPhrases> = {
  en: {
    botName: 'Assistant',
    greeting: (name) => `Hello ${name}! I am the help-desk assistant. Tell me in a few words what is wrong and I will look for an answer in our help centre. You can ask for a person at any time.`,
    greetingClosed: (name) =>
      `Hello ${name}! Our team is away right now, but I am here around the clock. Tell me in a few words what is wrong and I will look for an answer in our help centre. If I cannot help, a person will answer as soon as we are back.`,
    describe: 'Could you describe the problem in a few words?',
    offer: 'These articles may help:',
    askSolved: 'Did this solve your problem?',
    resolved: 'Glad I could help! This chat is now closed; start a new one any time.',
    handover: {
      asked: 'Of course. I am passing you to a person; everything you wrote here goes with you.',
      no_match: 'I could not find an answer to that, so I am passing your question to a person.',
      critical: 'That sounds urgent. I am passing you to a person straight away.',
      not_solved: 'Sorry that did not help. I am passing you to a person.',
    },
    action: { solved: 'Yes, that solved it.', not_solved: 'No, that did not help.', human: 'I would like to talk to a person.' },
  },
  pl: {
    botName: 'Asystent',
    greeting: (name) =>
      `Dzień dobry, ${name}! Jestem asystentem działu wsparcia. Proszę opisać w kilku słowach, co się stało, a poszukam odpowiedzi w naszym centrum pomocy. W każdej chwili można poprosić o rozmowę z konsultantem.`,
    greetingClosed: (name) =>
      `Dzień dobry, ${name}! Nasz zespół jest teraz poza godzinami pracy, ale ja jestem dostępny całą dobę. Proszę opisać w kilku słowach, co się stało, a poszukam odpowiedzi w naszym centrum pomocy. Jeśli nie pomogę, konsultant odpowie, gdy tylko wrócimy.`,
    describe: 'Czy może Pan/Pani opisać problem w kilku słowach?',
    offer: 'Te artykuły mogą pomóc:',
    askSolved: 'Czy to rozwiązało problem?',
    resolved: 'Cieszę się, że mogłem pomóc! Ten czat jest już zamknięty; w każdej chwili można rozpocząć nowy.',
    handover: {
      asked: 'Oczywiście. Przekazuję rozmowę konsultantowi; wszystko, co Pan/Pani tu napisał(a), trafi razem z nią.',
      no_match: 'Nie znalazłem odpowiedzi na to pytanie, więc przekazuję je konsultantowi.',
      critical: 'To brzmi pilnie. Od razu przekazuję rozmowę konsultantowi.',
      not_solved: 'Przykro mi, że to nie pomogło. Przekazuję rozmowę konsultantowi.',
    },
    action: { solved: 'Tak, to rozwiązało problem.', not_solved: 'Nie, to nie pomogło.', human: 'Chcę porozmawiać z konsultantem.' },
  },
  ru: {
    botName: 'Ассистент',
    greeting: (name) =>
      `Здравствуйте, ${name}! Я ассистент службы поддержки. Опишите в нескольких словах, что случилось, и я поищу ответ в нашем справочном центре. В любой момент можно попросить соединить с сотрудником.`,
    greetingClosed: (name) =>
      `Здравствуйте, ${name}! Сейчас наша команда не работает, но я на связи круглосуточно. Опишите в нескольких словах, что случилось, и я поищу ответ в нашем справочном центре. Если я не смогу помочь, сотрудник ответит, как только мы вернёмся.`,
    describe: 'Опишите, пожалуйста, проблему в нескольких словах.',
    offer: 'Возможно, помогут эти статьи:',
    askSolved: 'Это решило вашу проблему?',
    resolved: 'Рад, что смог помочь! Этот чат закрыт; новый можно начать в любой момент.',
    handover: {
      asked: 'Конечно. Передаю вас сотруднику; всё, что вы здесь написали, он увидит.',
      no_match: 'Я не нашёл ответа на этот вопрос, поэтому передаю его сотруднику.',
      critical: 'Похоже, это срочно. Сразу передаю вас сотруднику.',
      not_solved: 'Жаль, что это не помогло. Передаю вас сотруднику.',
    },
    action: { solved: 'Да, это решило проблему.', not_solved: 'Нет, это не помогло.', human: 'Я хочу поговорить с сотрудником.' },
  },
  lv: {
    botName: 'Asistents',
    greeting: (name) =>
      `Labdien, ${name}! Esmu atbalsta dienesta asistents. Dažos vārdos aprakstiet, kas noticis, un es meklēšu atbildi mūsu palīdzības centrā. Jebkurā brīdī varat lūgt sarunu ar darbinieku.`,
    greetingClosed: (name) =>
      `Labdien, ${name}! Mūsu komanda pašlaik nestrādā, bet es esmu pieejams visu diennakti. Dažos vārdos aprakstiet, kas noticis, un es meklēšu atbildi mūsu palīdzības centrā. Ja nevarēšu palīdzēt, darbinieks atbildēs, tiklīdz būsim atpakaļ.`,
    describe: 'Lūdzu, aprakstiet problēmu dažos vārdos.',
    offer: 'Šie raksti varētu palīdzēt:',
    askSolved: 'Vai tas atrisināja jūsu problēmu?',
    resolved: 'Priecājos, ka varēju palīdzēt! Šī tērzēšana ir slēgta; jaunu varat sākt jebkurā laikā.',
    handover: {
      asked: 'Protams. Nododu jūs darbiniekam; viss, ko šeit uzrakstījāt, tiks nodots kopā ar sarunu.',
      no_match: 'Neatradu atbildi uz šo jautājumu, tāpēc nododu to darbiniekam.',
      critical: 'Izklausās steidzami. Uzreiz nododu jūs darbiniekam.',
      not_solved: 'Žēl, ka tas nepalīdzēja. Nododu jūs darbiniekam.',
    },
    action: { solved: 'Jā, tas atrisināja problēmu.', not_solved: 'Nē, tas nepalīdzēja.', human: 'Vēlos runāt ar darbinieku.' },
  },
};
