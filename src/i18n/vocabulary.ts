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
import type { Category, ClientStatus, IncidentKind, Polarity, Relationship } from '../domain/kinds.js';
import { LOCALES, type Locale } from './locales.js';

type Words = readonly string[];

/** Each entry's words, by the language they are (help shows a reader the words of their own language). */
export type Vocabulary<K extends string> = Readonly<Record<K, Readonly<Partial<Record<Locale, Words>>>>>;

/** Every word of an entry, in every language. */
const allWords = (byLanguage: Readonly<Partial<Record<Locale, Words>>> | undefined): Words => (byLanguage ? LOCALES.flatMap((l) => byLanguage[l] ?? []) : []);

/** Words for a trait's dimension: the sign picks the good or the bad trait (`+iletişim`, `-iletişim`). */
export const DIMENSION_WORDS: Vocabulary<string> = {
  communication: { en: ['communication', 'comms'], tr: ['iletişim'], fa: ['ارتباط', 'ارتباطات'], fi: ['viestintä', 'kommunikaatio', 'kommunikointi'] },
  information: {
    en: ['information', 'info', 'sharing', 'reporting', 'data'],
    tr: ['bilgi', 'paylaşım', 'bilgipaylaşımı', 'veri', 'raporlama'],
    fa: ['اطلاعات', 'گزارش', 'گزارش‌دهی', 'داده'],
    fi: ['tieto', 'tiedot', 'tiedonjako', 'raportointi'],
  },
  opinions: { en: ['opinions', 'opinion'], tr: ['görüş', 'görüşler', 'fikir'], fa: ['نظر', 'نظرات'], fi: ['mielipide', 'mielipiteet'] },
  knowledge: { en: ['knowledge'], tr: ['uzmanlık', 'öğretme'], fa: ['دانش', 'آموزش'], fi: ['osaaminen', 'tietämys', 'opettaminen'] },
  attitude: { en: ['attitude'], tr: ['tutum', 'tavır'], fa: ['نگرش', 'رفتار'], fi: ['asenne'] },
  etiquette: { en: ['etiquette'], tr: ['görgü', 'nezaket'], fa: ['ادب', 'آداب'], fi: ['etiketti', 'käytöstavat'] },
  conflict: {
    en: ['arguments', 'conflict', 'unresolved'],
    tr: ['tartışma', 'tartışmalar', 'çatışma', 'çözümsüz'],
    fa: ['بحث', 'اختلاف', 'دعوا'],
    fi: ['riita', 'riidat', 'erimielisyys'],
  },
  planning: { en: ['planning', 'strategy'], tr: ['planlama', 'strateji'], fa: ['برنامه‌ریزی', 'استراتژی'], fi: ['suunnittelu', 'strategia'] },
};

/** Words for one default trait only (`+olumlu`, `-olumsuz`, `+beklenti`). */
export const TRAIT_WORDS: Vocabulary<string> = {
  exceeds_expectations: { en: ['teaches', 'expectations'], tr: ['beklenti', 'beklentiler'], fa: ['انتظارات'], fi: ['odotukset'] },
  hoards_knowledge: { en: ['hoarding'] },
  positive_attitude: { en: ['positive'], tr: ['olumlu'], fa: ['مثبت'], fi: ['positiivinen', 'myönteinen'] },
  negative_attitude: { en: ['negative'], tr: ['olumsuz'], fa: ['منفی'], fi: ['negatiivinen', 'kielteinen'] },
};

