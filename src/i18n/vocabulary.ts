/**
 * The words people type for Rapport's own terms, in English, Turkish, Persian and Finnish: after `+`/`-` in
 * `/call`, the kind in `/incident`, categories, relationship kinds, statuses and `/client list` filters. The
 * Turkish, Persian and Finnish words are those of the source documents (shared/seeds: 000–002 Turkish, 003
 * Persian, 004 Finnish) and what account managers say for them. Every word is accepted from anyone, whatever
 * their own language, compared by `wordKey` (case, accents, Turkish İ/ı, ZWNJ, hyphens do not matter).
 *
 * Workspace traits keep their own words (their `aliases`); these are for the default traits only.
 */
import { wordKey } from '../domain/names.js';
import type { Category, ClientStatus, IncidentKind, Polarity, Relationship } from '../domain/catalogue.js';

type Words = readonly string[];

/** Words for a trait's dimension: the sign picks the good or the bad trait (`+iletişim`, `-iletişim`). */
export const DIMENSION_WORDS: Readonly<Record<string, Words>> = {
  communication: ['communication', 'comms', 'iletişim', 'ارتباط', 'ارتباطات', 'viestintä', 'kommunikaatio', 'kommunikointi'],
  information: [
    'information',
    'info',
    'sharing',
    'reporting',
    'data',
    'bilgi',
    'paylaşım',
    'bilgipaylaşımı',
    'veri',
    'raporlama',
    'اطلاعات',
    'گزارش',
    'گزارش‌دهی',
    'داده',
    'tieto',
    'tiedot',
    'tiedonjako',
    'raportointi',
  ],
  opinions: ['opinions', 'opinion', 'görüş', 'görüşler', 'fikir', 'نظر', 'نظرات', 'mielipide', 'mielipiteet'],
  knowledge: ['knowledge', 'uzmanlık', 'öğretme', 'دانش', 'آموزش', 'osaaminen', 'tietämys', 'opettaminen'],
  attitude: ['attitude', 'tutum', 'tavır', 'نگرش', 'رفتار', 'asenne'],
  etiquette: ['etiquette', 'görgü', 'nezaket', 'ادب', 'آداب', 'etiketti', 'käytöstavat'],
  conflict: [
    'arguments',
    'conflict',
    'unresolved',
    'tartışma',
    'tartışmalar',
    'çatışma',
    'çözümsüz',
    'بحث',
    'اختلاف',
    'دعوا',
    'riita',
    'riidat',
    'erimielisyys',
  ],
  planning: ['planning', 'strategy', 'planlama', 'strateji', 'برنامه‌ریزی', 'استراتژی', 'suunnittelu', 'strategia'],
};

/** Words for one default trait only (`+olumlu`, `-olumsuz`, `+beklenti`). */
export const TRAIT_WORDS: Readonly<Record<string, Words>> = {
  exceeds_expectations: ['teaches', 'expectations', 'beklenti', 'beklentiler', 'انتظارات', 'odotukset'],
  hoards_knowledge: ['hoarding'],
  positive_attitude: ['positive', 'olumlu', 'مثبت', 'positiivinen', 'myönteinen'],
  negative_attitude: ['negative', 'olumsuz', 'منفی', 'negatiivinen', 'kielteinen'],
};

export const INCIDENT_KIND_WORDS: Readonly<Record<IncidentKind, Words>> = {
  physical_abuse: ['fiziksel', 'şiddet', 'darp', 'فیزیکی', 'خشونت', 'ضرب‌وشتم', 'fyysinen', 'väkivalta'],
  mental_abuse: ['zihinsel', 'hakaret', 'taciz', 'küfür', 'روانی', 'توهین', 'فحش', 'بدرفتاری', 'henkinen', 'solvaus', 'haukkuminen'],
  lying: ['yalan', 'yalancı', 'دروغ', 'دروغگویی', 'دروغگو', 'valehtelu', 'valhe', 'valehteli'],
  unreasonable_demands: ['talep', 'talepler', 'mantıksız', 'درخواست', 'خواسته', 'زیاده‌خواهی', 'vaatimus', 'vaatimukset', 'kohtuuton'],
  slow_payment: ['gecikme', 'geç', 'geçödeme', 'gecikmeliödeme', 'yavaş', 'دیرکرد', 'تأخیر', 'تاخیر', 'دیرپرداخت', 'myöhässä', 'maksuviive', 'viive', 'hidas'],
  invoice_dispute: ['itiraz', 'faturaitirazı', 'اعتراض', 'اعتراض‌فاکتور', 'laskukiista', 'reklamaatio', 'kiista'],
  changes_mind: ['fikirdeğiştirme', 'kararsız', 'تغییرنظر', 'دودلی', 'mielenmuutos', 'jahkailu'],
  ignores_advice: ['tavsiye', 'öneri', 'توصیه', 'نصیحت', 'neuvo', 'neuvot'],
  competitor_play: ['rakip', 'rekabet', 'رقیب', 'رقبا', 'kilpailija', 'kilpailijat', 'kilpailutus'],
  legal_exposure: ['yasal', 'hukuki', 'dava', 'حقوقی', 'قانونی', 'شکایت', 'oikeudellinen', 'juridinen', 'oikeusjuttu'],
};

