/**
 * The demo portfolio's words in each language Rapport speaks: client names, call notes, next steps and what the
 * incidents were, as a team in that country would write them (Ankara's industrial suppliers, Tehran's trading
 * companies, Finnish Oy's). The portfolio's shape (categories, moods, stories) is the same in every language
 * (demoSeed.ts): only the words, the currency and the size of the money change.
 */
import { LANGUAGE_WORDS, LOCALES, type Locale } from '../i18n/locales.js';

/** The clients with a story the digest should tell. */
export type DemoStory = 'liar' | 'late_payer' | 'turning_sour' | 'gone_quiet' | 'abusive' | 'disputes' | 'competitor';

export interface DemoTexts {
  /** The workspace's language, currency and zone once the demo is loaded (null: as they were, English). */
  language: Locale | null;
  currency: string | null;
  timeZone: string | null;
  /** Money is the English demo's times this (a month's work for a Turkish agency is in lira, not dollars). */
  valueFactor: number;
  /** The 30 clients, in demoSeed.ts's order (the first seven are the story clients). */
  clients: readonly string[];
  notes: readonly string[];
  nextSteps: Readonly<Record<'liar' | 'abusive' | 'late_payer' | 'turning_sour' | 'gone_quiet', string>>;
  liar: string;
  latePayer: readonly [string, string, string];
  turningSour: readonly [string, string];
  abusive: { first: string; warning: string; again: string };
  disputes: readonly [string, string];
  competitor: { name: string; note: string };
  unreasonableDemands: string;
  paidLate: string;
  /** Invoice numbers' prefixes: the late payer's and the disputing client's. */
  invoicePrefix: { latePayer: string; disputes: string };
}

const en: DemoTexts = {
  language: null,
  currency: null,
  timeZone: null,
  valueFactor: 1,
  clients: [
    'Initech',
    'Globex',
    'Northwind Traders',
    'Soylent',
    'Umbrella Corp',
    'Hooli',
    'Vandelay Industries',
    'Problem Pete Plumbing',
    'Staff - Jamie Lee',
    'Acme Corp',
    'Stark Industries',
    'Wayne Enterprises',
    'Cyberdyne Systems',
    'Tyrell Corp',
    'Wonka Industries',
    'Oscorp',
    'Gringotts',
    'Dunder Mifflin',
    'Pied Piper',
    'Massive Dynamic',
    'Blue Sun',
    'Monarch Solutions',
    'Prestige Worldwide',
    'Sterling Cooper',
    'Bluth Company',
    'Los Pollos Hermanos',
    'Krusty Krab',
    'Aperture Science',
    'Staff - Priya Shah',
    'Black Mesa',
  ],
  notes: ['Weekly sync', 'Monthly review', 'Roadmap check-in', 'Quarterly business review', 'Quick catch-up', 'Reporting walkthrough', 'Escalation call'],
  nextSteps: {
    liar: 'Ask for the export log as proof it was sent',
    abusive: 'Escalate the steering-meeting insults to their director',
    late_payer: 'Agree a payment plan with their finance team',
    turning_sour: 'Ask why the usage data stopped',
    gone_quiet: 'Book a check-in call',
  },
  liar: 'Said the usage export had been sent; it had not been generated',
  latePayer: ['Paid after two reminders', 'Paid after the account manager escalated', 'Third late payment this half-year'],
  turningSour: ['Would not share the usage data again', 'Still no data; tense call'],
  abusive: {
    first: 'Shouted at the analyst on the weekly call',
    warning: 'Told their director it is unacceptable',
    again: 'Insulted the team again in the steering meeting',
  },
  disputes: ['Disputed the hours on the data migration', 'Disputed the travel costs'],
  competitor: { name: 'Globodyne', note: 'Asked us to match a rival quote for agreed work' },
  unreasonableDemands: 'Asked for weekend delivery at no cost',
  paidLate: 'Paid late',
  invoicePrefix: { latePayer: 'GX', disputes: 'HO' },
};