export const INCIDENT_KIND_WORDS: Vocabulary<IncidentKind> = {
  physical_abuse: { tr: ['fiziksel', 'şiddet', 'darp'], fa: ['فیزیکی', 'خشونت', 'ضرب‌وشتم'], fi: ['fyysinen', 'väkivalta'] },
  mental_abuse: { tr: ['zihinsel', 'hakaret', 'taciz', 'küfür'], fa: ['روانی', 'توهین', 'فحش', 'بدرفتاری'], fi: ['henkinen', 'solvaus', 'haukkuminen'] },
  lying: { tr: ['yalan', 'yalancı'], fa: ['دروغ', 'دروغگویی', 'دروغگو'], fi: ['valehtelu', 'valhe', 'valehteli'] },
  unreasonable_demands: { tr: ['talep', 'talepler', 'mantıksız'], fa: ['درخواست', 'خواسته', 'زیاده‌خواهی'], fi: ['vaatimus', 'vaatimukset', 'kohtuuton'] },
  slow_payment: {
    tr: ['gecikme', 'geç', 'geçödeme', 'gecikmeliödeme', 'yavaş'],
    fa: ['دیرکرد', 'تأخیر', 'تاخیر', 'دیرپرداخت'],
    fi: ['myöhässä', 'maksuviive', 'viive', 'hidas'],
  },
  invoice_dispute: { tr: ['itiraz', 'faturaitirazı'], fa: ['اعتراض', 'اعتراض‌فاکتور'], fi: ['laskukiista', 'reklamaatio', 'kiista'] },
  changes_mind: { tr: ['fikirdeğiştirme', 'kararsız'], fa: ['تغییرنظر', 'دودلی'], fi: ['mielenmuutos', 'jahkailu'] },
  ignores_advice: { tr: ['tavsiye', 'öneri'], fa: ['توصیه', 'نصیحت'], fi: ['neuvo', 'neuvot'] },
  competitor_play: { tr: ['rakip', 'rekabet'], fa: ['رقیب', 'رقبا'], fi: ['kilpailija', 'kilpailijat', 'kilpailutus'] },
  legal_exposure: { tr: ['yasal', 'hukuki', 'dava'], fa: ['حقوقی', 'قانونی', 'شکایت'], fi: ['oikeudellinen', 'juridinen', 'oikeusjuttu'] },
};

export const CATEGORY_WORDS: Vocabulary<Category> = {
  regular: { en: ['regular'], tr: ['normal', 'standart', 'sıradan'], fa: ['معمولی', 'عادی'], fi: ['tavallinen', 'normaali'] },
  vip: { en: ['vip', 'critical'], tr: ['kritik', 'önemli'], fa: ['ویژه', 'انتقادی', 'مهم'], fi: ['kriittinen', 'tärkeä'] },
  problem: { en: ['problem'], tr: ['problemli', 'sorunlu', 'sorun'], fa: ['مشکل‌دار', 'مشکل‌ساز', 'مشکل'], fi: ['ongelma', 'ongelmallinen', 'hankala'] },
  employee: { en: ['employee', 'staff'], tr: ['çalışan', 'personel'], fa: ['کارمند', 'کارکنان'], fi: ['työntekijä', 'henkilökunta'] },
};

export const RELATIONSHIP_WORDS: Vocabulary<Relationship> = {
  long_term: {
    en: ['long-term', 'maintenance'],
    tr: ['uzun-vadeli', 'istikrarlı', 'bakım'],
    fa: ['بلندمدت', 'درازمدت', 'پایدار'],
    fi: ['pitkäaikainen', 'pitkäkestoinen', 'vakituinen'],
  },
  stepping_stone: {
    en: ['stepping-stone'],
    tr: ['basamak', 'basamak-taşı', 'geçici'],
    fa: ['موقت', 'گذرا', 'سکوی‌پرش'],
    fi: ['välivaihe', 'ponnahduslauta', 'tilapäinen'],
  },
  unknown: { en: ['unknown'], tr: ['bilinmiyor', 'belirsiz'], fa: ['نامعلوم', 'نامشخص'], fi: ['tuntematon'] },
};

export const STATUS_WORDS: Vocabulary<ClientStatus> = {
  active: { en: ['active'], tr: ['aktif', 'etkin'], fa: ['فعال'], fi: ['aktiivinen'] },
  under_review: {
    en: ['under-review', 'review'],
    tr: ['inceleme', 'incelemede'],
    fa: ['بررسی', 'دربررسی'],
    fi: ['tarkastelu', 'tarkastelussa', 'arvioitavana'],
  },
  prepay_only: { en: ['prepay', 'prepay-only'], tr: ['peşin', 'önödeme', 'peşinödeme'], fa: ['پیش‌پرداخت'], fi: ['ennakkomaksu', 'ennakko'] },
  exited: { en: ['exited'], tr: ['ayrıldı', 'ayrılan', 'çıkış'], fa: ['خارج‌شده', 'پایان‌یافته', 'خاتمه'], fi: ['päättynyt', 'lopetettu'] },
};

