/** The words of the digest's pictures (src/charts/portfolio.ts, the pictures page at the top of its thread): titles, axes, alt text, headings. */
import { area } from '../area.js';

export const digestChartsMessages = area(
  {
    'digestCharts.band.unknown': 'Not yet known',
    'digestCharts.bands.title': 'Clients by health band, last {weeks, plural, one {# week} other {# weeks}}',
    'digestCharts.bands.axis': 'Clients',
    'digestCharts.bands.alt':
      'Clients by health band over {weeks, plural, one {# week} other {# weeks}}: in the week ending {firstDay}, {firstHealthy, number} healthy, {firstWatch, number} watch, {firstAtRisk, number} at risk and {firstUnknown, number} not yet known; in the week ending {lastDay}, {lastHealthy, number} healthy, {lastWatch, number} watch, {lastAtRisk, number} at risk and {lastUnknown, number} not yet known',
    'digestCharts.money.title': 'Monthly value at risk, last {weeks, plural, one {# week} other {# weeks}}',
    'digestCharts.money.axis': 'Monthly value at risk',
    'digestCharts.money.alt':
      'Monthly value at risk (clients at risk or meeting a firing criterion) over {weeks, plural, one {# week} other {# weeks}}: {first} in the week ending {firstDay}, {last} in the week ending {lastDay}, at most {highest} in the week ending {highestDay}',
    'digestCharts.money.altNone': 'Monthly value at risk over {weeks, plural, one {# week} other {# weeks}}: none in any week',
    'digestCharts.pageText': '{title}: the portfolio in pictures',
    'digestCharts.heading': '📈 *The portfolio over the last {weeks, plural, one {# week} other {# weeks}}*',
    'digestCharts.note': '_Each week is counted by this digest’s rules; monthly values are as they are now._',
    'digestCharts.fellHeading': '📉 *Health of the clients that fell this week*',
    'digestCharts.fellMore':
      '_Pictures of the first {shown, number} of the {count, plural, one {# client} other {# clients}} that fell; the others are in the digest’s text._',
    'digestCharts.fellText': 'The health of {count, plural, one {# client that fell} other {# clients that fell}} over the last weeks',
    'digestCharts.inThread': '_📈 In the thread: health bands and monthly value at risk over the last {weeks, plural, one {# week} other {# weeks}}._',
    'digestCharts.inThreadFell':
      '_📈 In the thread: health bands and monthly value at risk over the last {weeks, plural, one {# week} other {# weeks}}, and the health of {count, plural, one {# client that fell} other {# clients that fell}}._',
  },
  {
    tr: {
      'digestCharts.band.unknown': 'Henüz bilinmiyor',
      'digestCharts.bands.title': 'Sağlık bandına göre müşteriler, son {weeks, plural, one {# hafta} other {# hafta}}',
      'digestCharts.bands.axis': 'Müşteri',
      'digestCharts.bands.alt':
        '{weeks, plural, one {# hafta} other {# hafta}} boyunca sağlık bandına göre müşteriler: {firstDay} ile biten haftada {firstHealthy, number} sağlıklı, {firstWatch, number} izlenmeli, {firstAtRisk, number} risk altında ve {firstUnknown, number} henüz bilinmiyor; {lastDay} ile biten haftada {lastHealthy, number} sağlıklı, {lastWatch, number} izlenmeli, {lastAtRisk, number} risk altında ve {lastUnknown, number} henüz bilinmiyor',
      'digestCharts.money.title': 'Risk altındaki aylık değer, son {weeks, plural, one {# hafta} other {# hafta}}',
      'digestCharts.money.axis': 'Risk altındaki aylık değer',
      'digestCharts.money.alt':
        '{weeks, plural, one {# hafta} other {# hafta}} boyunca risk altındaki aylık değer (risk altındaki ya da bir bırakma ölçütünü karşılayan müşteriler): {firstDay} ile biten haftada {first}, {lastDay} ile biten haftada {last}, en fazla {highestDay} ile biten haftada {highest}',
      'digestCharts.money.altNone': '{weeks, plural, one {# hafta} other {# hafta}} boyunca risk altındaki aylık değer: hiçbir haftada yok',
      'digestCharts.pageText': '{title}: grafiklerle portföy',
      'digestCharts.heading': '📈 *Son {weeks, plural, one {# haftada} other {# haftada}} portföy*',
      'digestCharts.note': '_Her hafta bu özetin kurallarıyla sayıldı; aylık değerler bugünkü halleriyle._',
      'digestCharts.fellHeading': '📉 *Bu hafta düşen müşterilerin sağlığı*',
      'digestCharts.fellMore':
        '_Düşen {count, plural, one {# müşteriden} other {# müşteriden}} ilk {shown, number} tanesinin grafiği; diğerleri özetin metninde._',
      'digestCharts.fellText': 'Düşen {count, plural, one {# müşterinin} other {# müşterinin}} son haftalardaki sağlığı',
      'digestCharts.inThread': '_📈 Yazışma dizisinde: son {weeks, plural, one {# haftada} other {# haftada}} sağlık bantları ve risk altındaki aylık değer._',
      'digestCharts.inThreadFell':
        '_📈 Yazışma dizisinde: son {weeks, plural, one {# haftada} other {# haftada}} sağlık bantları, risk altındaki aylık değer ve düşen {count, plural, one {# müşterinin} other {# müşterinin}} sağlığı._',
    },
    fa: {
      'digestCharts.band.unknown': 'هنوز نامعلوم',
      'digestCharts.bands.title': 'مشتریان بر پایهٔ بازهٔ سلامت، {weeks, plural, one {# هفتهٔ} other {# هفتهٔ}} گذشته',
      'digestCharts.bands.axis': 'مشتریان',
      'digestCharts.bands.alt':
        'مشتریان بر پایهٔ بازهٔ سلامت در {weeks, plural, one {# هفته} other {# هفته}}: در هفتهٔ منتهی به {firstDay}، {firstHealthy, number} سالم، {firstWatch, number} زیر نظر، {firstAtRisk, number} در خطر و {firstUnknown, number} هنوز نامعلوم؛ در هفتهٔ منتهی به {lastDay}، {lastHealthy, number} سالم، {lastWatch, number} زیر نظر، {lastAtRisk, number} در خطر و {lastUnknown, number} هنوز نامعلوم',
      'digestCharts.money.title': 'ارزش ماهانهٔ در خطر، {weeks, plural, one {# هفتهٔ} other {# هفتهٔ}} گذشته',
      'digestCharts.money.axis': 'ارزش ماهانهٔ در خطر',
      'digestCharts.money.alt':
        'ارزش ماهانهٔ در خطر (مشتریان در خطر یا دارای معیار قطع همکاری) در {weeks, plural, one {# هفته} other {# هفته}}: {first} در هفتهٔ منتهی به {firstDay}، {last} در هفتهٔ منتهی به {lastDay}، و بیشترین {highest} در هفتهٔ منتهی به {highestDay}',
      'digestCharts.money.altNone': 'ارزش ماهانهٔ در خطر در {weeks, plural, one {# هفته} other {# هفته}}: در هیچ هفته‌ای نبود',
      'digestCharts.pageText': '{title}: سبد مشتریان در نمودار',
      'digestCharts.heading': '📈 *سبد مشتریان در {weeks, plural, one {# هفتهٔ} other {# هفتهٔ}} گذشته*',
      'digestCharts.note': '_هر هفته با قواعد همین گزارش شمرده شده است؛ ارزش‌های ماهانه همان‌اند که اکنون هستند._',
      'digestCharts.fellHeading': '📉 *سلامت مشتریانی که این هفته افت کردند*',
      'digestCharts.fellMore': '_نمودار {shown, number} مشتری نخست از {count, plural, one {# مشتری} other {# مشتری}} که افت کردند؛ بقیه در متن گزارش هستند._',
      'digestCharts.fellText': 'سلامت {count, plural, one {# مشتری} other {# مشتری}} که افت کردند در هفته‌های گذشته',
      'digestCharts.inThread': '_📈 در رشتهٔ گفتگو: بازه‌های سلامت و ارزش ماهانهٔ در خطر در {weeks, plural, one {# هفتهٔ} other {# هفتهٔ}} گذشته._',
      'digestCharts.inThreadFell':
        '_📈 در رشتهٔ گفتگو: بازه‌های سلامت و ارزش ماهانهٔ در خطر در {weeks, plural, one {# هفتهٔ} other {# هفتهٔ}} گذشته، و سلامت {count, plural, one {# مشتری} other {# مشتری}} که افت کردند._',
    },
    fi: {
      'digestCharts.band.unknown': 'Ei vielä tiedossa',
      'digestCharts.bands.title': 'Asiakkaat terveysluokittain, {weeks, plural, one {viimeinen # viikko} other {viimeiset # viikkoa}}',
      'digestCharts.bands.axis': 'Asiakkaita',
      'digestCharts.bands.alt':
        'Asiakkaat terveysluokittain {weeks, plural, one {# viikon} other {# viikon}} ajalta: {firstDay} päättyneellä viikolla {firstHealthy, number} terve, {firstWatch, number} seurattava, {firstAtRisk, number} vaarassa ja {firstUnknown, number} ei vielä tiedossa; {lastDay} päättyneellä viikolla {lastHealthy, number} terve, {lastWatch, number} seurattava, {lastAtRisk, number} vaarassa ja {lastUnknown, number} ei vielä tiedossa',
      'digestCharts.money.title': 'Vaarassa oleva kuukausiarvo, {weeks, plural, one {viimeinen # viikko} other {viimeiset # viikkoa}}',
      'digestCharts.money.axis': 'Vaarassa oleva kuukausiarvo',
      'digestCharts.money.alt':
        'Vaarassa oleva kuukausiarvo (vaarassa olevat tai lopettamisen kriteerin täyttävät asiakkaat) {weeks, plural, one {# viikon} other {# viikon}} ajalta: {first} {firstDay} päättyneellä viikolla, {last} {lastDay} päättyneellä viikolla, enimmillään {highest} {highestDay} päättyneellä viikolla',
      'digestCharts.money.altNone': 'Vaarassa oleva kuukausiarvo {weeks, plural, one {# viikon} other {# viikon}} ajalta: ei yhtenäkään viikkona',
      'digestCharts.pageText': '{title}: asiakaskanta kuvina',
      'digestCharts.heading': '📈 *Asiakaskanta, {weeks, plural, one {viimeinen # viikko} other {viimeiset # viikkoa}}*',
      'digestCharts.note': '_Jokainen viikko on laskettu tämän koosteen säännöin; kuukausiarvot ovat nykyiset._',
      'digestCharts.fellHeading': '📉 *Tällä viikolla heikentyneiden asiakkaiden terveys*',
      'digestCharts.fellMore':
        '_Kuvat {count, plural, one {# heikentyneestä asiakkaasta} other {# heikentyneestä asiakkaasta}} ensimmäisistä {shown, number}; muut ovat koosteen tekstissä._',
      'digestCharts.fellText': '{count, plural, one {# heikentyneen asiakkaan} other {# heikentyneen asiakkaan}} terveys viime viikkoina',
      'digestCharts.inThread':
        '_📈 Ketjussa: terveysluokat ja vaarassa oleva kuukausiarvo, {weeks, plural, one {viimeinen # viikko} other {viimeiset # viikkoa}}._',
      'digestCharts.inThreadFell':
        '_📈 Ketjussa: terveysluokat ja vaarassa oleva kuukausiarvo, {weeks, plural, one {viimeinen # viikko} other {viimeiset # viikkoa}}, sekä {count, plural, one {# heikentyneen asiakkaan} other {# heikentyneen asiakkaan}} terveys._',
    },
  },
);