const tr: DemoTexts = {
  language: 'tr',
  currency: 'TRY',
  timeZone: 'Europe/Istanbul',
  valueFactor: 40,
  clients: [
    'Ostim Makine',
    'Anadolu Gıda',
    'Ege Tekstil A.Ş.',
    'Boğaziçi Lojistik',
    'Başkent İnşaat',
    'Marmara Yazılım',
    'Karadeniz Ambalaj',
    'Hızlı Tesisat',
    'Personel - Ayşe Yılmaz',
    'Akdeniz Enerji',
    'Kapadokya Turizm',
    'Işık Elektronik',
    'Konya Tarım Makineleri',
    'Bursa Döküm',
    'Güneş Matbaa',
    'Yıldız Kimya',
    'Levent Finans',
    'Kadıköy Kırtasiye',
    'Çınar Yazılım',
    'Zirve Danışmanlık',
    'Mavi Deniz Nakliyat',
    'Özkan Mobilya',
    'Şimşek Oto Tamir',
    'Demir Reklam Ajansı',
    'Öztürk Ticaret',
    'Lezzet Dünyası Lokantaları',
    'Kuzey Balıkçılık',
    'İstanbul Medikal',
    'Personel - Mehmet Demir',
    'Çukurova Un',
  ],
  notes: [
    'Haftalık görüşme',
    'Aylık değerlendirme',
    'Yol haritası toplantısı',
    'Çeyrek dönem iş değerlendirmesi',
    'Kısa durum görüşmesi',
    'Raporların üzerinden geçtik',
    'Sorunu üst yönetime taşıma görüşmesi',
  ],
  nextSteps: {
    liar: 'Gönderildiğinin kanıtı olarak dışa aktarma kaydını iste',
    abusive: 'Yönetim kurulu toplantısındaki hakaretleri direktörlerine ilet',
    late_payer: 'Finans ekipleriyle bir ödeme planında anlaş',
    turning_sour: 'Kullanım verilerinin neden kesildiğini sor',
    gone_quiet: 'Bir durum görüşmesi ayarla',
  },
  liar: 'Kullanım raporunun gönderildiğini söyledi; rapor hiç oluşturulmamıştı',
  latePayer: ['İki hatırlatmadan sonra ödedi', 'Müşteri temsilcisi konuyu üst yönetime taşıyınca ödedi', 'Bu yarıyıldaki üçüncü geç ödeme'],
  turningSour: ['Kullanım verilerini yine paylaşmadı', 'Hâlâ veri yok; gergin bir görüşme'],
  abusive: {
    first: 'Haftalık görüşmede analiste bağırdı',
    warning: 'Direktörlerine bunun kabul edilemez olduğunu söyledik',
    again: 'Yönetim kurulu toplantısında ekibe yine hakaret etti',
  },
  disputes: ['Veri taşıma işinin saatlerine itiraz etti', 'Yol masraflarına itiraz etti'],
  competitor: { name: 'Atlas Makine', note: 'Üzerinde anlaştığımız iş için rakibin teklifine inmemizi istedi' },
  unreasonableDemands: 'Hafta sonu teslimatı ücretsiz istedi',
  paidLate: 'Geç ödedi',
  invoicePrefix: { latePayer: 'AG', disputes: 'MY' },
};

const fa: DemoTexts = {
  language: 'fa',
  currency: 'IRR',
  timeZone: 'Asia/Tehran',
  valueFactor: 500_000,
  clients: [
    'شرکت پارس',
    'صنایع غذایی البرز',
    'گروه صنعتی آریا',
    'بازرگانی کوروش',
    'ساختمانی زاگرس',
    'نرم‌افزار نوآوران',
    'بسته‌بندی دماوند',
    'لوله‌کشی امید',
    'کارمند - مریم احمدی',
    'هلدینگ ایران‌زمین',
    'الکترونیک پرشیا',
    'حمل‌ونقل خزر',
    'ماشین‌آلات آذر',
    'فرش کاشان',
    'شیرینی‌پزی گلستان',
    'مواد شیمیایی سهند',
    'سرمایه‌گذاری میلاد',
    'نوشت‌افزار مهر',
    'فناوری ققنوس',
    'مشاوران پویا',
    'باربری آسمان',
    'مبلمان سروش',
    'تعمیرگاه رضا',
    'تبلیغات نگاه',
    'تجارت صدری',
    'رستوران‌های زعفران',
    'شیلات کیش',
    'تجهیزات پزشکی سینا',
    'کارمند - علی رضایی',
    'آرد اصفهان',
  ],
  notes: ['جلسه هفتگی', 'بررسی ماهانه', 'مرور نقشه راه', 'بررسی فصلی کسب‌وکار', 'گفت‌وگوی کوتاه', 'مرور گزارش‌ها', 'تماس برای پیگیری در سطح مدیران'],
  nextSteps: {
    liar: 'گزارش خروجی را به عنوان مدرک ارسال درخواست کن',
    abusive: 'توهین‌های جلسه هیئت‌مدیره را به مدیرشان اطلاع بده',
    late_payer: 'با تیم مالی‌شان درباره برنامه پرداخت به توافق برس',
    turning_sour: 'بپرس چرا داده‌های مصرف دیگر فرستاده نمی‌شود',
    gone_quiet: 'یک تماس پیگیری تنظیم کن',
  },
  liar: 'گفت گزارش مصرف فرستاده شده است؛ در حالی که اصلاً تهیه نشده بود',
  latePayer: ['پس از دو یادآوری پرداخت کرد', 'پس از پیگیری مدیر حساب پرداخت کرد', 'سومین پرداخت با تأخیر در این شش ماه'],
  turningSour: ['باز هم داده‌های مصرف را در اختیار ما نگذاشت', 'هنوز داده‌ای نیست؛ تماس پرتنشی بود'],
  abusive: {
    first: 'در جلسه هفتگی سر تحلیلگر فریاد زد',
    warning: 'به مدیرشان گفتیم این رفتار پذیرفتنی نیست',
    again: 'در جلسه هیئت‌مدیره دوباره به تیم توهین کرد',
  },
  disputes: ['به ساعت‌های کار انتقال داده‌ها اعتراض کرد', 'به هزینه‌های سفر اعتراض کرد'],
  competitor: { name: 'گروه صنعتی توس', note: 'خواست برای کار توافق‌شده، قیمت پیشنهادی رقیب را بدهیم' },
  unreasonableDemands: 'تحویل در آخر هفته را بدون هزینه خواست',
  paidLate: 'با تأخیر پرداخت کرد',
  invoicePrefix: { latePayer: 'AL', disputes: 'NV' },
};