export const CATEGORY_WORDS: Readonly<Record<Category, Words>> = {
  regular: ['regular', 'normal', 'standart', 'sıradan', 'معمولی', 'عادی', 'tavallinen', 'normaali'],
  vip: ['vip', 'critical', 'kritik', 'önemli', 'ویژه', 'انتقادی', 'مهم', 'kriittinen', 'tärkeä'],
  problem: ['problem', 'problemli', 'sorunlu', 'sorun', 'مشکل‌دار', 'مشکل‌ساز', 'مشکل', 'ongelma', 'ongelmallinen', 'hankala'],
  employee: ['employee', 'staff', 'çalışan', 'personel', 'کارمند', 'کارکنان', 'työntekijä', 'henkilökunta'],
};

export const RELATIONSHIP_WORDS: Readonly<Record<Relationship, Words>> = {
  long_term: [
    'long-term',
    'maintenance',
    'uzun-vadeli',
    'istikrarlı',
    'bakım',
    'بلندمدت',
    'درازمدت',
    'پایدار',
    'pitkäaikainen',
    'pitkäkestoinen',
    'vakituinen',
  ],
  stepping_stone: ['stepping-stone', 'basamak', 'basamak-taşı', 'geçici', 'موقت', 'گذرا', 'سکوی‌پرش', 'välivaihe', 'ponnahduslauta', 'tilapäinen'],
  unknown: ['unknown', 'bilinmiyor', 'belirsiz', 'نامعلوم', 'نامشخص', 'tuntematon'],
};

export const STATUS_WORDS: Readonly<Record<ClientStatus, Words>> = {
  active: ['active', 'aktif', 'etkin', 'فعال', 'aktiivinen'],
  under_review: ['under-review', 'review', 'inceleme', 'incelemede', 'بررسی', 'دربررسی', 'tarkastelu', 'tarkastelussa', 'arvioitavana'],
  prepay_only: ['prepay', 'prepay-only', 'peşin', 'önödeme', 'peşinödeme', 'پیش‌پرداخت', 'ennakkomaksu', 'ennakko'],
  exited: ['exited', 'ayrıldı', 'ayrılan', 'çıkış', 'خارج‌شده', 'پایان‌یافته', 'خاتمه', 'päättynyt', 'lopetettu'],
};

export type Band = 'healthy' | 'watch' | 'at_risk';
export const BAND_WORDS: Readonly<Record<Band, Words>> = {
  healthy: ['healthy', 'sağlıklı', 'سالم', 'terve'],
  watch: ['watch', 'izleme', 'takip', 'مراقبت', 'زیرنظر', 'seuranta', 'seurannassa'],
  at_risk: ['at-risk', 'risk', 'riskli', 'risk-altında', 'درخطر', 'پرخطر', 'riski', 'vaarassa', 'riskissä'],
};

/** `/client list mine` and `/client list all`. */
export const LIST_WORDS: Readonly<Record<'mine' | 'all', Words>> = {
  mine: ['mine', 'my', 'me', 'benim', 'benimkiler', 'من', 'مال‌من', 'omat', 'minun'],
  all: ['all', 'hepsi', 'tümü', 'همه', 'kaikki'],
};

/** The fields of `/client set <name> <field> <value>`, by the field's English word. */
export const CLIENT_FIELD_WORDS: Readonly<Record<string, Words>> = {
  name: ['name', 'isim', 'نام', 'nimi'],
  category: ['category', 'kategori', 'دسته', 'kategoria'],
  relationship: ['relationship', 'ilişki', 'رابطه', 'suhde'],
  owner: ['owner', 'sorumlu', 'مسئول', 'omistaja', 'vastuuhenkilö'],
  value: ['value', 'değer', 'tutar', 'ارزش', 'مبلغ', 'arvo'],
  status: ['status', 'durum', 'وضعیت', 'tila'],
  renews: ['renews', 'yenileme', 'تمدید', 'uusiutuu'],
};

/** `none`, `never`, `-`: clears a value (`/client set acme owner yok`). */
export const NONE_WORDS: Words = ['none', 'nobody', 'never', '-', 'yok', 'hiç', 'kimse', 'هیچ', 'هیچ‌کس', 'ندارد', 'ei', 'ei-kukaan', 'ei-mitään'];

const indexes = new WeakMap<object, Map<string, string>>();

/** The entry whose words hold `word` (by `wordKey`), or undefined. The key of each entry counts as one of its words. */
export function lookUp<K extends string>(table: Readonly<Record<K, Words>>, word: string): K | undefined {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const [entry, words] of Object.entries(table) as [K, Words][]) {
      for (const w of [entry, ...words]) if (!index.has(wordKey(w))) index.set(wordKey(w), entry);
    }
    indexes.set(table, index);
  }
  const key = wordKey(word);
  return key ? (index.get(key) as K | undefined) : undefined;
}

export function isNoneWord(word: string): boolean {
  const key = wordKey(word);
  return word.trim() === '-' || (key !== '' && NONE_WORDS.some((w) => wordKey(w) === key));
}

/**
 * The default trait a word names with its sign, in any of the four languages: a word of the trait itself, else a
 * word of its dimension with that polarity. `traits` are the workspace's, so a default trait it does not have
 * (none today) is not named.
 */
export function defaultTraitNamed(
  traits: readonly { key: string; dimension: string; polarity: Polarity }[],
  polarity: Polarity,
  word: string,
): string | undefined {
  const key = wordKey(word);
  if (!key) return undefined;
  const own = traits.find((t) => t.polarity === polarity && TRAIT_WORDS[t.key]?.some((w) => wordKey(w) === key));
  if (own) return own.key;
  const dimension = Object.entries(DIMENSION_WORDS).find(([, words]) => words.some((w) => wordKey(w) === key))?.[0];
  return dimension ? traits.find((t) => t.polarity === polarity && t.dimension === dimension)?.key : undefined;
}
