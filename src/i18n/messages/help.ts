/**
 * Help for each command. Usage lines (`/call <client> …`) and the words a person types stay as they are in every
 * language (they are the commands' syntax); what explains them is translated, and examples use the reader's words.
 */
import { area } from '../area.js';

export const helpMessages = area(
  {
    'help.text': 'Rapport help: /{topic}',
    'help.unknown': "I don't know {command}. Here is what I do:",
    'help.call':
      '*Log a call* — {usage}\nExample: `/call acme +communication -reporting Weekly sync, still no usage data`\n`/call` alone opens a form; `/call acme` opens it for Acme. Names with spaces work as typed, or in quotes.',
    'help.goodTraits': '*Good traits* (Rapport’s defaults; `/call` alone opens a form listing your workspace’s own)',
    'help.badTraits': '*Bad traits*',
    'help.also': '(also {words})',
    'help.incident':
      '*Log an incident* — {usage}\nExamples: `/incident acme late 45 invoice=INV-7 amount=1200` · `/incident acme dispute invoice=INV-9` · `/incident acme competitor competitor=Globex` (add `off-contract` when it was not about agreed work)\n`/incident` alone opens a form with the right fields for each kind.\nA payment on time is good behaviour, not an incident: `/incident acme paid on time 1200` (it counts towards better payment terms).',
    'help.kinds': '*Kinds* (firing criterion number, then the words you can type)',
    'help.abuseNote': 'Mental abuse (2) counts only after the client was told it is unacceptable: the confirmation has a button to record that.',
    'help.client.title': '*Clients*',
    'help.client.add': '{usage} e.g. `/client add Acme Corp vip long-term @dana 12k`',
    'help.client.show':
      '{usage} health, 8-week trend, criteria, when to be in touch next and who last was, views that disagree, last calls and incidents, decisions',
    'help.client.list': '{usage} e.g. `/client list vip` or `/client list at-risk`',
    'help.client.renewals':
      '`/client renewals` the clients renewing in the next 90 days, soonest first, with what each is worth a month, and a time line of them',
    'help.client.set': '{usage} fields: {fields}',
    'help.client.delete': '{usage} erases a client and everything about it, after you confirm (its owner or an admin)',
    'help.client.link': '{usage}: forms opened there, and messages logged from there, are for that client',
    'help.client.next': '{usage} e.g. `/client next acme Send the renewal deck @dana friday`: who (default: the client’s owner) is reminded by DM that morning',
    'help.client.words': 'Categories: {categories} · relationships: {relationships}',
    'help.rapport.intro': '*Rapport* keeps score of your client relationships.',
    'help.rapport.settings': '{usage} (changes: workspace admins only)',
    'help.rapport.digest': '`/rapport digest preview` this week’s digest so far, just for you · `/rapport digest now [--force]` post it (admins)',
    'help.rapport.export': '`/rapport export` every record of this workspace as CSV files, sent to you by DM (admins)',
    'help.rapport.todo': '`/rapport todo` your open next steps, overdue first, with Done and Snooze',
    'help.rapport.outcomes':
      '`/rapport outcomes [30d | 6m | 2026-q3]` what came of keep, prepayment and exit decisions, per decision and per category (the last quarter unless you say), their reasons counted, and clients that left while green',
    'help.rapport.value':
      '`/rapport value [6m]` monthly value by client category, month by month (the last 6 months unless you say), with the clients moved between categories',
    'help.rapport.meDigest':
      '`/rapport settings me digest on` your own clients’ part of the weekly digest, by DM, at the digest’s time in your time zone (`off` stops it)',
    'help.rapport.meLanguage':
      '`/rapport settings me language tr` the language Rapport speaks to you: `en`, `tr`, `fa`, `fi` (`default` follows the workspace)',
    'help.rapport.home': 'The App Home tab lists your own clients, worst first.',
  },
  {
    tr: {
      'help.text': 'Rapport yardımı: /{topic}',
      'help.unknown': '{command} komutunu bilmiyorum. Yapabildiklerim şunlar:',
      'help.call':
        '*Görüşme kaydet* — {usage}\nÖrnek: `/call globex +iletişim dün Haftalık toplantı, kullanım verisi hâlâ yok`\nYalnızca `/call` bir form açar; `/call globex` formu Globex için açar. Boşluklu adlar yazıldığı gibi ya da tırnak içinde çalışır.',
      'help.goodTraits':
        '*Olumlu özellikler* (Rapport’un varsayılanları; yalnızca `/call` yazarsanız çalışma alanınızın kendi özelliklerini listeleyen bir form açılır)',
      'help.badTraits': '*Olumsuz özellikler*',
      'help.also': '(ayrıca {words})',
      'help.incident':
        '*Olay kaydet* — {usage}\nÖrnekler: `/incident globex late 45 invoice=INV-7 amount=1200` · `/incident globex dispute invoice=INV-9` · `/incident globex competitor competitor=Initech` (anlaşılan işle ilgili değilse `off-contract` ekleyin)\nYalnızca `/incident` her olay türü için doğru alanları olan bir form açar.\nZamanında ödeme olay değil, iyi davranıştır: `/incident globex zamanında ödedi 1200` (daha iyi ödeme koşullarına sayılır).',
      'help.kinds': '*Olay türleri* (ayrılık kriterinin numarası, ardından yazabileceğiniz sözcükler)',
      'help.abuseNote':
        'Zihinsel taciz (2), ancak müşteriye bunun kabul edilemez olduğu söylendikten sonra sayılır: onay mesajında bunu kaydetmek için bir düğme vardır.',
      'help.client.title': '*Müşteriler*',
      'help.client.add': '{usage} örneğin `/client add Ostim Makine vip long-term @ayşe 12k`',
      'help.client.show':
        '{usage} sağlık, 8 haftalık eğilim, kriterler, sonraki temasın zamanı ve son temas kuran, çelişen görüşler, son görüşmeler ve olaylar, kararlar',
      'help.client.list': '{usage} örneğin `/client list vip` veya `/client list at-risk`',
      'help.client.renewals':
        '`/client renewals` önümüzdeki 90 günde yenilenecek müşteriler, en yakını önce, her birinin aylık değeriyle ve bir zaman çizelgesiyle',
      'help.client.set': '{usage} alanlar: {fields}',
      'help.client.delete': '{usage} onayınızdan sonra bir müşteriyi ve onunla ilgili her şeyi siler (müşterinin sorumlusu veya bir yönetici)',
      'help.client.link': '{usage}: orada açılan formlar ve oradan kaydedilen mesajlar o müşteri içindir',
      'help.client.next':
        '{usage} örneğin `/client next globex Yenileme sunumunu gönder @ayşe cuma`: kime verildiyse (varsayılan: müşterinin sorumlusu) o sabah DM ile hatırlatılır',
      'help.client.words': 'Kategoriler: {categories} · ilişki türleri: {relationships}',
      'help.rapport.intro': '*Rapport* müşteri ilişkilerinizin karnesini tutar.',
      'help.rapport.settings': '{usage} (değişiklikleri yalnızca çalışma alanı yöneticileri yapabilir)',
      'help.rapport.digest':
        '`/rapport digest preview` bu haftanın özetini şimdiye kadarki haliyle yalnızca size gösterir · `/rapport digest now [--force]` özeti paylaşır (yöneticiler)',
      'help.rapport.export': '`/rapport export` bu çalışma alanının tüm kayıtlarını CSV dosyaları olarak size DM ile gönderir (yöneticiler)',
      'help.rapport.todo': '`/rapport todo` açık sonraki adımlarınız, gecikenler önce, Tamam ve Ertele düğmeleriyle',
      'help.rapport.outcomes':
        '`/rapport outcomes [30d | 6m | 2026-q3]` devam, ön ödeme ve ayrılık kararlarının ne sonuç verdiği, karar ve kategori başına (aksi söylenmedikçe son çeyrek), sayılan gerekçeleri ve sağlığı yeşilken ayrılan müşteriler',
      'help.rapport.value':
        '`/rapport value [6m]` müşteri kategorisine göre aylık değer, ay ay (aksi söylenmedikçe son 6 ay), kategori değiştiren müşterilerle birlikte',
      'help.rapport.meDigest':
        '`/rapport settings me digest on` haftalık özetin kendi müşterilerinizle ilgili kısmı, özet saatinde kendi saat diliminize göre DM ile gelir (`off` durdurur)',
      'help.rapport.meLanguage':
        '`/rapport settings me language tr` Rapport’un sizinle konuştuğu dil: `en`, `tr`, `fa`, `fi` (`varsayılan` çalışma alanınınkini izler)',
      'help.rapport.home': 'Uygulama Ana Sayfası sekmesi kendi müşterilerinizi en kötüden başlayarak listeler.',
    },
    fa: {
      'help.text': 'راهنمای Rapport: /{topic}',
      'help.unknown': '{command} را نمی‌شناسم. کارهایی که می‌کنم این‌هاست:',
      'help.call':
        '*ثبت تماس* — {usage}\nنمونه: `/call پارس +ارتباط دیروز جلسهٔ هفتگی، هنوز دادهٔ مصرف نداریم`\n`/call` به‌تنهایی یک فرم باز می‌کند؛ `/call پارس` فرم را برای پارس باز می‌کند. نام‌های چندکلمه‌ای همان‌طور که تایپ شوند یا درون گیومه کار می‌کنند.',
      'help.goodTraits': '*ویژگی‌های خوب* (پیش‌فرض‌های Rapport؛ `/call` به‌تنهایی فرمی با ویژگی‌های خود فضای کاری‌تان باز می‌کند)',
      'help.badTraits': '*ویژگی‌های بد*',
      'help.also': '(همچنین {words})',
      'help.incident':
        '*ثبت رخداد* — {usage}\nنمونه‌ها: `/incident پارس late 45 invoice=INV-7 amount=1200` · `/incident پارس dispute invoice=INV-9` · `/incident پارس competitor competitor=Globex` (اگر دربارهٔ کار توافق‌شده نبود، `off-contract` را بیفزایید)\n`/incident` به‌تنهایی فرمی با فیلدهای مناسب هر نوع باز می‌کند.\nپرداخت به‌موقع رخداد نیست، رفتار خوب است: `/incident پارس به‌موقع 1200` (به سود شرایط پرداخت بهتر حساب می‌شود).',
      'help.kinds': '*انواع رخداد* (شمارهٔ معیار قطع همکاری، سپس واژه‌هایی که می‌توانید بنویسید)',
      'help.abuseNote': 'آزار روانی (۲) فقط پس از آن شمرده می‌شود که به مشتری گفته شده باشد پذیرفتنی نیست: پیام تأیید دکمه‌ای برای ثبت آن دارد.',
      'help.client.title': '*مشتریان*',
      'help.client.add': '{usage} برای نمونه `/client add شرکت پارس vip long-term @sara 12k`',
      'help.client.show': '{usage} سلامت، روند ۸ هفته، معیارها، موعد تماس بعدی و آخرین کسی که تماس گرفت، دیدگاه‌های مخالف، آخرین تماس‌ها و رخدادها، تصمیم‌ها',
      'help.client.list': '{usage} برای نمونه `/client list vip` یا `/client list at-risk`',
      'help.client.renewals': '`/client renewals` مشتریانی که در ۹۰ روز آینده تمدید می‌شوند، نزدیک‌ترین اول، با ارزش ماهانهٔ هر یک و یک خط زمانی از آن‌ها',
      'help.client.set': '{usage} فیلدها: {fields}',
      'help.client.delete': '{usage} پس از تأیید شما، مشتری و همهٔ داده‌های او را پاک می‌کند (مسئول مشتری یا یک مدیر)',
      'help.client.link': '{usage}: فرم‌هایی که آنجا باز می‌شوند و پیام‌هایی که از آنجا ثبت می‌شوند برای همان مشتری‌اند',
      'help.client.next':
        '{usage} برای نمونه `/client next پارس ارسال پیشنهاد تمدید @sara friday`: مسئول آن (پیش‌فرض: مسئول مشتری) همان روز صبح با پیام خصوصی یادآوری می‌گیرد',
      'help.client.words': 'دسته‌ها: {categories} · انواع رابطه: {relationships}',
      'help.rapport.intro': '*Rapport* کارنامهٔ رابطه با مشتریانتان را نگه می‌دارد.',
      'help.rapport.settings': '{usage} (تغییر آن فقط با مدیران فضای کاری است)',
      'help.rapport.digest': '`/rapport digest preview` گزارش هفتگی تا این لحظه، فقط برای شما · `/rapport digest now [--force]` انتشار آن (مدیران)',
      'help.rapport.export': '`/rapport export` همهٔ داده‌های این فضای کاری به صورت فایل‌های CSV، با پیام خصوصی برای شما (مدیران)',
      'help.rapport.todo': '`/rapport todo` گام‌های بعدی باز شما، عقب‌افتاده‌ها اول، با دکمه‌های «انجام شد» و «تعویق»',
      'help.rapport.outcomes':
        '`/rapport outcomes [30d | 6m | 2026-q3]` نتیجهٔ تصمیم‌های ادامه، پیش‌پرداخت و پایان همکاری، برای هر تصمیم و هر دسته (فصل گذشته، مگر آنکه بگویید)، دلایل شمرده‌شده و مشتریانی که در حال سلامت سبز رفتند',
      'help.rapport.value': '`/rapport value [6m]` ارزش ماهانه به تفکیک دستهٔ مشتری، ماه به ماه (۶ ماه گذشته، مگر آنکه بگویید)، با مشتریانی که دسته‌شان عوض شد',
      'help.rapport.meDigest':
        '`/rapport settings me digest on` بخش مشتریان خودتان از گزارش هفتگی، با پیام خصوصی، در ساعت گزارش به وقت منطقهٔ زمانی خودتان (`off` آن را متوقف می‌کند)',
      'help.rapport.meLanguage':
        '`/rapport settings me language fa` زبانی که Rapport با شما صحبت می‌کند: `en`، `tr`، `fa`، `fi` (`پیش‌فرض` از زبان فضای کاری پیروی می‌کند)',
      'help.rapport.home': 'زبانهٔ خانهٔ برنامه مشتریان خودتان را از بدترین به بهترین فهرست می‌کند.',
    },
    fi: {
      'help.text': 'Rapportin ohje: /{topic}',
      'help.unknown': 'En tunne komentoa {command}. Tässä on, mitä osaan:',
      'help.call':
        '*Kirjaa puhelu* — {usage}\nEsimerkki: `/call globex +viestintä eilen Viikkopalaveri, käyttötietoja ei vieläkään`\nPelkkä `/call` avaa lomakkeen; `/call globex` avaa sen asiakkaalle Globex. Välilyönnilliset nimet toimivat sellaisinaan tai lainausmerkeissä.',
      'help.goodTraits': '*Hyvät piirteet* (Rapportin oletukset; pelkkä `/call` avaa lomakkeen, jossa ovat työtilasi omat piirteet)',
      'help.badTraits': '*Huonot piirteet*',
      'help.also': '(myös {words})',
      'help.incident':
        '*Kirjaa tapahtuma* — {usage}\nEsimerkkejä: `/incident globex late 45 invoice=INV-7 amount=1200` · `/incident globex dispute invoice=INV-9` · `/incident globex competitor competitor=Initech` (lisää `off-contract`, jos kyse ei ollut sovitusta työstä)\nPelkkä `/incident` avaa lomakkeen, jossa on kunkin lajin oikeat kentät.\nAjallaan maksu ei ole tapahtuma vaan hyvää käytöstä: `/incident globex maksoi ajallaan 1200` (se lasketaan parempien maksuehtojen hyväksi).',
      'help.kinds': '*Lajit* (lopettamiskriteerin numero ja sitten sanat, joita voit kirjoittaa)',
      'help.abuseNote':
        'Henkinen väkivalta (2) lasketaan vasta, kun asiakkaalle on sanottu, ettei se ole hyväksyttävää: vahvistusviestissä on painike sen kirjaamiseen.',
      'help.client.title': '*Asiakkaat*',
      'help.client.add': '{usage} esim. `/client add Kone Oy vip long-term @aino 12k`',
      'help.client.show':
        '{usage} terveys, 8 viikon suunta, kriteerit, seuraavan yhteydenoton aika ja viimeisin yhteydenottaja, ristiriitaiset näkemykset, viimeisimmät puhelut ja tapahtumat, päätökset',
      'help.client.list': '{usage} esim. `/client list vip` tai `/client list at-risk`',
      'help.client.renewals': '`/client renewals` seuraavien 90 päivän aikana uusiutuvat asiakkaat, lähin ensin, kunkin kuukausiarvo ja aikajana niistä',
      'help.client.set': '{usage} kentät: {fields}',
      'help.client.delete': '{usage} poistaa asiakkaan ja kaiken siitä vahvistuksesi jälkeen (asiakkaan vastuuhenkilö tai ylläpitäjä)',
      'help.client.link': '{usage}: siellä avatut lomakkeet ja sieltä kirjatut viestit koskevat tätä asiakasta',
      'help.client.next':
        '{usage} esim. `/client next globex Lähetä uusimisesitys @aino perjantai`: tekijä (oletuksena asiakkaan vastuuhenkilö) saa muistutuksen yksityisviestinä sinä aamuna',
      'help.client.words': 'Luokat: {categories} · suhteet: {relationships}',
      'help.rapport.intro': '*Rapport* pitää kirjaa asiakassuhteidesi tilasta.',
      'help.rapport.settings': '{usage} (muutokset: vain työtilan ylläpitäjät)',
      'help.rapport.digest':
        '`/rapport digest preview` tämän viikon kooste tähän mennessä, vain sinulle · `/rapport digest now [--force]` julkaise se (ylläpitäjät)',
      'help.rapport.export': '`/rapport export` kaikki tämän työtilan tiedot CSV-tiedostoina, sinulle yksityisviestinä (ylläpitäjät)',
      'help.rapport.todo': '`/rapport todo` avoimet seuraavat askeleesi, myöhässä olevat ensin, Valmis- ja Torkuta-painikkein',
      'help.rapport.outcomes':
        '`/rapport outcomes [30d | 6m | 2026-q3]` mitä jatkamis-, ennakkomaksu- ja irtautumispäätöksistä seurasi, päätöksittäin ja luokittain (viimeinen neljännes, ellet muuta sano), perusteet laskettuina, ja asiakkaat jotka lähtivät terveyden ollessa vihreä',
      'help.rapport.value':
        '`/rapport value [6m]` kuukausiarvo asiakasluokittain kuukausi kuukaudelta (viimeiset 6 kuukautta, ellet muuta sano) ja luokkaa vaihtaneet asiakkaat',
      'help.rapport.meDigest':
        '`/rapport settings me digest on` viikkokoosteen osa omista asiakkaistasi yksityisviestinä koosteen kellonaikaan omalla aikavyöhykkeelläsi (`off` lopettaa sen)',
      'help.rapport.meLanguage':
        '`/rapport settings me language fi` kieli, jolla Rapport puhuu sinulle: `en`, `tr`, `fa`, `fi` (`oletus` seuraa työtilan kieltä)',
      'help.rapport.home': 'Sovelluksen Koti-välilehti listaa omat asiakkaasi huonoimmasta alkaen.',
    },
  },
);