const fi: DemoTexts = {
  language: 'fi',
  currency: 'EUR',
  timeZone: 'Europe/Helsinki',
  valueFactor: 1,
  clients: [
    'Kuopion Konepaja Oy',
    'Savon Elintarvike Oy',
    'Pohjolan Teräs Oy',
    'Lapin Matkailu Oy',
    'Hämeen Rakennus Oy',
    'Tampereen Ohjelmistotalo Oy',
    'Karjalan Pakkaus Oy',
    'Putki-Pekka Tmi',
    'Henkilöstö - Aino Virtanen',
    'Saimaan Energia Oy',
    'Oulun Elektroniikka Oy',
    'Turun Venetelakka Oy',
    'Jyväskylän Metsäkone Oy',
    'Vaasan Kuljetus Oy',
    'Porvoon Leipomo Oy',
    'Kemin Kemia Oy',
    'Helsingin Pääomasijoitus Oy',
    'Lahden Paperitukku Oy',
    'Kasvu Labs Oy',
    'Mäkelän Konsultointi Oy',
    'Rauman Huolinta Oy',
    'Järvisen Huonekalu Oy',
    'Nopea Autokorjaamo Tmi',
    'Mainostoimisto Virta Oy',
    'Korhosen Kauppa Oy',
    'Ravintola Kultainen Kukko Oy',
    'Ahvenanmaan Kala Oy',
    'Pirkanmaan Lääkintätekniikka Oy',
    'Henkilöstö - Mikko Nieminen',
    'Seinäjoen Mylly Oy',
  ],
  notes: [
    'Viikkopalaveri',
    'Kuukausikatsaus',
    'Tiekartan läpikäynti',
    'Neljännesvuosikatsaus',
    'Nopea kuulumisten vaihto',
    'Raportoinnin läpikäynti',
    'Eskalaatiopuhelu',
  ],
  nextSteps: {
    liar: 'Pyydä vientiloki todisteeksi lähettämisestä',
    abusive: 'Vie ohjausryhmän kokouksen loukkaukset heidän johtajalleen',
    late_payer: 'Sovi maksusuunnitelma heidän taloustiiminsä kanssa',
    turning_sour: 'Kysy, miksi käyttötietoja ei enää tule',
    gone_quiet: 'Varaa kuulumispuhelu',
  },
  liar: 'Sanoi käyttöraportin lähetetyn; sitä ei ollut edes tehty',
  latePayer: ['Maksoi kahden muistutuksen jälkeen', 'Maksoi vasta, kun asiakkuuspäällikkö eskaloi asian', 'Kolmas myöhästynyt maksu tällä vuosipuoliskolla'],
  turningSour: ['Ei taaskaan jakanut käyttötietoja', 'Tietoja ei vieläkään; kireä puhelu'],
  abusive: {
    first: 'Huusi analyytikolle viikkopalaverissa',
    warning: 'Kerroimme heidän johtajalleen, ettei tämä käy',
    again: 'Loukkasi tiimiä taas ohjausryhmän kokouksessa',
  },
  disputes: ['Kiisti datasiirron tunnit', 'Kiisti matkakulut'],
  competitor: { name: 'Pohjoisen Pakkaus Oy', note: 'Pyysi meitä vastaamaan kilpailijan tarjoukseen jo sovitusta työstä' },
  unreasonableDemands: 'Pyysi viikonlopputoimitusta veloituksetta',
  paidLate: 'Maksoi myöhässä',
  invoicePrefix: { latePayer: 'SE', disputes: 'TO' },
};

export const DEMO_TEXTS: Readonly<Record<Locale, DemoTexts>> = { en, tr, fa, fi };

/** The language asked for on the command line: a code (`tr`) or a language's name in any of the four (`suomi`). */
export function demoLanguage(argument: string | undefined): Locale | undefined {
  if (argument === undefined || argument === '') return 'en';
  const typed = argument.toLocaleLowerCase().replace(/^--?(lang(uage)?=)?/, '');
  return LOCALES.find((l) => LANGUAGE_WORDS[l].some((w) => w.toLocaleLowerCase() === typed));
}
