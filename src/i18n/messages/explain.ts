/**
 * Why a client's health is what it is (issue 29): criteria said beside health wherever it is shown, the score's
 * parts, what moved it since last week, what would bring it back to healthy, and a call that moved it against its
 * own notes. Said as an account manager would say it, not in the engine's terms.
 */
import { area } from '../area.js';

export const explainMessages = area(
  {
    'explain.criteria': '{flag} {count, plural, one {meets a firing criterion} other {meets # firing criteria}}: {criteria}',
    'explain.healthWithCriteria': '{health} · {criteria}',
    'explain.parts.title':
      '*Where {score, number} comes from*: every client starts at {start, number}; each area’s notes move it up or down, recent notes counting most.',
    'explain.parts.line':
      '• {dimension} *{points}*: good {good, plural, =0 {never} one {once} =2 {twice} other {# times}}, bad {bad, plural, =0 {never} one {once} =2 {twice} other {# times}}',
    'explain.parts.older': '• {dimension} *{points}*: from older notes',
    'explain.week.title': '*Since last week*: {from} → {to} ({change})',
    'explain.week.same': '*Since last week*: no change.',
    'explain.week.titleNew': '*Since last week*: from the neutral {start, number} (nothing noted before) to {to} ({change})',
    'explain.week.timeUp': '• {change}: older bad notes count less each week',
    'explain.week.timeDown': '• {change}: older good notes count less each week',
    'explain.week.call': '• {change}: call on {day} ({who}): {traits}',
    'explain.week.incident': '• {what} on {day}: not part of the score; incidents are weighed against the firing criteria instead',
    'explain.restore.title': '*Back to healthy*',
    'explain.restore.now': '{calls, plural, one {One call} other {# calls}} noting {traits} would bring it back to healthy ({score, number}).',
    'explain.restore.later':
      '{calls, plural, one {One call} other {# calls}} noting {traits}, and no new bad notes for {weeks, plural, one {# week} other {# weeks}}, would bring it back to healthy ({score, number}) by {day}.',
    'explain.restore.how':
      '{calls, plural, one {Counted with the call on {day}: by then older bad notes count less.} other {Counted with calls a week apart, the last on {day}: by then older bad notes count less.}}',
    'explain.restore.out':
      'Even {calls, plural, one {# good call} other {# good calls}} over {weeks, plural, one {# week} other {# weeks}} would not bring it back to healthy: worth talking about the relationship itself.',
    'explain.call.upDespiteBad':
      'Why up, with more bad notes than good? The score is the share of good among everything noted, older notes counting less each week: this call’s {good, plural, one {# good note} other {# good notes}} in {total, number} still beat the record so far.',
    'explain.call.downDespiteGood':
      'Why down, with more good notes than bad? The score is the share of good among everything noted: this call’s {good, plural, one {# good note} other {# good notes}} in {total, number} fell short of the record so far.',
  },
  {
    tr: {
      'explain.criteria': '{flag} {count, plural, one {bir ayrılık kriterini karşılıyor} other {# ayrılık kriterini karşılıyor}}: {criteria}',
      'explain.healthWithCriteria': '{health} · {criteria}',
      'explain.parts.title':
        '*{score, number} puan nereden geliyor*: her müşteri {start, number} puanla başlar; her alandaki gözlemler puanı yükseltir ya da düşürür, yeni gözlemler daha çok sayılır.',
      'explain.parts.line':
        '• {dimension} *{points}*: olumlu {good, plural, =0 {hiç} one {bir kez} other {# kez}}, olumsuz {bad, plural, =0 {hiç} one {bir kez} other {# kez}}',
      'explain.parts.older': '• {dimension} *{points}*: eski gözlemlerden',
      'explain.week.title': '*Geçen haftadan beri*: {from} → {to} ({change})',
      'explain.week.same': '*Geçen haftadan beri*: değişiklik yok.',
      'explain.week.titleNew': '*Geçen haftadan beri*: nötr {start, number} puandan (öncesinde gözlem yok) {to} puana ({change})',
      'explain.week.timeUp': '• {change}: eski olumsuz gözlemler her hafta daha az sayılır',
      'explain.week.timeDown': '• {change}: eski olumlu gözlemler her hafta daha az sayılır',
      'explain.week.call': '• {change}: {day} tarihli görüşme ({who}): {traits}',
      'explain.week.incident': '• {day} tarihinde {what}: puana girmez; olaylar ayrılık kriterleriyle değerlendirilir',
      'explain.restore.title': '*Yeniden sağlıklıya dönüş*',
      'explain.restore.now': '{traits} görülen {calls, plural, one {bir görüşme} other {# görüşme}} onu yeniden sağlıklı yapar ({score, number}).',
      'explain.restore.later':
        '{traits} görülen {calls, plural, one {bir görüşme} other {# görüşme}} ve {weeks, plural, one {# hafta} other {# hafta}} boyunca yeni olumsuz gözlem olmaması, onu {day} tarihine kadar yeniden sağlıklı yapar ({score, number}).',
      'explain.restore.how':
        '{calls, plural, one {{day} tarihli görüşmeyle hesaplandı: o zamana kadar eski olumsuz gözlemler daha az sayılır.} other {Birer hafta arayla yapılan, sonuncusu {day} tarihinde olan görüşmelerle hesaplandı: o zamana kadar eski olumsuz gözlemler daha az sayılır.}}',
      'explain.restore.out':
        '{weeks, plural, one {# hafta} other {# hafta}} içinde {calls, plural, one {# iyi görüşme} other {# iyi görüşme}} bile onu yeniden sağlıklı yapmaz: ilişkinin kendisini konuşmaya değer.',
      'explain.call.upDespiteBad':
        'Olumsuz gözlem olumludan fazlayken neden yükseldi? Puan, tüm gözlemler içinde olumluların payıdır ve eski gözlemler her hafta daha az sayılır: bu görüşmenin {total, number} gözlemde {good, plural, one {# olumlu gözlemi} other {# olumlu gözlemi}} yine de şimdiye kadarki kayıttan iyiydi.',
      'explain.call.downDespiteGood':
        'Olumlu gözlem olumsuzdan fazlayken neden düştü? Puan, tüm gözlemler içinde olumluların payıdır: bu görüşmenin {total, number} gözlemde {good, plural, one {# olumlu gözlemi} other {# olumlu gözlemi}} şimdiye kadarki kaydın gerisinde kaldı.',
    },
    fa: {
      'explain.criteria': '{flag} {count, plural, one {یک معیار قطع همکاری را دارد} other {# معیار قطع همکاری را دارد}}: {criteria}',
      'explain.healthWithCriteria': '{health} · {criteria}',
      'explain.parts.title':
        '*امتیاز {score, number} از کجا می‌آید*: هر مشتری با {start, number} شروع می‌کند؛ مشاهده‌های هر حوزه آن را بالا یا پایین می‌برند و مشاهده‌های تازه بیشتر به حساب می‌آیند.',
      'explain.parts.line':
        '• {dimension} *{points}*: خوب {good, plural, =0 {هرگز} one {یک بار} other {# بار}}، بد {bad, plural, =0 {هرگز} one {یک بار} other {# بار}}',
      'explain.parts.older': '• {dimension} *{points}*: از مشاهده‌های قدیمی‌تر',
      'explain.week.title': '*از هفتهٔ گذشته*: {from} ← {to} ({change})',
      'explain.week.same': '*از هفتهٔ گذشته*: بدون تغییر.',
      'explain.week.titleNew': '*از هفتهٔ گذشته*: از {start, number}ِ خنثی (پیش‌تر مشاهده‌ای نبود) به {to} ({change})',
      'explain.week.timeUp': '• {change}: مشاهده‌های بد قدیمی هر هفته کمتر به حساب می‌آیند',
      'explain.week.timeDown': '• {change}: مشاهده‌های خوب قدیمی هر هفته کمتر به حساب می‌آیند',
      'explain.week.call': '• {change}: تماس {day} ({who}): {traits}',
      'explain.week.incident': '• {what} در {day}: جزو امتیاز نیست؛ رویدادها با معیارهای قطع همکاری سنجیده می‌شوند',
      'explain.restore.title': '*بازگشت به سلامت*',
      'explain.restore.now': '{calls, plural, one {یک تماس} other {# تماس}} با {traits} آن را دوباره سالم می‌کند ({score, number}).',
      'explain.restore.later':
        '{calls, plural, one {یک تماس} other {# تماس}} با {traits}، و {weeks, plural, one {# هفته} other {# هفته}} بدون مشاهدهٔ بد تازه، آن را تا {day} دوباره سالم می‌کند ({score, number}).',
      'explain.restore.how':
        '{calls, plural, one {با تماسی در {day} حساب شده است: تا آن زمان مشاهده‌های بد قدیمی کمتر به حساب می‌آیند.} other {با تماس‌هایی به فاصلهٔ یک هفته، آخرینشان در {day}، حساب شده است: تا آن زمان مشاهده‌های بد قدیمی کمتر به حساب می‌آیند.}}',
      'explain.restore.out':
        'حتی {calls, plural, one {# تماس خوب} other {# تماس خوب}} در {weeks, plural, one {# هفته} other {# هفته}} آن را دوباره سالم نمی‌کند: باید دربارهٔ خود این رابطه گفت‌وگو کرد.',
      'explain.call.upDespiteBad':
        'چرا با مشاهدهٔ بدِ بیشتر از خوب بالا رفت؟ امتیاز سهم خوب‌ها از همهٔ مشاهده‌هاست و مشاهده‌های قدیمی هر هفته کمتر به حساب می‌آیند: {good, plural, one {# مشاهدهٔ خوب} other {# مشاهدهٔ خوب}} از {total, number} مشاهدهٔ این تماس باز هم از سابقهٔ تاکنون بهتر بود.',
      'explain.call.downDespiteGood':
        'چرا با مشاهدهٔ خوبِ بیشتر از بد پایین آمد؟ امتیاز سهم خوب‌ها از همهٔ مشاهده‌هاست: {good, plural, one {# مشاهدهٔ خوب} other {# مشاهدهٔ خوب}} از {total, number} مشاهدهٔ این تماس از سابقهٔ تاکنون کمتر بود.',
    },
    fi: {
      'explain.criteria': '{flag} {count, plural, one {täyttää lopettamisen kriteerin} other {täyttää # lopettamisen kriteeriä}}: {criteria}',
      'explain.healthWithCriteria': '{health} · {criteria}',
      'explain.parts.title':
        '*Mistä {score, number} tulee*: jokainen asiakas aloittaa luvusta {start, number}; kunkin osa-alueen havainnot nostavat tai laskevat sitä, tuoreet havainnot painavat eniten.',
      'explain.parts.line':
        '• {dimension} *{points}*: hyvä {good, plural, =0 {ei kertaakaan} one {kerran} other {# kertaa}}, huono {bad, plural, =0 {ei kertaakaan} one {kerran} other {# kertaa}}',
      'explain.parts.older': '• {dimension} *{points}*: vanhemmista havainnoista',
      'explain.week.title': '*Viime viikon jälkeen*: {from} → {to} ({change})',
      'explain.week.same': '*Viime viikon jälkeen*: ei muutosta.',
      'explain.week.titleNew': '*Viime viikon jälkeen*: neutraalista luvusta {start, number} (ei aiempia havaintoja) lukuun {to} ({change})',
      'explain.week.timeUp': '• {change}: vanhat huonot havainnot painavat joka viikko vähemmän',
      'explain.week.timeDown': '• {change}: vanhat hyvät havainnot painavat joka viikko vähemmän',
      'explain.week.call': '• {change}: puhelu {day} ({who}): {traits}',
      'explain.week.incident': '• {what} {day}: ei kuulu pisteisiin; tapauksia verrataan lopettamisen kriteereihin',
      'explain.restore.title': '*Takaisin terveeksi*',
      'explain.restore.now':
        '{calls, plural, one {Yksi puhelu, jossa näkyy {traits},} other {# puhelua, joissa näkyy {traits},}} palauttaisi sen terveeksi ({score, number}).',
      'explain.restore.later':
        '{calls, plural, one {Yksi puhelu, jossa näkyy {traits},} other {# puhelua, joissa näkyy {traits},}} ja {weeks, plural, one {# viikko} other {# viikkoa}} ilman uusia huonoja havaintoja palauttaisi sen terveeksi ({score, number}) {day} mennessä.',
      'explain.restore.how':
        '{calls, plural, one {Laskettu puhelulla {day}: siihen mennessä vanhat huonot havainnot painavat vähemmän.} other {Laskettu viikon välein soitetuilla puheluilla, viimeinen {day}: siihen mennessä vanhat huonot havainnot painavat vähemmän.}}',
      'explain.restore.out':
        'Edes {calls, plural, one {# hyvä puhelu} other {# hyvää puhelua}} {weeks, plural, one {# viikossa} other {# viikossa}} ei palauttaisi sitä terveeksi: itse asiakassuhteesta kannattaa puhua.',
      'explain.call.upDespiteBad':
        'Miksi nousu, vaikka huonoja havaintoja oli enemmän kuin hyviä? Pisteet ovat hyvien osuus kaikista havainnoista, ja vanhat havainnot painavat joka viikko vähemmän: tämän puhelun {good, plural, one {# hyvä havainto} other {# hyvää havaintoa}} {total, number} havainnosta oli silti parempi kuin tähänastinen kokonaisuus.',
      'explain.call.downDespiteGood':
        'Miksi lasku, vaikka hyviä havaintoja oli enemmän kuin huonoja? Pisteet ovat hyvien osuus kaikista havainnoista: tämän puhelun {good, plural, one {# hyvä havainto} other {# hyvää havaintoa}} {total, number} havainnosta jäi tähänastisesta kokonaisuudesta.',
    },
  },
);