export type Band = 'healthy' | 'watch' | 'at_risk';
export const BAND_WORDS: Vocabulary<Band> = {
  healthy: { en: ['healthy'], tr: ['sağlıklı'], fa: ['سالم'], fi: ['terve'] },
  watch: { en: ['watch'], tr: ['izleme', 'takip'], fa: ['مراقبت', 'زیرنظر'], fi: ['seuranta', 'seurannassa'] },
  at_risk: { en: ['at-risk', 'risk'], tr: ['riskli', 'risk-altında'], fa: ['درخطر', 'پرخطر'], fi: ['riski', 'vaarassa', 'riskissä'] },
};

/** `/client list mine` and `/client list all`. */
export const LIST_WORDS: Vocabulary<'mine' | 'all'> = {
  mine: { en: ['mine', 'my', 'me'], tr: ['benim', 'benimkiler'], fa: ['من', 'مال‌من'], fi: ['omat', 'minun'] },
  all: { en: ['all'], tr: ['hepsi', 'tümü'], fa: ['همه'], fi: ['kaikki'] },
};

/** The fields of `/client set <name> <field> <value>`, by the field's English word. */
export const CLIENT_FIELD_WORDS: Vocabulary<string> = {
  name: { en: ['name'], tr: ['isim'], fa: ['نام'], fi: ['nimi'] },
  category: { en: ['category'], tr: ['kategori'], fa: ['دسته'], fi: ['kategoria'] },
  relationship: { en: ['relationship'], tr: ['ilişki'], fa: ['رابطه'], fi: ['suhde'] },
  owner: { en: ['owner'], tr: ['sorumlu'], fa: ['مسئول'], fi: ['omistaja', 'vastuuhenkilö'] },
  value: { en: ['value'], tr: ['değer', 'tutar'], fa: ['ارزش', 'مبلغ'], fi: ['arvo'] },
  status: { en: ['status'], tr: ['durum'], fa: ['وضعیت'], fi: ['tila'] },
  renews: { en: ['renews'], tr: ['yenileme'], fa: ['تمدید'], fi: ['uusiutuu'] },
  cadence: { en: ['cadence', 'contact-every'], tr: ['sıklık', 'temas-sıklığı'], fa: ['تناوب', 'تناوب-تماس'], fi: ['yhteysväli', 'rytmi'] },
};

/** `none`, `never`, `-`: clears a value (`/client set acme owner yok`). */
export const NONE_WORDS: Readonly<Partial<Record<Locale, Words>>> = {
  en: ['none', 'nobody', 'never', '-'],
  tr: ['yok', 'hiç', 'kimse'],
  fa: ['هیچ', 'هیچ‌کس', 'ندارد'],
  fi: ['ei', 'ei-kukaan', 'ei-mitään'],
};

const indexes = new WeakMap<object, Map<string, string>>();

/** The entry whose words hold `word` (by `wordKey`), or undefined. The key of each entry counts as one of its words. */
export function lookUp<K extends string>(table: Vocabulary<K>, word: string): K | undefined {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const [entry, words] of Object.entries(table) as [K, Vocabulary<K>[K]][]) {
      for (const w of [entry, ...allWords(words)]) if (!index.has(wordKey(w))) index.set(wordKey(w), entry);
    }
    indexes.set(table, index);
  }
  const key = wordKey(word);
  return key ? (index.get(key) as K | undefined) : undefined;
}

export function isNoneWord(word: string): boolean {
  const key = wordKey(word);
  return word.trim() === '-' || (key !== '' && allWords(NONE_WORDS).some((w) => wordKey(w) === key));
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
  const own = traits.find((t) => t.polarity === polarity && allWords(TRAIT_WORDS[t.key]).some((w) => wordKey(w) === key));
  if (own) return own.key;
  const dimension = Object.entries(DIMENSION_WORDS).find(([, words]) => allWords(words).some((w) => wordKey(w) === key))?.[0];
  return dimension ? traits.find((t) => t.polarity === polarity && t.dimension === dimension)?.key : undefined;
}

/** The words of an entry in one language (`wordsIn(CATEGORY_WORDS, 'vip', 'tr')` → kritik, önemli): for help and examples. */
export function wordsIn<K extends string>(table: Vocabulary<K>, entry: K, locale: Locale): Words {
  return table[entry]?.[locale] ?? [];
}

/** The words a reader of `locale` may type after `+`/`-` for a default trait: its own words first, then its dimension's. */
export function traitWordsIn(trait: { key: string; dimension: string }, locale: Locale): Words {
  return [...wordsIn(TRAIT_WORDS, trait.key, locale), ...wordsIn(DIMENSION_WORDS, trait.dimension, locale)];
}
