import type { Article } from '../../../shared/domain/knowledge.js';

/** An article as the catalog writes it; it becomes version 1 when seeded. */
type CatalogArticle = Omit<Article, 'version' | 'updatedAt'>;

interface ArticleText {
  title: string;
  body: string;
}

interface Topic {
  slug: string;
  isPublic: boolean;
  en: ArticleText;
  pl: ArticleText;
}

// Each topic is written once with both languages side by side, so a translation can't drift or go missing.
const topics: readonly Topic[] = [
  // ── Customer-facing ───────────────────────────────────────────────
  {
    slug: 'reset-password',
    isPublic: true,
    en: {
      title: 'How to reset your password',
      body: 'If you have forgotten your password, you can set a new one yourself in under a minute.\n1. Open the sign-in page and click "Forgot password?".\n2. Enter the email address you sign in with and submit the form.\n3. Open the email from no-reply@shiftdesk.example and click the link within 60 minutes.\n4. Choose a new password of at least 12 characters; you will be signed in automatically.\nIf the link has expired, request a new one – only the most recent link works. Resetting your password signs you out on all other devices.',
    },
    pl: {
      title: 'Jak zresetować hasło',
      body: 'Jeśli nie pamiętasz hasła, możesz samodzielnie ustawić nowe w niecałą minutę.\n1. Na stronie logowania kliknij „Nie pamiętasz hasła?”.\n2. Podaj adres e-mail, którego używasz do logowania, i zatwierdź formularz.\n3. Otwórz wiadomość od no-reply@shiftdesk.example i kliknij link w ciągu 60 minut.\n4. Ustaw nowe hasło o długości co najmniej 12 znaków – zostaniesz zalogowany automatycznie.\nJeśli link wygasł, wygeneruj nowy – działa tylko ostatnio wysłany link. Zmiana hasła wylogowuje Cię ze wszystkich pozostałych urządzeń.',
    },
  },
  {
    slug: 'two-factor-authentication',
    isPublic: true,
    en: {
      title: 'Turning on two-factor authentication',
      body: 'Two-factor authentication (2FA) protects your account even if your password leaks.\n1. Go to Profile → Security and click "Enable 2FA".\n2. Scan the QR code with an authenticator app such as Google Authenticator, Microsoft Authenticator or 1Password.\n3. Enter the six-digit code from the app to confirm.\n4. Download or print your ten backup codes and keep them somewhere safe, away from your phone.\nEach backup code works once. Admins can require 2FA for every agent under Settings → Security.',
    },
    pl: {
      title: 'Włączanie uwierzytelniania dwuskładnikowego',
      body: 'Uwierzytelnianie dwuskładnikowe (2FA) chroni konto nawet wtedy, gdy hasło wycieknie.\n1. Przejdź do Profil → Bezpieczeństwo i kliknij „Włącz 2FA”.\n2. Zeskanuj kod QR aplikacją uwierzytelniającą, np. Google Authenticator, Microsoft Authenticator lub 1Password.\n3. Wpisz sześciocyfrowy kod z aplikacji, aby potwierdzić.\n4. Pobierz lub wydrukuj dziesięć kodów zapasowych i przechowuj je w bezpiecznym miejscu, z dala od telefonu.\nKażdy kod zapasowy działa tylko raz. Administrator może wymagać 2FA od wszystkich agentów w Ustawienia → Bezpieczeństwo.',
    },
  },
  {
    slug: 'lost-2fa-device',
    isPublic: true,
    en: {
      title: 'Lost your phone? Signing in with 2FA enabled',
      body: 'If you can no longer open your authenticator app, sign in with one of your backup codes: on the code screen click "Use a backup code". Once you are in, go to Profile → Security, turn 2FA off and set it up again on your new phone. If you have no backup codes left, ask an admin in your organisation to reset 2FA for you under Settings → Agents. If you are the only admin, contact support from the email address on the account. For your security we confirm your identity with a call-back to the phone number on file before removing 2FA, so please make sure someone can answer it.',
    },
    pl: {
      title: 'Zgubiony telefon? Logowanie przy włączonym 2FA',
      body: 'Jeśli nie masz już dostępu do aplikacji uwierzytelniającej, zaloguj się jednym z kodów zapasowych: na ekranie kodu kliknij „Użyj kodu zapasowego”. Po zalogowaniu przejdź do Profil → Bezpieczeństwo, wyłącz 2FA i skonfiguruj je ponownie na nowym telefonie. Jeśli nie masz kodów zapasowych, poproś administratora w swojej organizacji o zresetowanie 2FA w Ustawienia → Agenci. Jeśli jesteś jedynym administratorem, napisz do wsparcia z adresu e-mail przypisanego do konta. Ze względów bezpieczeństwa przed wyłączeniem 2FA potwierdzamy tożsamość, oddzwaniając na numer telefonu zapisany w koncie – upewnij się, że ktoś go odbierze.',
    },
  },
  {
    slug: 'password-reset-email-missing',
    isPublic: true,
    en: {
      title: "The password reset email didn't arrive",
      body: 'Reset emails are normally delivered within a minute. If yours has not arrived:\n1. Check your spam or junk folder and any quarantine your IT team runs.\n2. Make sure you entered the exact address you sign in with – aliases and shared mailboxes do not receive reset links.\n3. Ask your IT team to allow mail from no-reply@shiftdesk.example and the sending domain mail.shiftdesk.example.\n4. Wait five minutes before requesting another link, because each new request cancels the previous one.\nIf your company recently changed mail provider, its spam filter may be rejecting our messages; your admin can send us the bounce message and we will help.',
    },
    pl: {
      title: 'Nie dotarł e-mail z resetem hasła',
      body: 'Wiadomości z resetem hasła zwykle docierają w ciągu minuty. Jeśli Twoja nie dotarła:\n1. Sprawdź folder SPAM oraz kwarantannę prowadzoną przez Twój dział IT.\n2. Upewnij się, że podany adres jest dokładnie tym, którego używasz do logowania – aliasy i skrzynki współdzielone nie otrzymują linków.\n3. Poproś dział IT o dopuszczenie poczty od no-reply@shiftdesk.example i z domeny mail.shiftdesk.example.\n4. Odczekaj pięć minut przed ponownym żądaniem, bo każde nowe żądanie unieważnia poprzedni link.\nJeśli Twoja firma niedawno zmieniła dostawcę poczty, jego filtr antyspamowy może odrzucać nasze wiadomości – administrator może przesłać nam komunikat o odrzuceniu, a my pomożemy.',
    },
  },
  {
    slug: 'download-invoices',
    isPublic: true,
    en: {
      title: 'Finding and downloading your invoices',
      body: 'Account owners and billing admins can find every invoice under Settings → Billing → Invoices. Each invoice can be downloaded as a PDF, and the list can be exported to CSV for your accounting system. Invoices are issued on the day your subscription renews and emailed to the billing contact. To send them to a different address, such as a shared accounts mailbox, change the billing contact on the same page. An invoice is only created once a payment succeeds, so if a card payment failed, fix the payment method first.',
    },
    pl: {
      title: 'Gdzie znaleźć i jak pobrać faktury',
      body: 'Właściciel konta i administratorzy rozliczeń znajdą wszystkie faktury w Ustawienia → Płatności → Faktury. Każdą fakturę można pobrać jako PDF, a listę wyeksportować do CSV dla systemu księgowego. Faktura jest wystawiana w dniu odnowienia subskrypcji i wysyłana na adres kontaktu ds. rozliczeń. Aby otrzymywać faktury na inny adres, np. wspólną skrzynkę księgowości, zmień kontakt ds. rozliczeń na tej samej stronie. Faktura powstaje dopiero po udanej płatności – jeśli płatność kartą się nie powiodła, najpierw popraw metodę płatności.',
    },
  },
  {
    slug: 'vat-number-on-invoices',
    isPublic: true,
    en: {
      title: 'Adding your VAT number to invoices',
      body: 'Businesses in the EU can add a VAT ID so that it appears on every invoice and, where it applies, the reverse charge is used.\n1. Go to Settings → Billing → Company details.\n2. Enter your VAT number with its country prefix, for example PL1234567890 or LV40000000000.\n3. Save – the number is checked against the EU VIES database.\nThe VAT ID only appears on invoices issued after you save it. To have an earlier invoice reissued with the number, contact support with the invoice number.',
    },
    pl: {
      title: 'Dodawanie numeru NIP / VAT UE do faktur',
      body: 'Firmy z UE mogą dodać numer VAT, aby pojawiał się na każdej fakturze, a tam, gdzie to możliwe, stosowane było odwrotne obciążenie.\n1. Przejdź do Ustawienia → Płatności → Dane firmy.\n2. Wpisz numer VAT z prefiksem kraju, np. PL1234567890.\n3. Zapisz – numer zostanie zweryfikowany w bazie VIES.\nNumer pojawi się tylko na fakturach wystawionych po zapisaniu zmian. Jeśli potrzebujesz korekty wcześniejszej faktury, napisz do wsparcia i podaj jej numer.',
    },
  },
  {
    slug: 'refund-policy',
    isPublic: true,
    en: {
      title: 'Refunds: what we refund and how to ask',
      body: 'Duplicate charges and billing errors are refunded in full, no matter when you notice them. Annual plans can be cancelled with a full refund within 14 days of purchase; after that, unused months are not refunded, but you keep access until the end of the term. Removing seats mid-term gives you account credit rather than cash, applied to your next invoice. To request a refund, open a billing ticket with the invoice number and the reason. Approved refunds go back to the original payment method and usually show on your statement within 5–10 business days.',
    },
    pl: {
      title: 'Zwroty: co zwracamy i jak o to poprosić',
      body: 'Podwójne obciążenia i błędy w rozliczeniach zwracamy w całości, niezależnie od tego, kiedy je zauważysz. Plan roczny można anulować z pełnym zwrotem w ciągu 14 dni od zakupu; później niewykorzystane miesiące nie podlegają zwrotowi, ale dostęp pozostaje aktywny do końca okresu. Usunięcie licencji w trakcie okresu rozliczeniowego daje środki na koncie, a nie zwrot gotówki – zostaną odliczone od następnej faktury. Aby poprosić o zwrot, utwórz zgłoszenie rozliczeniowe z numerem faktury i powodem. Zatwierdzony zwrot trafia na pierwotną metodę płatności i zwykle jest widoczny na wyciągu w ciągu 5–10 dni roboczych.',
    },
  },
  {
    slug: 'card-declined',
    isPublic: true,
    en: {
      title: 'Why was my card declined?',
      body: 'A decline almost always comes from your card issuer, and we only receive a generic code. The most common causes are:\n1. The 3-D Secure confirmation was not completed in your banking app.\n2. The card has a limit on online or foreign-currency payments.\n3. The billing address or postcode does not match what the bank has on file.\n4. The card has expired or was replaced.\nAsk your bank to allow the payment, then retry under Settings → Billing → Payment method. If payments keep failing, annual plans can also be paid by bank transfer.',
    },
    pl: {
      title: 'Dlaczego moja karta została odrzucona?',
      body: 'Odmowę niemal zawsze wydaje bank, który wystawił kartę, a my otrzymujemy jedynie ogólny kod błędu. Najczęstsze przyczyny to:\n1. Płatność nie została potwierdzona w aplikacji bankowej (3-D Secure).\n2. Karta ma limit płatności internetowych lub w obcej walucie.\n3. Adres rozliczeniowy lub kod pocztowy nie zgadza się z danymi w banku.\n4. Karta wygasła lub została wymieniona.\nPoproś bank o odblokowanie płatności i spróbuj ponownie w Ustawienia → Płatności → Metoda płatności. Jeśli płatności nadal się nie udają, plan roczny można opłacić przelewem.',
    },
  },
  {
    slug: 'change-plan-annual-billing',
    isPublic: true,
    en: {
      title: 'Changing plan or switching to annual billing',
      body: 'Owners and billing admins can change plan under Settings → Billing → Plan. Upgrades take effect immediately and you pay a prorated amount for the rest of the current period. Downgrades take effect at the next renewal, so you keep the features you paid for until then. Switching from monthly to annual billing gives you two months free and can start either today or at your next renewal date. If you need a quote or pro-forma invoice for your purchasing department first, open a billing ticket.',
    },
    pl: {
      title: 'Zmiana planu lub przejście na rozliczenie roczne',
      body: 'Właściciel konta i administratorzy rozliczeń mogą zmienić plan w Ustawienia → Płatności → Plan. Zmiana na wyższy plan działa od razu, a za resztę bieżącego okresu płacisz proporcjonalnie. Zmiana na niższy plan wchodzi w życie przy najbliższym odnowieniu, więc do tego czasu zachowujesz opłacone funkcje. Przejście z rozliczenia miesięcznego na roczne daje dwa miesiące gratis i może zacząć się od dziś lub od daty najbliższego odnowienia. Jeśli dział zakupów potrzebuje najpierw oferty lub faktury pro forma, utwórz zgłoszenie rozliczeniowe.',
    },
  },
  {
    slug: 'update-billing-details',
    isPublic: true,
    en: {
      title: 'Updating company name, billing address or invoice email',
      body: 'You can update the legal company name, address and billing contact yourself under Settings → Billing → Company details. Changes apply from the next invoice; invoices already issued are not changed automatically. If you need a corrected copy of an earlier invoice, for example after a rebrand or merger, open a billing ticket with the invoice numbers. Moving the contract to a different legal entity requires a short written request from the current account owner.',
    },
    pl: {
      title: 'Zmiana nazwy firmy, adresu lub e-maila do faktur',
      body: 'Nazwę firmy, adres i kontakt ds. rozliczeń możesz zmienić samodzielnie w Ustawienia → Płatności → Dane firmy. Zmiany obowiązują od następnej faktury; już wystawione faktury nie zmieniają się automatycznie. Jeśli potrzebujesz faktury korygującej, np. po zmianie nazwy lub połączeniu spółek, utwórz zgłoszenie rozliczeniowe z numerami faktur. Przeniesienie umowy na inny podmiot wymaga krótkiej pisemnej prośby od obecnego właściciela konta.',
    },
  },
  {
    slug: 'vpn-client-windows',
    isPublic: true,
    en: {
      title: 'Setting up the VPN client on Windows',
      body: '1. Sign in to the customer portal and go to Network → VPN → Download profile.\n2. Install the VPN client for Windows from the same page; this step needs local administrator rights.\n3. Open the client, choose "Import profile" and select the downloaded .conf file.\n4. Click Connect and sign in with your usual company credentials and 2FA code.\nWhen the tunnel is up, the tray icon turns green and intranet addresses should open. Profiles are personal – every colleague needs to download their own.',
    },
    pl: {
      title: 'Konfiguracja klienta VPN w systemie Windows',
      body: '1. Zaloguj się do portalu klienta i przejdź do Sieć → VPN → Pobierz profil.\n2. Zainstaluj klienta VPN dla Windows z tej samej strony – do tego kroku potrzebne są uprawnienia administratora lokalnego.\n3. Uruchom klienta, wybierz „Importuj profil” i wskaż pobrany plik .conf.\n4. Kliknij Połącz i zaloguj się firmowymi danymi oraz kodem 2FA.\nPo zestawieniu tunelu ikona w zasobniku systemowym zmieni kolor na zielony, a adresy intranetowe powinny się otwierać. Profile są imienne – każdy pracownik musi pobrać własny.',
    },
  },
  {
    slug: 'vpn-client-macos',
    isPublic: true,
    en: {
      title: 'Setting up the VPN client on macOS',
      body: '1. Download your personal profile from the customer portal under Network → VPN → Download profile.\n2. Install the VPN client using the Mac App Store link on the same page.\n3. Open the client, click +, choose "Import from file" and select the profile.\n4. When macOS asks to add VPN configurations, click Allow and confirm with Touch ID or your password.\n5. Switch the tunnel on from the menu bar icon.\nIf your computer runs antivirus or firewall software with its own network filter, it may need an exception for the VPN client.',
    },
    pl: {
      title: 'Konfiguracja klienta VPN w systemie macOS',
      body: '1. Pobierz swój profil z portalu klienta: Sieć → VPN → Pobierz profil.\n2. Zainstaluj klienta VPN z Mac App Store, korzystając z linku na tej samej stronie.\n3. Uruchom klienta, kliknij +, wybierz „Importuj z pliku” i wskaż profil.\n4. Gdy macOS zapyta o dodanie konfiguracji VPN, kliknij Pozwól i potwierdź Touch ID lub hasłem.\n5. Włącz tunel z ikony na pasku menu.\nJeśli na komputerze działa antywirus lub zapora z własnym filtrem sieciowym, może być potrzebny wyjątek dla klienta VPN.',
    },
  },
  {
    slug: 'vpn-keeps-disconnecting',
    isPublic: true,
    en: {
      title: 'VPN keeps disconnecting',
      body: 'Frequent disconnects are usually caused by the local network rather than the VPN gateway.\n1. Check whether it also happens on another network, such as a phone hotspot – if not, your home router or Wi-Fi is the likely cause.\n2. Turn off power saving for the network adapter (Windows: Device Manager → adapter → Power Management).\n3. Make sure the device clock is set automatically.\n4. Update the VPN client to the latest version.\nIf drops continue, note the exact times, export the client log via Help → Export logs and attach it to a ticket. Drops at a fixed interval, such as every 10 or 60 minutes, often point to a key renegotiation problem that our network team can check on the gateway.',
    },
    pl: {
      title: 'VPN ciągle się rozłącza',
      body: 'Częste rozłączenia zwykle wynikają z problemów w sieci lokalnej, a nie z bramy VPN.\n1. Sprawdź, czy problem występuje też w innej sieci, np. na hotspocie z telefonu – jeśli nie, przyczyną jest najpewniej domowy router lub Wi-Fi.\n2. Wyłącz oszczędzanie energii dla karty sieciowej (Windows: Menedżer urządzeń → karta sieciowa → Zarządzanie energią).\n3. Upewnij się, że zegar urządzenia ustawia się automatycznie.\n4. Zaktualizuj klienta VPN do najnowszej wersji.\nJeśli rozłączenia się powtarzają, zanotuj dokładne godziny, wyeksportuj log klienta (Pomoc → Eksportuj logi) i dołącz go do zgłoszenia. Rozłączenia w stałych odstępach, np. co 10 lub 60 minut, często wskazują na problem z renegocjacją kluczy, który nasz zespół sieciowy sprawdzi na bramie.',
    },
  },
  {
    slug: 'dns-over-vpn',
    isPublic: true,
    en: {
      title: "Internal hostnames don't resolve over VPN",
      body: 'If you can reach internal servers by IP address but not by name, DNS queries are probably not going through the tunnel.\n1. Disconnect and reconnect the VPN so it pushes its DNS settings again.\n2. Clear the DNS cache: on Windows run ipconfig /flushdns, on macOS run sudo dscacheutil -flushcache.\n3. Run nslookup with the internal hostname and check which server answered – it should be the internal DNS server shown in the portal.\n4. If another server answers, turn off "secure DNS" (DNS over HTTPS) in your browser and any third-party DNS filter.\nIf the problem affects everyone in your company, open a ticket so our network team can check the DNS settings pushed by the gateway.',
    },
    pl: {
      title: 'Nazwy wewnętrzne nie rozwiązują się przez VPN',
      body: 'Jeśli serwery wewnętrzne odpowiadają po adresie IP, ale nie po nazwie, zapytania DNS najprawdopodobniej nie przechodzą przez tunel.\n1. Rozłącz i ponownie połącz VPN, aby ustawienia DNS zostały przesłane jeszcze raz.\n2. Wyczyść pamięć podręczną DNS: w Windows polecenie ipconfig /flushdns, w macOS sudo dscacheutil -flushcache.\n3. Uruchom nslookup z nazwą wewnętrzną i sprawdź, który serwer odpowiedział – powinien to być wewnętrzny serwer DNS podany w portalu.\n4. Jeśli odpowiada inny serwer, wyłącz „bezpieczny DNS” (DNS over HTTPS) w przeglądarce oraz zewnętrzne filtry DNS.\nJeśli problem dotyczy całej firmy, utwórz zgłoszenie – nasz zespół sieciowy sprawdzi ustawienia DNS przekazywane przez bramę.',
    },
  },
  {
    slug: 'status-page',
    isPublic: true,
    en: {
      title: 'Checking service status and subscribing to updates',
      body: 'Our status page at https://status.shiftdesk.example shows the current state of every component – web app, API, email processing and VPN gateways – and any ongoing incidents. Click "Subscribe to updates" to get an email, SMS or webhook whenever an incident is opened, updated or resolved. During an incident we post an update at least every 30 minutes, even when there is nothing new to report. Planned maintenance is announced at least 72 hours ahead. If you are affected by something that is not on the status page, open a ticket – it may be specific to your account or network.',
    },
    pl: {
      title: 'Sprawdzanie statusu usług i subskrypcja powiadomień',
      body: 'Strona statusu https://status.shiftdesk.example pokazuje bieżący stan wszystkich komponentów – aplikacji webowej, API, obsługi poczty i bram VPN – oraz trwające awarie. Kliknij „Subskrybuj aktualizacje”, aby otrzymywać e-mail, SMS lub webhook przy każdym otwarciu, aktualizacji i zamknięciu incydentu. W trakcie awarii publikujemy informację co najmniej co 30 minut, nawet jeśli nie ma nowych wieści. Planowane prace serwisowe ogłaszamy z co najmniej 72-godzinnym wyprzedzeniem. Jeśli problem, który Cię dotyczy, nie jest widoczny na stronie statusu, utwórz zgłoszenie – może dotyczyć tylko Twojego konta lub sieci.',
    },
  },
  {
    slug: 'contact-support-24-7',
    isPublic: true,
    en: {
      title: 'How to contact support, 24/7',
      body: 'Our support team works around the clock, every day of the year, including weekends and public holidays. For urgent problems that stop your team from working, call the support number shown in the portal under Help → Contact or start a live chat – these get the fastest response. For everything else, email support@shiftdesk.example or use the form in the customer portal. We answer on social media too, but please never post account details publicly. Whatever the channel, you receive a ticket number by email; quote it whenever you contact us about the same issue.',
    },
    pl: {
      title: 'Jak skontaktować się ze wsparciem 24/7',
      body: 'Nasz zespół wsparcia pracuje całą dobę, przez cały rok, także w weekendy i święta. W pilnych sprawach, które blokują pracę zespołu, zadzwoń pod numer podany w portalu w zakładce Pomoc → Kontakt lub rozpocznij czat – te kanały mają najkrótszy czas reakcji. W pozostałych sprawach napisz na support@shiftdesk.example lub skorzystaj z formularza w portalu klienta. Odpowiadamy również w mediach społecznościowych, ale nigdy nie publikuj tam danych konta. Niezależnie od kanału otrzymasz e-mailem numer zgłoszenia – podawaj go przy każdym kontakcie w tej samej sprawie.',
    },
  },
  {
    slug: 'priorities-and-response-times',
    isPublic: true,
    en: {
      title: 'How we prioritise tickets and our response times',
      body: 'Every ticket gets a priority based on impact and urgency:\nCritical – the service is down or unusable for your whole team.\nHigh – a key feature is broken for many users and there is no workaround.\nMedium – a problem with a workaround, or a single user affected.\nLow – questions, how-to requests and feature ideas.\nFirst-response targets for premium customers are 5 minutes (critical), 15 minutes (high), 1 hour (medium) and 4 hours (low); for standard customers they are 15 minutes, 1 hour, 4 hours and 24 hours. While a ticket is waiting for your reply, the clock is paused.',
    },
    pl: {
      title: 'Priorytety zgłoszeń i czasy reakcji',
      body: 'Każde zgłoszenie otrzymuje priorytet na podstawie wpływu i pilności:\nKrytyczny – usługa nie działa lub jest bezużyteczna dla całego zespołu.\nWysoki – kluczowa funkcja nie działa dla wielu użytkowników i nie ma obejścia.\nŚredni – problem, który da się obejść, albo dotyczący jednego użytkownika.\nNiski – pytania, prośby o instrukcje i propozycje funkcji.\nCzas pierwszej odpowiedzi dla klientów premium wynosi 5 minut (krytyczny), 15 minut (wysoki), 1 godzinę (średni) i 4 godziny (niski); dla klientów standard – 15 minut, 1 godzinę, 4 godziny i 24 godziny. Gdy zgłoszenie czeka na Twoją odpowiedź, zegar jest wstrzymany.',
    },
  },
  {
    slug: 'add-remove-agents',
    isPublic: true,
    en: {
      title: 'Adding and removing agents',
      body: 'Admins can invite new agents under Settings → Agents → Invite. Enter the person\'s work email, choose a role (agent, supervisor or admin) and the queues they should see; the invitation is valid for 7 days. If all paid seats are in use, a new seat is added and charged pro rata on your next invoice. To remove someone, open their profile and click Deactivate – you can reassign their open tickets in the same step, and their ticket history is kept. A freed seat stays paid until renewal and can be given to a new colleague.',
    },
    pl: {
      title: 'Dodawanie i usuwanie agentów',
      body: 'Administrator może zaprosić nowych agentów w Ustawienia → Agenci → Zaproś. Podaj służbowy adres e-mail, wybierz rolę (agent, supervisor lub administrator) i kolejki, które ma widzieć dana osoba; zaproszenie jest ważne 7 dni. Jeśli wszystkie opłacone licencje są zajęte, zostanie dodana nowa, rozliczona proporcjonalnie na następnej fakturze. Aby usunąć osobę, otwórz jej profil i kliknij Dezaktywuj – w tym samym kroku możesz przekazać jej otwarte zgłoszenia innym agentom, a historia zostaje zachowana. Zwolniona licencja pozostaje opłacona do odnowienia i można ją przydzielić nowemu pracownikowi.',
    },
  },
  {
    slug: 'sso-entra-id',
    isPublic: true,
    en: {
      title: 'Setting up single sign-on with Microsoft Entra ID',
      body: 'Single sign-on (SAML 2.0) is available on the Business and Enterprise plans.\n1. In Shiftdesk, go to Settings → Security → Single sign-on and copy the Entity ID and ACS URL.\n2. In the Entra admin centre, create a non-gallery Enterprise application, choose SAML and paste both values.\n3. Copy the App Federation Metadata URL from Entra back into Shiftdesk.\n4. Assign the users or groups who should have access, then click "Test sign-in".\nKeep at least one admin able to sign in with a password until you have confirmed SSO works, so you cannot lock yourself out.',
    },
    pl: {
      title: 'Logowanie jednokrotne (SSO) z Microsoft Entra ID',
      body: 'Logowanie jednokrotne (SAML 2.0) jest dostępne w planach Business i Enterprise.\n1. W Shiftdesk przejdź do Ustawienia → Bezpieczeństwo → Logowanie jednokrotne i skopiuj Entity ID oraz adres ACS.\n2. W centrum administracyjnym Entra utwórz aplikację korporacyjną spoza galerii, wybierz SAML i wklej obie wartości.\n3. Skopiuj adres URL metadanych federacji (App Federation Metadata URL) z Entra do Shiftdesk.\n4. Przypisz użytkowników lub grupy, które mają mieć dostęp, i kliknij „Testuj logowanie”.\nDopóki nie potwierdzisz, że SSO działa, zostaw co najmniej jednego administratora z logowaniem hasłem – inaczej możesz zablokować sobie dostęp.',
    },
  },
  {
    slug: 'export-tickets-csv',
    isPublic: true,
    en: {
      title: 'Exporting tickets to CSV',
      body: 'Supervisors and admins can export tickets from any view: open the view, set the filters (for example last quarter\'s date range) and click Export → CSV. Exports of up to 50,000 rows download immediately; larger ones are prepared in the background and a download link is emailed to you. The file includes ticket number, subject, requester, status, priority, queue, assignee and all timestamps, but not message bodies. For a full archive including conversations, use the API or the scheduled export under Settings → Data.',
    },
    pl: {
      title: 'Eksport zgłoszeń do pliku CSV',
      body: 'Supervisorzy i administratorzy mogą wyeksportować zgłoszenia z dowolnego widoku: otwórz widok, ustaw filtry (np. zakres dat z ostatniego kwartału) i kliknij Eksport → CSV. Eksport do 50 000 wierszy pobiera się od razu; większe są przygotowywane w tle, a link do pobrania przychodzi e-mailem. Plik zawiera numer zgłoszenia, temat, zgłaszającego, status, priorytet, kolejkę, przypisanego agenta i wszystkie znaczniki czasu, ale nie treść wiadomości. Pełne archiwum z korespondencją uzyskasz przez API lub eksport cykliczny w Ustawienia → Dane.',
    },
  },
  {
    slug: 'api-5xx-errors',
    isPublic: true,
    en: {
      title: 'What to do when the API returns 5xx errors',
      body: 'HTTP 500, 502, 503 and 504 responses mean something went wrong on our side, not in your request.\n1. Check https://status.shiftdesk.example for an ongoing incident.\n2. Retry with exponential backoff (for example after 1, 2, 4 and 8 seconds); write endpoints accept an Idempotency-Key header, so retries never create duplicates.\n3. If errors continue for more than a few minutes, open a ticket with the X-Request-Id header from several failed responses, the endpoint and the time in UTC.\nRequest IDs let our engineers find the exact failure in the logs within seconds.',
    },
    pl: {
      title: 'Co zrobić, gdy API zwraca błędy 5xx',
      body: 'Odpowiedzi HTTP 500, 502, 503 i 504 oznaczają problem po naszej stronie, a nie błąd w Twoim zapytaniu.\n1. Sprawdź na https://status.shiftdesk.example, czy trwa awaria.\n2. Ponawiaj zapytania z wykładniczym opóźnieniem (np. po 1, 2, 4 i 8 sekundach); endpointy zapisujące przyjmują nagłówek Idempotency-Key, więc ponowienia nie utworzą duplikatów.\n3. Jeśli błędy utrzymują się dłużej niż kilka minut, utwórz zgłoszenie i podaj nagłówek X-Request-Id z kilku nieudanych odpowiedzi, endpoint oraz czas w UTC.\nDzięki identyfikatorom żądań nasi inżynierowie w kilka sekund znajdą konkretny błąd w logach.',
    },
  },
  {
    slug: 'api-rate-limits',
    isPublic: true,
    en: {
      title: 'API rate limits and 429 responses',
      body: 'Each account can make 600 API requests per minute by default. Above the limit, the API answers 429 Too Many Requests with a Retry-After header saying how many seconds to wait. Every response also carries X-RateLimit-Remaining, so your integration can slow down before it hits the limit. For one-off jobs such as a data migration we can raise the limit temporarily – open a ticket at least 3 working days ahead with the dates, time window and expected request rate.',
    },
    pl: {
      title: 'Limity zapytań API i odpowiedź 429',
      body: 'Domyślnie każde konto może wysłać 600 zapytań do API na minutę. Po przekroczeniu limitu API odpowiada kodem 429 Too Many Requests z nagłówkiem Retry-After, który mówi, ile sekund odczekać. Każda odpowiedź zawiera też nagłówek X-RateLimit-Remaining, dzięki któremu integracja może zwolnić, zanim osiągnie limit. Na jednorazowe zadania, np. migrację danych, możemy tymczasowo podnieść limit – utwórz zgłoszenie co najmniej 3 dni robocze wcześniej i podaj daty, przedział godzin oraz spodziewaną liczbę zapytań.',
    },
  },
  {
    slug: 'webhooks-not-arriving',
    isPublic: true,
    en: {
      title: 'Webhooks are not arriving',
      body: '1. Open Settings → Integrations → Webhooks and check the delivery log – it lists every attempt with the response code your server returned.\n2. If attempts time out, make sure your endpoint answers within 10 seconds and does slow work in the background.\n3. If attempts get 4xx codes, check the authentication secret and that the URL still exists.\n4. If there are no attempts at all, check that the webhook is enabled and subscribed to the right events.\nFailed deliveries are retried with increasing delays for 24 hours; after that the webhook is paused and admins are emailed. Your firewall must also allow our outgoing IP ranges.',
    },
    pl: {
      title: 'Webhooki nie docierają',
      body: '1. Otwórz Ustawienia → Integracje → Webhooki i sprawdź dziennik dostarczeń – widać w nim każdą próbę wraz z kodem odpowiedzi Twojego serwera.\n2. Jeśli próby kończą się przekroczeniem czasu, endpoint musi odpowiedzieć w ciągu 10 sekund, a dłuższe operacje wykonywać w tle.\n3. Jeśli próby kończą się kodami 4xx, sprawdź sekret uwierzytelniający i czy adres URL nadal istnieje.\n4. Jeśli nie ma żadnych prób, sprawdź, czy webhook jest włączony i subskrybuje właściwe zdarzenia.\nNieudane dostarczenia ponawiamy z rosnącym opóźnieniem przez 24 godziny, po czym webhook zostaje wstrzymany, a administratorzy dostają e-mail. Zapora po Twojej stronie musi przepuszczać ruch z naszych adresów IP.',
    },
  },
  {
    slug: 'ip-allowlist',
    isPublic: true,
    en: {
      title: 'IP addresses to allowlist',
      body: 'If your firewall restricts traffic, allow these ranges:\nOutgoing webhooks and email from us: 192.0.2.64/27.\nVPN gateways: 192.0.2.10 and 192.0.2.11, UDP port 51820.\nWe announce any change to these ranges at least 30 days in advance on the status page and by email to account admins. The current list is also available in machine-readable form at https://shiftdesk.example/ip-ranges.json. Do not allowlist by hostname, because the addresses behind our hostnames change during failover.',
    },
    pl: {
      title: 'Adresy IP do dodania na listę dozwolonych',
      body: 'Jeśli zapora ogranicza ruch, dopuść następujące zakresy:\nWychodzące webhooki i poczta od nas: 192.0.2.64/27.\nBramy VPN: 192.0.2.10 i 192.0.2.11, port UDP 51820.\nKażdą zmianę tych zakresów ogłaszamy co najmniej 30 dni wcześniej na stronie statusu i e-mailem do administratorów kont. Aktualna lista jest też dostępna w formie do odczytu maszynowego pod adresem https://shiftdesk.example/ip-ranges.json. Nie dopuszczaj ruchu po nazwie hosta – adresy za naszymi nazwami zmieniają się podczas przełączania awaryjnego.',
    },
  },
  {
    slug: 'attachment-limits',
    isPublic: true,
    en: {
      title: 'Attachment size limits and failed uploads',
      body: 'Each attachment can be up to 25 MB, and one message up to 50 MB in total. Emails above that size are rejected by our mail server and the sender receives a bounce. If uploads fail well below the limit, for example around 10 MB, a proxy or firewall on your network is often cutting off large requests. Try from another network to confirm, then ask your IT team to raise the request size limit for *.shiftdesk.example. For larger files, share a link from your file storage instead of attaching the file.',
    },
    pl: {
      title: 'Limity rozmiaru załączników i nieudane przesyłanie',
      body: 'Pojedynczy załącznik może mieć do 25 MB, a cała wiadomość do 50 MB. Większe e-maile są odrzucane przez nasz serwer pocztowy, a nadawca otrzymuje informację o niedostarczeniu. Jeśli przesyłanie nie udaje się przy znacznie mniejszych plikach, np. około 10 MB, zwykle to serwer proxy lub zapora w Twojej sieci przerywa duże żądania. Sprawdź to z innej sieci, a następnie poproś dział IT o zwiększenie limitu rozmiaru żądań dla *.shiftdesk.example. Większe pliki udostępniaj jako link z firmowego dysku zamiast załącznika.',
    },
  },
  {
    slug: 'browser-support-and-cache',
    isPublic: true,
    en: {
      title: 'Supported browsers and clearing the cache',
      body: 'Shiftdesk supports the latest two versions of Chrome, Edge, Firefox and Safari. If pages load only partly, buttons do nothing or you still see the old version after an update, clear the cached files for our site:\n1. Chrome or Edge: press Ctrl+Shift+Delete (Cmd+Shift+Delete on a Mac), choose "Cached images and files" and clear.\n2. Firefox: Settings → Privacy & Security → Cookies and Site Data → Clear Data.\n3. Safari: Settings → Privacy → Manage Website Data, search for shiftdesk and remove it.\nIf that does not help, try a private window with extensions disabled – ad blockers and script blockers are a common cause.',
    },
    pl: {
      title: 'Obsługiwane przeglądarki i czyszczenie pamięci podręcznej',
      body: 'Shiftdesk obsługuje dwie najnowsze wersje przeglądarek Chrome, Edge, Firefox i Safari. Jeśli strony ładują się tylko częściowo, przyciski nie reagują albo po aktualizacji nadal widzisz starą wersję, wyczyść pamięć podręczną dla naszej witryny:\n1. Chrome lub Edge: naciśnij Ctrl+Shift+Delete (Cmd+Shift+Delete na Macu), wybierz „Obrazy i pliki zapisane w pamięci podręcznej” i wyczyść.\n2. Firefox: Ustawienia → Prywatność i bezpieczeństwo → Ciasteczka i dane witryn → Wyczyść dane.\n3. Safari: Ustawienia → Prywatność → Zarządzaj danymi witryn, wyszukaj shiftdesk i usuń.\nJeśli to nie pomoże, otwórz okno prywatne z wyłączonymi rozszerzeniami – częstą przyczyną są blokery reklam i skryptów.',
    },
  },
  {
    slug: 'email-forwarding-setup',
    isPublic: true,
    en: {
      title: 'Forwarding your support mailbox to Shiftdesk',
      body: 'To turn incoming emails into tickets, forward your existing support address to the unique address shown under Settings → Channels → Email.\n1. In your mail provider, set up automatic forwarding that keeps the original sender.\n2. Send a test email from a personal address and check that a ticket appears within a minute.\n3. Add our SPF include (include:mail.shiftdesk.example) and the DKIM record shown on the same page to your DNS, so replies sent from your address are not marked as spam.\nDNS changes can take up to 24 hours to take effect everywhere.',
    },
    pl: {
      title: 'Przekierowanie skrzynki wsparcia do Shiftdesk',
      body: 'Aby przychodzące e-maile zamieniały się w zgłoszenia, przekieruj dotychczasowy adres wsparcia na unikalny adres podany w Ustawienia → Kanały → E-mail.\n1. U dostawcy poczty ustaw automatyczne przekazywanie, które zachowuje pierwotnego nadawcę.\n2. Wyślij testową wiadomość z prywatnego adresu i sprawdź, czy w ciągu minuty pojawi się zgłoszenie.\n3. Dodaj w DNS nasz wpis SPF (include:mail.shiftdesk.example) oraz rekord DKIM z tej samej strony, aby odpowiedzi wysyłane z Twojego adresu nie trafiały do spamu.\nZmiany w DNS mogą rozchodzić się do 24 godzin.',
    },
  },
  {
    slug: 'data-export-and-deletion',
    isPublic: true,
    en: {
      title: 'Exporting or deleting your account data (GDPR)',
      body: 'Account owners can request a full export of tickets, messages, contacts and attachments under Settings → Data → Full export; a download link is emailed when the archive is ready. To delete one contact\'s personal data, open the contact and choose Delete permanently – their tickets remain but are anonymised. To close the whole account and delete all data, the owner submits the request under Settings → Data → Close account. Data is removed within 30 days, and backups containing it expire within a further 35 days. For a data processing agreement or the list of sub-processors, contact support.',
    },
    pl: {
      title: 'Eksport i usuwanie danych konta (RODO)',
      body: 'Właściciel konta może zamówić pełny eksport zgłoszeń, wiadomości, kontaktów i załączników w Ustawienia → Dane → Pełny eksport; link do pobrania przyjdzie e-mailem, gdy archiwum będzie gotowe. Aby usunąć dane osobowe jednego kontaktu, otwórz go i wybierz Usuń trwale – jego zgłoszenia pozostaną, ale zostaną zanonimizowane. Aby zamknąć całe konto i usunąć wszystkie dane, właściciel składa wniosek w Ustawienia → Dane → Zamknij konto. Dane usuwamy w ciągu 30 dni, a kopie zapasowe, które je zawierają, wygasają w ciągu kolejnych 35 dni. W sprawie umowy powierzenia przetwarzania danych lub listy podprocesorów skontaktuj się ze wsparciem.',
    },
  },
  {
    slug: 'packet-loss-diagnostics',
    isPublic: true,
    en: {
      title: 'Diagnosing packet loss and slow connections',
      body: 'When your connection to us feels slow or unstable, a path test from your side shows where the problem is.\n1. On Windows run pathping app.shiftdesk.example; on macOS or Linux run mtr -rwc 100 app.shiftdesk.example.\n2. Run the test while the problem is happening and, if you can, once more when everything works.\n3. Attach both outputs to your ticket with your public IP address and the time of each test.\nLoss that shows on one middle hop but not on the final hop is usually harmless rate limiting of test traffic. Loss that starts at one hop and continues to the end shows where the real problem lies.',
    },
    pl: {
      title: 'Diagnozowanie utraty pakietów i wolnego połączenia',
      body: 'Gdy połączenie z nami jest wolne lub niestabilne, test trasy z Twojej strony pokaże, gdzie leży problem.\n1. W Windows uruchom pathping app.shiftdesk.example; w macOS lub Linuksie mtr -rwc 100 app.shiftdesk.example.\n2. Wykonaj test w trakcie występowania problemu i, jeśli to możliwe, drugi raz, gdy wszystko działa.\n3. Dołącz oba wyniki do zgłoszenia wraz z publicznym adresem IP i godziną każdego testu.\nStraty widoczne na jednym z pośrednich węzłów, ale nie na ostatnim, to zwykle niegroźne ograniczanie ruchu testowego. Straty, które zaczynają się na jednym węźle i utrzymują do końca trasy, wskazują rzeczywiste miejsce problemu.',
    },
  },
  {
    slug: 'office-offline-checks',
    isPublic: true,
    en: {
      title: 'Office offline? Checks before you call',
      body: 'If an office whose network we manage loses its connection, these checks save time:\n1. Look at the WAN or Internet light on the router – red or off means the provider\'s line is down.\n2. Check that the modem and router have power and that no cables have been moved.\n3. Restart the modem first, wait two minutes, then restart the router.\n4. If the site has a 4G backup link, check whether its light is on.\nThen call the support line and tell us which lights are on and in what colour, when the outage started and how many people are affected. An office that is completely offline is always handled as critical.',
    },
    pl: {
      title: 'Biuro bez internetu? Sprawdź przed telefonem',
      body: 'Jeśli biuro, którego siecią zarządzamy, straci połączenie, te czynności przyspieszą pomoc:\n1. Spójrz na diodę WAN lub Internet na routerze – czerwona lub zgaszona oznacza awarię łącza u dostawcy.\n2. Sprawdź, czy modem i router mają zasilanie i czy nikt nie przełożył kabli.\n3. Najpierw uruchom ponownie modem, odczekaj dwie minuty, potem uruchom ponownie router.\n4. Jeśli w oddziale jest zapasowe łącze 4G, sprawdź, czy jego dioda się świeci.\nNastępnie zadzwoń na infolinię i powiedz, które diody świecą i na jaki kolor, od kiedy trwa awaria i ile osób jest bez dostępu. Biuro całkowicie bez łączności zawsze obsługujemy z priorytetem krytycznym.',
    },
  },

  // ── Internal runbooks and agent guidance ──────────────────────────
  {
    slug: 'runbook-disk-full-db-nodes',
    isPublic: false,
    en: {
      title: 'Runbook: disk full on db nodes',
      body: 'Triggered by the DiskUsage alert on db-* hosts. Never delete files from the PostgreSQL data directory by hand.\n1. Confirm with df -h, then check what grew: du -sh on pg_wal and on the log directory.\n2. If pg_wal is large, look for an inactive replication slot (SELECT slot_name, active FROM pg_replication_slots) – a stale slot holding WAL is the most common cause.\n3. If old server logs are the cause, compress or move logs older than 7 days to /srv/archive.\n4. If the growth is real data, expand the volume in the cloud console and run resize2fs; no restart is needed.\nDropping a replication slot needs approval from the on-call DBA. Record every action in the ticket and link the alert.',
    },
    pl: {
      title: 'Runbook: zapełniony dysk na węzłach bazy danych',
      body: 'Uruchamiany przez alert DiskUsage na hostach db-*. Nigdy nie usuwaj ręcznie plików z katalogu danych PostgreSQL.\n1. Potwierdź stan poleceniem df -h, a potem sprawdź, co urosło: du -sh dla pg_wal i katalogu logów.\n2. Jeśli duży jest pg_wal, poszukaj nieaktywnego slotu replikacji (SELECT slot_name, active FROM pg_replication_slots) – porzucony slot blokujący WAL to najczęstsza przyczyna.\n3. Jeśli winne są stare logi serwera, skompresuj lub przenieś logi starsze niż 7 dni do /srv/archive.\n4. Jeśli przybyło rzeczywistych danych, powiększ wolumen w konsoli chmury i uruchom resize2fs – restart nie jest potrzebny.\nUsunięcie slotu replikacji wymaga zgody dyżurnego DBA. Każdą czynność zapisz w zgłoszeniu i podlinkuj alert.',
    },
  },
  {
    slug: 'how-to-escalate-to-tier-3',
    isPublic: false,
    en: {
      title: 'How to escalate to tier 3',
      body: 'Escalate to tier 3 (infrastructure) only when tier 2 has confirmed the fault is on our platform, not in the customer\'s network or configuration. Before escalating, make sure the ticket states the affected customers and how many, the exact start time in UTC, request IDs or alert links, what has already been tried and the current impact. Move the ticket to the platform queue and set the type to incident, or problem for a recurring cause. For critical priority, also page the on-call engineer – a queue move alone wakes nobody up at night. Stay the assignee for customer communication until tier 3 explicitly takes ownership.',
    },
    pl: {
      title: 'Jak eskalować do 3. linii',
      body: 'Eskaluj do 3. linii (infrastruktura) tylko wtedy, gdy 2. linia potwierdziła, że usterka leży po stronie naszej platformy, a nie w sieci lub konfiguracji klienta. Przed eskalacją upewnij się, że zgłoszenie zawiera: których i ilu klientów dotyczy, dokładny czas rozpoczęcia w UTC, identyfikatory żądań lub linki do alertów, dotychczasowe działania i bieżący wpływ. Przenieś zgłoszenie do kolejki platform i ustaw typ incident, a przy powtarzającej się przyczynie – problem. Przy priorytecie krytycznym dodatkowo wezwij dyżurnego inżyniera przez system powiadomień – samo przeniesienie do kolejki nikogo w nocy nie obudzi. Pozostań przypisany do zgłoszenia i prowadź komunikację z klientem, dopóki 3. linia wyraźnie go nie przejmie.',
    },
  },
  {
    slug: 'night-shift-handoff-checklist',
    isPublic: false,
    en: {
      title: 'Night-shift handoff checklist',
      body: 'Hand off 15 minutes before your shift ends, in writing in the handoff channel and, if possible, by voice as well.\n1. List open critical and high tickets with their SLA due time and next action.\n2. Mention ongoing incidents, the current status page state and when the next customer update is due.\n3. Flag tickets on hold with a third party and who needs chasing.\n4. Note every customer who was promised a call-back, and when.\n5. Reassign or unassign your tickets – never leave a critical ticket with someone who is off shift.\nThe incoming agent confirms by replying "taken over" in the channel.',
    },
    pl: {
      title: 'Lista kontrolna przekazania nocnej zmiany',
      body: 'Przekaż zmianę 15 minut przed jej końcem – pisemnie na kanale przekazań, a jeśli to możliwe, także ustnie.\n1. Wypisz otwarte zgłoszenia krytyczne i wysokie z terminem SLA i kolejnym krokiem.\n2. Opisz trwające awarie, stan strony statusu i termin następnej informacji dla klientów.\n3. Wskaż zgłoszenia wstrzymane w oczekiwaniu na stronę trzecią i kogo trzeba ponaglić.\n4. Zanotuj klientów, którym obiecano oddzwonienie, wraz z godziną.\n5. Przepisz lub odepnij swoje zgłoszenia – nigdy nie zostawiaj zgłoszenia krytycznego przypisanego do osoby po zmianie.\nOsoba przejmująca potwierdza odpowiedzią „przejęte” na kanale.',
    },
  },
  {
    slug: 'runbook-high-error-rate-api-gateway',
    isPublic: false,
    en: {
      title: 'Runbook: HighErrorRate on api-gateway',
      body: 'Fires when 5xx responses exceed 2% of traffic for 5 minutes in one region.\n1. Open the api-gateway dashboard and find which routes and upstream services return the errors.\n2. Check the deploy log: if a release went out in the last hour, roll it back first and investigate afterwards.\n3. If a single upstream is failing, check its pods (kubectl -n prod get pods) and look for recent OOMKilled restarts.\n4. If errors are above 5% or last longer than 15 minutes, declare a major incident and post on the status page.\nLink every customer ticket reporting 500s to the incident so all of them get the resolution update.',
    },
    pl: {
      title: 'Runbook: HighErrorRate na api-gateway',
      body: 'Alert uruchamia się, gdy odpowiedzi 5xx przekraczają 2% ruchu przez 5 minut w jednym regionie.\n1. Otwórz dashboard api-gateway i ustal, które ścieżki i usługi docelowe zwracają błędy.\n2. Sprawdź dziennik wdrożeń: jeśli w ostatniej godzinie wyszło wydanie, najpierw je wycofaj, a dopiero potem analizuj.\n3. Jeśli zawodzi jedna usługa, sprawdź jej pody (kubectl -n prod get pods) i ostatnie restarty z powodu OOMKilled.\n4. Jeśli błędy przekraczają 5% lub trwają dłużej niż 15 minut, ogłoś poważną awarię i opublikuj wpis na stronie statusu.\nPodepnij pod incydent wszystkie zgłoszenia klientów o błędach 500, aby każdy otrzymał informację o rozwiązaniu.',
    },
  },
  {
    slug: 'runbook-postgres-replication-lag',
    isPublic: false,
    en: {
      title: 'Runbook: Postgres replication lag',
      body: 'Fires when a replica is more than 120 seconds behind the primary.\n1. Check lag on the primary: SELECT client_addr, replay_lag FROM pg_stat_replication.\n2. If one replica lags and the others are fine, take it out of the read pool so customers do not see stale data.\n3. Look for long-running queries on that replica that block replay (pg_stat_activity, oldest first) and cancel them if they are reports.\n4. If all replicas lag, the primary is probably writing unusually much – check for a bulk import or migration job.\nPut the replica back in the pool only after lag has stayed under 10 seconds for 10 minutes.',
    },
    pl: {
      title: 'Runbook: opóźnienie replikacji PostgreSQL',
      body: 'Alert uruchamia się, gdy replika jest ponad 120 sekund za serwerem głównym.\n1. Sprawdź opóźnienie na serwerze głównym: SELECT client_addr, replay_lag FROM pg_stat_replication.\n2. Jeśli opóźnia się jedna replika, a pozostałe działają poprawnie, wyłącz ją z puli odczytów, aby klienci nie widzieli nieaktualnych danych.\n3. Poszukaj na tej replice długotrwałych zapytań blokujących odtwarzanie (pg_stat_activity, od najstarszych) i przerwij je, jeśli to raporty.\n4. Jeśli opóźniają się wszystkie repliki, serwer główny najpewniej zapisuje wyjątkowo dużo – sprawdź, czy trwa import lub migracja.\nPrzywróć replikę do puli dopiero wtedy, gdy opóźnienie przez 10 minut utrzymuje się poniżej 10 sekund.',
    },
  },
  {
    slug: 'major-incident-communication',
    isPublic: false,
    en: {
      title: 'Major incident: customer communication',
      body: 'Once a major incident is declared, one agent is named communications lead and is the only person posting public updates.\n1. Post the first status page update within 10 minutes, even if all you can say is that we are investigating.\n2. Update at least every 30 minutes with what is affected, what we are doing and when the next update will come.\n3. Link every incoming ticket about the issue to the incident and answer with the "Known incident – link to status page" macro rather than one-off replies.\n4. Never give an estimated fix time unless tier 3 has confirmed it.\nAfter resolution, post the resolved update, ask customers to confirm, and publish a short post-incident report within 5 working days.',
    },
    pl: {
      title: 'Poważna awaria: komunikacja z klientami',
      body: 'Po ogłoszeniu poważnej awarii jeden agent zostaje koordynatorem komunikacji i tylko on publikuje informacje dla klientów.\n1. Pierwszy wpis na stronie statusu opublikuj w ciągu 10 minut, nawet jeśli wiadomo tylko, że sprawę badamy.\n2. Aktualizuj co najmniej co 30 minut: czego dotyczy awaria, co robimy i kiedy będzie kolejna informacja.\n3. Każde nowe zgłoszenie w tej sprawie podepnij pod incydent i odpowiedz makrem „Known incident – link to status page” zamiast pisać odpowiedź od zera.\n4. Nie podawaj przewidywanego czasu naprawy, dopóki nie potwierdzi go 3. linia.\nPo usunięciu awarii opublikuj informację o rozwiązaniu, poproś klientów o potwierdzenie i w ciągu 5 dni roboczych udostępnij krótki raport poawaryjny.',
    },
  },
  {
    slug: 'priority-matrix',
    isPublic: false,
    en: {
      title: 'Setting priority: impact × urgency',
      body: 'Set priority from impact and urgency, not from how upset the customer sounds.\nWhole company or many users down, no workaround → critical.\nMany users affected but a workaround exists, or one key user fully blocked → high.\nOne user affected and work can continue → medium.\nQuestions, how-to requests, feature ideas → low.\nMonitoring alerts keep the severity set by the alert rule unless customers are already affected, in which case raise it. Premium customers get shorter SLA targets, but their priority is set with the same matrix; if you change a priority, leave an internal note saying why.',
    },
    pl: {
      title: 'Ustalanie priorytetu: wpływ × pilność',
      body: 'Priorytet ustalaj na podstawie wpływu i pilności, a nie tego, jak bardzo zdenerwowany jest klient.\nCała firma lub wielu użytkowników bez dostępu, brak obejścia → krytyczny.\nWielu użytkowników, ale istnieje obejście, lub jedna kluczowa osoba całkowicie zablokowana → wysoki.\nJeden użytkownik, praca może być kontynuowana → średni.\nPytania, prośby o instrukcje, pomysły na funkcje → niski.\nAlerty z monitoringu zachowują ważność nadaną przez regułę, chyba że klienci już odczuwają skutki – wtedy podnieś priorytet. Klienci premium mają krótsze terminy SLA, ale ich priorytet ustala się według tej samej macierzy; każdą zmianę priorytetu uzasadnij notatką wewnętrzną.',
    },
  },
  {
    slug: 'refund-approval-limits',
    isPublic: false,
    en: {
      title: 'Refund approval limits',
      body: 'Any agent may refund a duplicate charge of any amount after confirming both charges in the billing system. Other refunds up to €200 can be approved by any agent with a short internal note giving the reason. Refunds from €200 to €2,000 need a supervisor\'s approval recorded in the ticket; anything above goes to the finance team. Goodwill credits after outages follow the SLA credit table and are never paid out as cash. Send the "Refund approved – 5–10 business days" macro only after the refund has actually been issued.',
    },
    pl: {
      title: 'Limity zatwierdzania zwrotów',
      body: 'Każdy agent może zwrócić podwójne obciążenie w dowolnej kwocie po potwierdzeniu obu transakcji w systemie rozliczeń. Inne zwroty do 200 € może zatwierdzić każdy agent, dodając krótką notatkę wewnętrzną z uzasadnieniem. Zwroty od 200 € do 2000 € wymagają zgody supervisora zapisanej w zgłoszeniu; wyższe kwoty przekazujemy do działu finansów. Rekompensaty za awarie przyznajemy według tabeli kredytów SLA i nigdy nie wypłacamy ich w gotówce. Makro „Refund approved – 5–10 business days” wysyłaj dopiero wtedy, gdy zwrot został faktycznie zlecony.',
    },
  },
  {
    slug: 'social-media-guidelines',
    isPublic: false,
    en: {
      title: 'Responding on social media',
      body: 'Reply to public posts within 30 minutes, day or night, even if only to acknowledge them. Keep the public reply short, friendly and free of account details, then move the conversation to direct messages with the "Social – move to DM" macro. Never ask for passwords, full card numbers or 2FA codes, whether in public or in private. If several posts mention the same problem, check for an incident first and point people to the status page instead of answering each one separately. Angry posts get the same calm tone as polite ones; do not argue in public, and ask a supervisor to step in if a thread escalates.',
    },
    pl: {
      title: 'Odpowiadanie w mediach społecznościowych',
      body: 'Na publiczne wpisy odpowiadaj w ciągu 30 minut, w dzień i w nocy, choćby tylko potwierdzając, że sprawą się zajmujemy. Publiczna odpowiedź ma być krótka, uprzejma i bez danych konta – dalszą rozmowę przenieś do wiadomości prywatnych makrem „Social – move to DM”. Nigdy nie proś o hasła, pełne numery kart ani kody 2FA, ani publicznie, ani prywatnie. Jeśli kilka wpisów dotyczy tego samego problemu, najpierw sprawdź, czy trwa awaria, i odsyłaj do strony statusu zamiast odpowiadać każdemu osobno. Na wpisy pełne złości odpowiadaj tak samo spokojnie jak na uprzejme; nie wdawaj się w publiczne spory, a gdy wątek eskaluje, poproś o wsparcie supervisora.',
    },
  },
  {
    slug: 'verify-caller-identity',
    isPublic: false,
    en: {
      title: 'Verifying a caller before account changes',
      body: 'Never reset a password, remove 2FA or change an email address based only on what a caller tells you.\n1. Look up the requester and check that the caller\'s name matches an agent or admin on the account.\n2. Call back on the phone number stored in the account, not the number the call came from.\n3. Alternatively, send a one-time code to the email address on file and ask the caller to read it back.\n4. Removing 2FA from an account\'s only admin also needs a supervisor\'s approval in the ticket.\nRecord in an internal note which check you used. If the caller refuses verification, end the call politely and log the attempt.',
    },
    pl: {
      title: 'Weryfikacja rozmówcy przed zmianami na koncie',
      body: 'Nigdy nie resetuj hasła, nie wyłączaj 2FA ani nie zmieniaj adresu e-mail wyłącznie na podstawie tego, co mówi rozmówca.\n1. Wyszukaj zgłaszającego i sprawdź, czy nazwisko dzwoniącego odpowiada agentowi lub administratorowi tego konta.\n2. Oddzwoń na numer zapisany w koncie, a nie na numer, z którego przyszło połączenie.\n3. Możesz też wysłać jednorazowy kod na adres e-mail z konta i poprosić rozmówcę o jego odczytanie.\n4. Wyłączenie 2FA jedynemu administratorowi konta wymaga dodatkowo zgody supervisora zapisanej w zgłoszeniu.\nW notatce wewnętrznej zapisz, której metody weryfikacji użyto. Jeśli rozmówca odmawia weryfikacji, uprzejmie zakończ rozmowę i odnotuj próbę.',
    },
  },
];

export const articles: readonly CatalogArticle[] = topics.flatMap((topic): CatalogArticle[] => [
  { id: `kb-${topic.slug}-en`, title: topic.en.title, body: topic.en.body, locale: 'en', isPublic: topic.isPublic },
  { id: `kb-${topic.slug}-pl`, title: topic.pl.title, body: topic.pl.body, locale: 'pl', isPublic: topic.isPublic },
]);

const ARTICLE_ID = /^kb-(.+)-(?:en|pl|ru|lv)$/;

/** "kb-reset-password-pl" → "reset-password": the key shared by every translation of one topic. */
export function articleSlug(id: string): string {
  const slug = ARTICLE_ID.exec(id)?.[1];
  if (slug === undefined) throw new Error(`Not a knowledge-base article id: ${id}`);
  return slug;
}
