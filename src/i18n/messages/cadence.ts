/**
 * Staying in touch and observers who disagree (issue 29): a client's cadence and last contact (`/client show`, the
 * digest's overdue clients, `/client set … cadence`, `/rapport settings cadence`), and the disputed dimensions
 * named to the two observers and the owner, in `/client show` and in the digest.
 */
import { area } from '../area.js';

export const cadenceMessages = area(
  {
    'cadence.everyCategory': '📅 *Stay in touch* every {days, plural, one {# day} other {# days}}, as with every {category} client.',
    'cadence.everyOwn':
      '📅 *Stay in touch* every {days, plural, one {# day} other {# days}}, set for this client ({category} clients: every {usual, plural, one {# day} other {# days}}).',
    'cadence.lastCall': 'Last contact: a call logged by {who} on {day}.',
    'cadence.lastMessage': 'Last contact: a Slack message logged as a call by {who} on {day}.',
    'cadence.never': 'No contact logged yet: the days are counted from when the client was added.',
    'cadence.dueIn': 'Next contact due in {days, plural, one {# day} other {# days}}.',
    'cadence.dueToday': '⏰ Contact is due today.',
    'cadence.overdue': '⏰ *Past due* by {days, plural, one {# day} other {# days}}.',
    'cadence.newerIncident': 'An incident logged by {who} on {day} is newer; an incident does not count as a check-in, so it leaves the cadence as it was.',
    'cadence.setOwn': '✅ *{name}*: stay in touch every {days, plural, one {# day} other {# days}}.',
    'cadence.setDefault': '✅ *{name}*: stay in touch as with every {category} client, every {days, plural, one {# day} other {# days}}.',
    'cadence.setText': '{name}: stay in touch every {days, plural, one {# day} other {# days}}.',
    'cadence.notDays': '{typed} is not a number of days: say a whole number from 1 to 3650, or `default`.',
    'cadence.settingsItem': '{category} {days, number} d',
    'cadence.settings': 'Stay in touch: {list} · snooze {snooze, number} d · opposite views within {disagreement, number} d are named',
    'cadence.settingsWhich': 'Say a category and a number of days, e.g. {example}.',
    'cadence.digest.overdueLast':
      '🔕 No contact for {days, plural, one {# day} other {# days}}, due every {cadence, plural, one {# day} other {# days}} (last a call on {day})',
    'cadence.digest.overdueBy':
      '🔕 No contact for {days, plural, one {# day} other {# days}}, due every {cadence, plural, one {# day} other {# days}} (last {means, select, message {a Slack message logged} other {a call}} by {who} on {day})',
    'cadence.digest.overdueNever':
      '🔕 No contact in the {days, plural, one {# day} other {# days}} since the client was added, due every {cadence, plural, one {# day} other {# days}}',
    'cadence.dispute.title': '⚖️ *Observers disagree*',
    'cadence.dispute.line': '{dimension}: {goodWho} saw {good} on {goodDay}; {badWho} saw {bad} on {badDay}.',
    'cadence.dispute.scoreNote':
      'The score weighs both views, so {count, plural, one {this dimension is} other {these dimensions are}} disputed, not settled. Compare notes before relying on it.',
    'cadence.dispute.dm': '⚖️ *Two people see {name} differently.* Never assume: compare notes, then log what you agree on.',
    'cadence.dispute.dmText': 'Two people see {name} differently: compare notes.',
    'cadence.dispute.digestTitle': '⚖️ *Observers disagree* ({count, number}): the scores weigh both views; compare notes.',
    'cadence.dispute.digestItem': '*{name}* · {line}',
  },
  {
    tr: {
      'cadence.everyCategory': '📅 *İletişim sıklığı:* her {days, plural, one {# günde} other {# günde}} bir, her {category} müşteride olduğu gibi.',
      'cadence.everyOwn':
        '📅 *İletişim sıklığı:* her {days, plural, one {# günde} other {# günde}} bir, bu müşteriye özel ({category} müşteriler: her {usual, plural, one {# günde} other {# günde}} bir).',
      'cadence.lastCall': 'Son temas: {who} tarafından {day} tarihinde kaydedilen bir görüşme.',
      'cadence.lastMessage': 'Son temas: {who} tarafından {day} tarihinde görüşme olarak kaydedilen bir Slack mesajı.',
      'cadence.never': 'Henüz temas kaydı yok: günler müşterinin eklendiği andan itibaren sayılıyor.',
      'cadence.dueIn': 'Sonraki temas {days, plural, one {# gün} other {# gün}} içinde.',
      'cadence.dueToday': '⏰ Temas zamanı bugün.',
      'cadence.overdue': '⏰ *Temas gecikti:* {days, plural, one {# gün} other {# gün}}.',
      'cadence.newerIncident': '{who} tarafından {day} tarihinde kaydedilen bir olay daha yeni; olay bir görüşme değildir, sıklığı sıfırlamaz.',
      'cadence.setOwn': '✅ *{name}*: her {days, plural, one {# günde} other {# günde}} bir iletişim.',
      'cadence.setDefault': '✅ *{name}*: her {category} müşteride olduğu gibi, her {days, plural, one {# günde} other {# günde}} bir iletişim.',
      'cadence.setText': '{name}: her {days, plural, one {# günde} other {# günde}} bir iletişim.',
      'cadence.notDays': '{typed} bir gün sayısı değil: 1 ile 3650 arasında bir tam sayı ya da `varsayılan` yazın.',
      'cadence.settingsItem': '{category} {days, number} gün',
      'cadence.settings': 'İletişim sıklığı: {list} · erteleme {snooze, number} gün · {disagreement, number} gün içindeki zıt görüşler bildirilir',
      'cadence.settingsWhich': 'Bir kategori ve gün sayısı yazın, örneğin {example}.',
      'cadence.digest.overdueLast':
        '🔕 {days, plural, one {# gündür} other {# gündür}} temas yok, her {cadence, plural, one {# günde} other {# günde}} bir gerekiyor (son görüşme {day})',
      'cadence.digest.overdueBy':
        '🔕 {days, plural, one {# gündür} other {# gündür}} temas yok, her {cadence, plural, one {# günde} other {# günde}} bir gerekiyor (son: {day} tarihinde {who} tarafından {means, select, message {kaydedilen bir Slack mesajı} other {yapılan bir görüşme}})',
      'cadence.digest.overdueNever':
        '🔕 Müşteri eklendiğinden beri {days, plural, one {# gündür} other {# gündür}} temas yok, her {cadence, plural, one {# günde} other {# günde}} bir gerekiyor',
      'cadence.dispute.title': '⚖️ *Gözlemciler aynı fikirde değil*',
      'cadence.dispute.line': '{dimension}: {goodWho} {goodDay} tarihinde {good} gördü; {badWho} {badDay} tarihinde {bad} gördü.',
      'cadence.dispute.scoreNote':
        'Puan iki görüşü de tartıyor; {count, plural, one {bu boyut} other {bu boyutlar}} tartışmalı, kesinleşmiş değil. Güvenmeden önce notlarınızı karşılaştırın.',
      'cadence.dispute.dm': '⚖️ *İki kişi {name} müşterisini farklı görüyor.* Varsaymayın: notlarınızı karşılaştırın, sonra üzerinde anlaştığınızı kaydedin.',
      'cadence.dispute.dmText': 'İki kişi {name} müşterisini farklı görüyor: notlarınızı karşılaştırın.',
      'cadence.dispute.digestTitle': '⚖️ *Gözlemciler aynı fikirde değil* ({count, number}): puanlar iki görüşü de tartıyor; notlarınızı karşılaştırın.',
      'cadence.dispute.digestItem': '*{name}* · {line}',
    },
    fa: {
      'cadence.everyCategory': '📅 *در تماس ماندن:* هر {days, plural, one {# روز} other {# روز}} یک بار، مانند همهٔ مشتریان {category}.',
      'cadence.everyOwn':
        '📅 *در تماس ماندن:* هر {days, plural, one {# روز} other {# روز}} یک بار، ویژهٔ این مشتری (مشتریان {category}: هر {usual, plural, one {# روز} other {# روز}} یک بار).',
      'cadence.lastCall': 'آخرین تماس: تماسی که {who} در {day} ثبت کرد.',
      'cadence.lastMessage': 'آخرین تماس: پیامی در Slack که {who} در {day} به‌عنوان تماس ثبت کرد.',
      'cadence.never': 'هنوز تماسی ثبت نشده است: روزها از زمان افزودن مشتری شمرده می‌شوند.',
      'cadence.dueIn': 'تماس بعدی تا {days, plural, one {# روز} other {# روز}} دیگر.',
      'cadence.dueToday': '⏰ موعد تماس امروز است.',
      'cadence.overdue': '⏰ *تماس عقب افتاده است:* {days, plural, one {# روز} other {# روز}}.',
      'cadence.newerIncident': 'رویدادی که {who} در {day} ثبت کرد جدیدتر است؛ رویداد تماس به شمار نمی‌آید و موعد را از نو نمی‌شمارد.',
      'cadence.setOwn': '✅ *{name}*: هر {days, plural, one {# روز} other {# روز}} یک بار تماس.',
      'cadence.setDefault': '✅ *{name}*: مانند همهٔ مشتریان {category}، هر {days, plural, one {# روز} other {# روز}} یک بار تماس.',
      'cadence.setText': '{name}: هر {days, plural, one {# روز} other {# روز}} یک بار تماس.',
      'cadence.notDays': '{typed} تعداد روز نیست: عددی صحیح از ۱ تا ۳۶۵۰ یا `پیش‌فرض` بنویسید.',
      'cadence.settingsItem': '{category} {days, number} روز',
      'cadence.settings': 'در تماس ماندن: {list} · تعویق {snooze, number} روز · دیدگاه‌های مخالف در فاصلهٔ {disagreement, number} روز اعلام می‌شوند',
      'cadence.settingsWhich': 'یک دسته و تعداد روز بنویسید، برای نمونه {example}.',
      'cadence.digest.overdueLast':
        '🔕 {days, plural, one {# روز} other {# روز}} بدون تماس، باید هر {cadence, plural, one {# روز} other {# روز}} یک بار باشد (آخرین تماس: {day})',
      'cadence.digest.overdueBy':
        '🔕 {days, plural, one {# روز} other {# روز}} بدون تماس، باید هر {cadence, plural, one {# روز} other {# روز}} یک بار باشد (آخرین: {means, select, message {پیامی در Slack} other {تماسی}} که {who} در {day} ثبت کرد)',
      'cadence.digest.overdueNever':
        '🔕 {days, plural, one {# روز} other {# روز}} از افزودن مشتری گذشته و تماسی نبوده است، باید هر {cadence, plural, one {# روز} other {# روز}} یک بار باشد',
      'cadence.dispute.title': '⚖️ *ناظران هم‌نظر نیستند*',
      'cadence.dispute.line': '{dimension}: {goodWho} در {goodDay} {good} دید؛ {badWho} در {badDay} {bad} دید.',
      'cadence.dispute.scoreNote':
        'امتیاز هر دو دیدگاه را می‌سنجد، پس {count, plural, one {این بُعد} other {این بُعدها}} محل اختلاف است و قطعی نیست. پیش از تکیه بر آن یادداشت‌هایتان را مقایسه کنید.',
      'cadence.dispute.dm': '⚖️ *دو نفر {name} را متفاوت می‌بینند.* فرض نکنید: یادداشت‌هایتان را مقایسه کنید و سپس آنچه بر آن توافق دارید را ثبت کنید.',
      'cadence.dispute.dmText': 'دو نفر {name} را متفاوت می‌بینند: یادداشت‌هایتان را مقایسه کنید.',
      'cadence.dispute.digestTitle': '⚖️ *ناظران هم‌نظر نیستند* ({count, number}): امتیازها هر دو دیدگاه را می‌سنجند؛ یادداشت‌هایتان را مقایسه کنید.',
      'cadence.dispute.digestItem': '*{name}* · {line}',
    },
    fi: {
      'cadence.everyCategory': '📅 *Yhteydenpito* {days, plural, one {# päivän} other {# päivän}} välein, kuten kaikilla asiakkailla luokassa {category}.',
      'cadence.everyOwn':
        '📅 *Yhteydenpito* {days, plural, one {# päivän} other {# päivän}} välein, asetettu tälle asiakkaalle (luokka {category}: {usual, plural, one {# päivän} other {# päivän}} välein).',
      'cadence.lastCall': 'Viimeisin yhteys: puhelu, jonka {who} kirjasi {day}.',
      'cadence.lastMessage': 'Viimeisin yhteys: Slack-viesti, jonka {who} kirjasi puheluksi {day}.',
      'cadence.never': 'Yhteyksiä ei ole vielä kirjattu: päivät lasketaan asiakkaan lisäämisestä.',
      'cadence.dueIn': 'Seuraava yhteys {days, plural, one {# päivän} other {# päivän}} kuluttua.',
      'cadence.dueToday': '⏰ Yhteydenotto on tänään.',
      'cadence.overdue': '⏰ *Yhteydenotto myöhässä* {days, plural, one {# päivää} other {# päivää}}.',
      'cadence.newerIncident': 'Käyttäjän {who} {day} kirjaama tapahtuma on uudempi; tapahtuma ei ole yhteydenotto, joten se ei nollaa väliä.',
      'cadence.setOwn': '✅ *{name}*: yhteydenpito {days, plural, one {# päivän} other {# päivän}} välein.',
      'cadence.setDefault': '✅ *{name}*: yhteydenpito kuten luokassa {category}, {days, plural, one {# päivän} other {# päivän}} välein.',
      'cadence.setText': '{name}: yhteydenpito {days, plural, one {# päivän} other {# päivän}} välein.',
      'cadence.notDays': '{typed} ei ole päivien määrä: kirjoita kokonaisluku 1–3650 tai `oletus`.',
      'cadence.settingsItem': '{category} {days, number} pv',
      'cadence.settings': 'Yhteydenpito: {list} · torkku {snooze, number} pv · vastakkaiset näkemykset {disagreement, number} pv sisällä nimetään',
      'cadence.settingsWhich': 'Kirjoita luokka ja päivien määrä, esim. {example}.',
      'cadence.digest.overdueLast':
        '🔕 Ei yhteyttä {days, plural, one {# päivään} other {# päivään}}, väli {cadence, plural, one {# päivä} other {# päivää}} (viimeisin puhelu {day})',
      'cadence.digest.overdueBy':
        '🔕 Ei yhteyttä {days, plural, one {# päivään} other {# päivään}}, väli {cadence, plural, one {# päivä} other {# päivää}} (viimeisin: {means, select, message {Slack-viesti} other {puhelu}}, kirjannut {who} {day})',
      'cadence.digest.overdueNever':
        '🔕 Ei yhteyttä {days, plural, one {# päivään} other {# päivään}} asiakkaan lisäämisen jälkeen, väli {cadence, plural, one {# päivä} other {# päivää}}',
      'cadence.dispute.title': '⚖️ *Havainnoijat ovat eri mieltä*',
      'cadence.dispute.line': '{dimension}: {goodWho} näki {good} {goodDay}; {badWho} näki {bad} {badDay}.',
      'cadence.dispute.scoreNote':
        'Pisteet punnitsevat molempia näkemyksiä, joten {count, plural, one {tämä ulottuvuus on} other {nämä ulottuvuudet ovat}} kiistanalainen, ei ratkaistu. Vertailkaa muistiinpanoja ennen kuin luotatte siihen.',
      'cadence.dispute.dm':
        '⚖️ *Kaksi ihmistä näkee asiakkaan {name} eri tavoin.* Älkää olettako: vertailkaa muistiinpanoja ja kirjatkaa sitten, mistä olette samaa mieltä.',
      'cadence.dispute.dmText': 'Kaksi ihmistä näkee asiakkaan {name} eri tavoin: vertailkaa muistiinpanoja.',
      'cadence.dispute.digestTitle': '⚖️ *Havainnoijat ovat eri mieltä* ({count, number}): pisteet punnitsevat molempia näkemyksiä; vertailkaa muistiinpanoja.',
      'cadence.dispute.digestItem': '*{name}* · {line}',
    },
  },
);
