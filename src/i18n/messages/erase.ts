/** `/client delete`, done: what went, counted in the reader's words. */
import { area } from '../area.js';

export const eraseMessages = area(
  {
    'erase.done':
      '🗑️ Deleted {name} and everything Rapport held about it: {what}. The audit log keeps one line: that it was deleted, by whom, and when.{pages, plural, =0 {} one { It was also taken out of # digest message.} other { It was also taken out of # digest messages.}}',
    'erase.nothingElse': 'nothing else was recorded about it',
    'erase.calls': '{n, plural, one {# call} other {# calls}}',
    'erase.traits': '{n, plural, one {# trait} other {# traits}}',
    'erase.incidents': '{n, plural, one {# incident} other {# incidents}}',
    'erase.warnings': '{n, plural, one {# warning} other {# warnings}}',
    'erase.decisions': '{n, plural, one {# decision} other {# decisions}}',
    'erase.snoozes': '{n, plural, one {# snooze} other {# snoozes}}',
    'erase.proposals': '{n, plural, one {# proposal} other {# proposals}}',
    'erase.categoryChanges': '{n, plural, one {# category change} other {# category changes}}',
    'erase.historyLines': '{n, plural, one {# history line} other {# history lines}}',
  },
  {
    tr: {
      'erase.done':
        '🗑️ {name} ve Rapport’un onunla ilgili tuttuğu her şey silindi: {what}. Denetim kaydında tek satır kalır: silindiği, kimin sildiği ve ne zaman.{pages, plural, =0 {} one { Ayrıca # özet mesajından çıkarıldı.} other { Ayrıca # özet mesajından çıkarıldı.}}',
      'erase.nothingElse': 'onunla ilgili başka bir kayıt yoktu',
      'erase.calls': '{n, plural, one {# görüşme} other {# görüşme}}',
      'erase.traits': '{n, plural, one {# özellik} other {# özellik}}',
      'erase.incidents': '{n, plural, one {# olay} other {# olay}}',
      'erase.warnings': '{n, plural, one {# uyarı} other {# uyarı}}',
      'erase.decisions': '{n, plural, one {# karar} other {# karar}}',
      'erase.snoozes': '{n, plural, one {# erteleme} other {# erteleme}}',
      'erase.proposals': '{n, plural, one {# öneri} other {# öneri}}',
      'erase.categoryChanges': '{n, plural, one {# kategori değişikliği} other {# kategori değişikliği}}',
      'erase.historyLines': '{n, plural, one {# geçmiş satırı} other {# geçmiş satırı}}',
    },
    fa: {
      'erase.done':
        '🗑️ {name} و هر آنچه Rapport درباره‌اش نگه می‌داشت حذف شد: {what}. در گزارش ممیزی یک سطر می‌ماند: اینکه حذف شد، چه کسی و چه زمانی.{pages, plural, =0 {} one { از # پیام خلاصه هم برداشته شد.} other { از # پیام خلاصه هم برداشته شد.}}',
      'erase.nothingElse': 'چیز دیگری درباره‌اش ثبت نشده بود',
      'erase.calls': '{n, plural, one {# تماس} other {# تماس}}',
      'erase.traits': '{n, plural, one {# ویژگی} other {# ویژگی}}',
      'erase.incidents': '{n, plural, one {# رویداد} other {# رویداد}}',
      'erase.warnings': '{n, plural, one {# هشدار} other {# هشدار}}',
      'erase.decisions': '{n, plural, one {# تصمیم} other {# تصمیم}}',
      'erase.snoozes': '{n, plural, one {# تعویق} other {# تعویق}}',
      'erase.proposals': '{n, plural, one {# پیشنهاد} other {# پیشنهاد}}',
      'erase.categoryChanges': '{n, plural, one {# تغییر دسته} other {# تغییر دسته}}',
      'erase.historyLines': '{n, plural, one {# سطر تاریخچه} other {# سطر تاریخچه}}',
    },
    fi: {
      'erase.done':
        '🗑️ {name} ja kaikki, mitä Rapport siitä säilytti, poistettiin: {what}. Tarkastuslokiin jää yksi rivi: että se poistettiin, kuka sen poisti ja milloin.{pages, plural, =0 {} one { Se poistettiin myös # koosteviestistä.} other { Se poistettiin myös # koosteviestistä.}}',
      'erase.nothingElse': 'siitä ei ollut tallennettu muuta',
      'erase.calls': '{n, plural, one {# puhelu} other {# puhelua}}',
      'erase.traits': '{n, plural, one {# piirre} other {# piirrettä}}',
      'erase.incidents': '{n, plural, one {# tapahtuma} other {# tapahtumaa}}',
      'erase.warnings': '{n, plural, one {# varoitus} other {# varoitusta}}',
      'erase.decisions': '{n, plural, one {# päätös} other {# päätöstä}}',
      'erase.snoozes': '{n, plural, one {# lykkäys} other {# lykkäystä}}',
      'erase.proposals': '{n, plural, one {# ehdotus} other {# ehdotusta}}',
      'erase.categoryChanges': '{n, plural, one {# luokan muutos} other {# luokan muutosta}}',
      'erase.historyLines': '{n, plural, one {# historiarivi} other {# historiariviä}}',
    },
  },
);
