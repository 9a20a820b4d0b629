import type { CustomerTier } from '../../../shared/domain/ticket.js';
import type { Locale } from '../../../shared/domain/people.js';

export interface Requester {
  name: string;
  email: string;
  organisation: string;
  customerTier: CustomerTier;
  locale: Locale;
}

// Tier follows the organisation's contract, so everyone at one organisation shares it.
export const requesters: readonly Requester[] = [
  { name: 'Anna Kowalska', email: 'anna.kowalska@hurtownia-lux.example', organisation: 'Hurtownia Lux', customerTier: 'premium', locale: 'pl' },
  { name: 'Marek Wiśniewski', email: 'marek.wisniewski@hurtownia-lux.example', organisation: 'Hurtownia Lux', customerTier: 'premium', locale: 'pl' },
  { name: 'Katarzyna Zielińska', email: 'katarzyna.zielinska@hurtownia-lux.example', organisation: 'Hurtownia Lux', customerTier: 'premium', locale: 'pl' },

  { name: 'Joanna Nowak', email: 'j.nowak@kancelaria-nowak.example', organisation: 'Kancelaria Nowak i Wspólnicy', customerTier: 'standard', locale: 'pl' },
  { name: 'Piotr Wójcik', email: 'p.wojcik@kancelaria-nowak.example', organisation: 'Kancelaria Nowak i Wspólnicy', customerTier: 'standard', locale: 'pl' },
  { name: 'Magdalena Kamińska', email: 'm.kaminska@kancelaria-nowak.example', organisation: 'Kancelaria Nowak i Wspólnicy', customerTier: 'standard', locale: 'pl' },
  { name: 'Bartosz Grabowski', email: 'b.grabowski@kancelaria-nowak.example', organisation: 'Kancelaria Nowak i Wspólnicy', customerTier: 'standard', locale: 'pl' },

  { name: 'Krzysztof Mazur', email: 'krzysztof@zloty-klos.example', organisation: 'Piekarnia Złoty Kłos', customerTier: 'standard', locale: 'pl' },
  { name: 'Agnieszka Dąbrowska', email: 'agnieszka@zloty-klos.example', organisation: 'Piekarnia Złoty Kłos', customerTier: 'standard', locale: 'pl' },
  { name: 'Tomasz Lewandowski', email: 'tomasz@zloty-klos.example', organisation: 'Piekarnia Złoty Kłos', customerTier: 'standard', locale: 'pl' },

  { name: 'Jānis Bērziņš', email: 'janis.berzins@baltic-freight.example', organisation: 'Baltic Freight', customerTier: 'premium', locale: 'lv' },
  { name: 'Līga Ozola', email: 'liga.ozola@baltic-freight.example', organisation: 'Baltic Freight', customerTier: 'premium', locale: 'lv' },
  { name: 'Elīna Vītola', email: 'elina.vitola@baltic-freight.example', organisation: 'Baltic Freight', customerTier: 'premium', locale: 'lv' },
  { name: 'Дмитрий Петров', email: 'dmitrijs.petrovs@baltic-freight.example', organisation: 'Baltic Freight', customerTier: 'premium', locale: 'ru' },

  { name: 'Ilze Kalniņa', email: 'ilze.kalnina@daugava-aptiekas.example', organisation: 'Daugava Aptiekas', customerTier: 'standard', locale: 'lv' },
  { name: 'Andris Liepiņš', email: 'andris.liepins@daugava-aptiekas.example', organisation: 'Daugava Aptiekas', customerTier: 'standard', locale: 'lv' },
  { name: 'Kristaps Krūmiņš', email: 'kristaps.krumins@daugava-aptiekas.example', organisation: 'Daugava Aptiekas', customerTier: 'standard', locale: 'lv' },
  { name: 'Mārtiņš Zariņš', email: 'martins.zarins@daugava-aptiekas.example', organisation: 'Daugava Aptiekas', customerTier: 'standard', locale: 'lv' },
  { name: 'Анастасия Иванова', email: 'anastasija.ivanova@daugava-aptiekas.example', organisation: 'Daugava Aptiekas', customerTier: 'standard', locale: 'ru' },

  { name: 'Ирина Смирнова', email: 'i.smirnova@severny-veter.example', organisation: 'Severny Veter', customerTier: 'standard', locale: 'ru' },
  { name: 'Алексей Кузнецов', email: 'a.kuznetsov@severny-veter.example', organisation: 'Severny Veter', customerTier: 'standard', locale: 'ru' },
  { name: 'Ольга Попова', email: 'o.popova@severny-veter.example', organisation: 'Severny Veter', customerTier: 'standard', locale: 'ru' },

  { name: 'Сергей Волков', email: 'volkov@tehnopark-volga.example', organisation: 'Tekhnopark Volga', customerTier: 'premium', locale: 'ru' },
  { name: 'Наталья Соколова', email: 'sokolova@tehnopark-volga.example', organisation: 'Tekhnopark Volga', customerTier: 'premium', locale: 'ru' },
  { name: 'Дмитрий Морозов', email: 'morozov@tehnopark-volga.example', organisation: 'Tekhnopark Volga', customerTier: 'premium', locale: 'ru' },

  { name: 'Sarah Mitchell', email: 'sarah.mitchell@northwind-logistics.example', organisation: 'Northwind Logistics', customerTier: 'premium', locale: 'en' },
  { name: "James O'Connor", email: 'james.oconnor@northwind-logistics.example', organisation: 'Northwind Logistics', customerTier: 'premium', locale: 'en' },
  { name: 'Priya Raman', email: 'priya.raman@northwind-logistics.example', organisation: 'Northwind Logistics', customerTier: 'premium', locale: 'en' },
  { name: 'Michał Szymański', email: 'michal.szymanski@northwind-logistics.example', organisation: 'Northwind Logistics', customerTier: 'premium', locale: 'pl' },

  { name: 'Daniel Okafor', email: 'daniel@helix-analytics.example', organisation: 'Helix Analytics', customerTier: 'standard', locale: 'en' },
  { name: 'Emma Clarke', email: 'emma@helix-analytics.example', organisation: 'Helix Analytics', customerTier: 'standard', locale: 'en' },
  { name: 'Ewa Jankowska', email: 'ewa@helix-analytics.example', organisation: 'Helix Analytics', customerTier: 'standard', locale: 'pl' },

  { name: 'Laura Bennett', email: 'laura.bennett@brightside-dental.example', organisation: 'Brightside Dental', customerTier: 'standard', locale: 'en' },
  { name: 'Tom Hughes', email: 'tom.hughes@brightside-dental.example', organisation: 'Brightside Dental', customerTier: 'standard', locale: 'en' },
  { name: 'Chris Walsh', email: 'chris.walsh@brightside-dental.example', organisation: 'Brightside Dental', customerTier: 'standard', locale: 'en' },

  { name: 'Olivia Grant', email: 'olivia@kettle-crumb.example', organisation: 'Kettle & Crumb', customerTier: 'standard', locale: 'en' },
  { name: 'Ben Carter', email: 'ben@kettle-crumb.example', organisation: 'Kettle & Crumb', customerTier: 'standard', locale: 'en' },

  { name: 'Margaret Doyle', email: 'm.doyle@greenfield-library.example', organisation: 'Greenfield Library Services', customerTier: 'standard', locale: 'en' },
  { name: 'Ahmed Hassan', email: 'a.hassan@greenfield-library.example', organisation: 'Greenfield Library Services', customerTier: 'standard', locale: 'en' },
  { name: 'Rachel Stein', email: 'r.stein@greenfield-library.example', organisation: 'Greenfield Library Services', customerTier: 'standard', locale: 'en' },
];
