/** Choosing the language Rapport speaks, the calendar of its dates and the currency of its money. */
import { area } from '../area.js';

export const languageMessages = area(
  {
    'language.name.en': 'English',
    'language.name.tr': 'Turkish (Türkçe)',
    'language.name.fa': 'Persian (فارسی)',
    'language.name.fi': 'Finnish (suomi)',
    'language.mine': 'From now on Rapport speaks {language} to you.',
    'language.workspace': 'From now on Rapport speaks {language} in this workspace: in the digest, and to everyone who has not chosen a language of their own.',
  },
  {
    tr: {
      'language.name.en': 'İngilizce (English)',
      'language.name.tr': 'Türkçe',
      'language.name.fa': 'Farsça (فارسی)',
      'language.name.fi': 'Fince (suomi)',
      'language.mine': 'Rapport bundan sonra sizinle {language} konuşacak.',
      'language.workspace': 'Rapport bundan sonra bu çalışma alanında {language} konuşacak: özette ve kendi dilini seçmemiş herkesle.',
    },
    fa: {
      'language.name.en': 'انگلیسی (English)',
      'language.name.tr': 'ترکی (Türkçe)',
      'language.name.fa': 'فارسی',
      'language.name.fi': 'فنلاندی (suomi)',
      'language.mine': 'از این پس Rapport با شما به {language} صحبت می‌کند.',
      'language.workspace': 'از این پس Rapport در این فضای کاری به {language} صحبت می‌کند: در گزارش هفتگی و با هر کسی که زبان خودش را انتخاب نکرده است.',
    },
    fi: {
      'language.name.en': 'englanti (English)',
      'language.name.tr': 'turkki (Türkçe)',
      'language.name.fa': 'persia (فارسی)',
      'language.name.fi': 'suomi',
      'language.mine': 'Tästä lähtien Rapport puhuu sinulle kieltä: {language}.',
      'language.workspace':
        'Tästä lähtien Rapport puhuu tässä työtilassa kieltä: {language}. Se koskee koostetta ja kaikkia, jotka eivät ole valinneet omaa kieltään.',
    },
  },
);
