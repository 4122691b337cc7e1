/** The words of the pictures (src/charts/): titles, axes, band and marker names, the bands as words within a sentence, and the alt text that says what each shows. */
import { area } from '../area.js';

export const chartsMessages = area(
  {
    'chart.health.title': '{name}: health over the last {weeks, plural, one {# week} other {# weeks}}',
    'chart.health.axisWeek': 'Week ending',
    'chart.health.axisScore': 'Health score',
    'chart.band.healthy': 'Healthy',
    'chart.band.watch': 'Watch',
    'chart.band.at_risk': 'At risk',
    'chart.marker.incident': 'Incident',
    'chart.bandWord.healthy': 'healthy',
    'chart.bandWord.watch': 'watch',
    'chart.bandWord.at_risk': 'at risk',
    'chart.marker.decision': 'Decision',
    'chart.health.alt':
      'Health of {name} over {weeks, plural, one {# week} other {# weeks}}: from {from, number} ({fromBand}) to {to, number} ({toBand}), {incidents, plural, =0 {no incidents} one {# incident} other {# incidents}}, {decisions, plural, =0 {no decisions} one {# decision} other {# decisions}}',
    'chart.health.altUnknown':
      'Health of {name} over {weeks, plural, one {# week} other {# weeks}}: nothing observed yet, {incidents, plural, =0 {no incidents} one {# incident} other {# incidents}}, {decisions, plural, =0 {no decisions} one {# decision} other {# decisions}}',
  },
  {
    tr: {
      'chart.health.title': '{name}: son {weeks, plural, one {# haftada} other {# haftada}} sağlık',
      'chart.health.axisWeek': 'Hafta sonu',
      'chart.health.axisScore': 'Sağlık puanı',
      'chart.band.healthy': 'Sağlıklı',
      'chart.band.watch': 'İzlenmeli',
      'chart.band.at_risk': 'Risk altında',
      'chart.marker.incident': 'Olay',
      'chart.bandWord.healthy': 'sağlıklı',
      'chart.bandWord.watch': 'izlenmeli',
      'chart.bandWord.at_risk': 'risk altında',
      'chart.marker.decision': 'Karar',
      'chart.health.alt':
        '{name} sağlığı, {weeks, plural, one {# hafta} other {# hafta}} boyunca: {from, number} puandan ({fromBand}) {to, number} puana ({toBand}), {incidents, plural, =0 {olay yok} one {# olay} other {# olay}}, {decisions, plural, =0 {karar yok} one {# karar} other {# karar}}',
      'chart.health.altUnknown':
        '{name} sağlığı, {weeks, plural, one {# hafta} other {# hafta}} boyunca: henüz gözlem yok, {incidents, plural, =0 {olay yok} one {# olay} other {# olay}}, {decisions, plural, =0 {karar yok} one {# karar} other {# karar}}',
    },
    fa: {
      'chart.health.title': '{name}: سلامت در {weeks, plural, one {# هفتهٔ} other {# هفتهٔ}} گذشته',
      'chart.health.axisWeek': 'پایان هفته',
      'chart.health.axisScore': 'امتیاز سلامت',
      'chart.band.healthy': 'سالم',
      'chart.band.watch': 'زیر نظر',
      'chart.band.at_risk': 'در خطر',
      'chart.marker.incident': 'رویداد',
      'chart.bandWord.healthy': 'سالم',
      'chart.bandWord.watch': 'زیر نظر',
      'chart.bandWord.at_risk': 'در خطر',
      'chart.marker.decision': 'تصمیم',
      'chart.health.alt':
        'سلامت {name} در {weeks, plural, one {# هفته} other {# هفته}}: از {from, number} ({fromBand}) به {to, number} ({toBand})، {incidents, plural, =0 {بدون رویداد} one {# رویداد} other {# رویداد}}، {decisions, plural, =0 {بدون تصمیم} one {# تصمیم} other {# تصمیم}}',
      'chart.health.altUnknown':
        'سلامت {name} در {weeks, plural, one {# هفته} other {# هفته}}: هنوز مشاهده‌ای ثبت نشده، {incidents, plural, =0 {بدون رویداد} one {# رویداد} other {# رویداد}}، {decisions, plural, =0 {بدون تصمیم} one {# تصمیم} other {# تصمیم}}',
    },
    fi: {
      'chart.health.title': '{name}: terveys {weeks, plural, one {viimeisen # viikon} other {viimeisten # viikon}} ajalta',
      'chart.health.axisWeek': 'Viikko päättyy',
      'chart.health.axisScore': 'Terveyspisteet',
      'chart.band.healthy': 'Terve',
      'chart.band.watch': 'Seurattava',
      'chart.band.at_risk': 'Vaarassa',
      'chart.marker.incident': 'Tapaus',
      'chart.bandWord.healthy': 'terve',
      'chart.bandWord.watch': 'seurattava',
      'chart.bandWord.at_risk': 'vaarassa',
      'chart.marker.decision': 'Päätös',
      'chart.health.alt':
        'Asiakkaan {name} terveys {weeks, plural, one {# viikon} other {# viikon}} ajalta: {from, number} pisteestä ({fromBand}) {to, number} pisteeseen ({toBand}), {incidents, plural, =0 {ei tapauksia} one {# tapaus} other {# tapausta}}, {decisions, plural, =0 {ei päätöksiä} one {# päätös} other {# päätöstä}}',
      'chart.health.altUnknown':
        'Asiakkaan {name} terveys {weeks, plural, one {# viikon} other {# viikon}} ajalta: ei vielä havaintoja, {incidents, plural, =0 {ei tapauksia} one {# tapaus} other {# tapausta}}, {decisions, plural, =0 {ei päätöksiä} one {# päätös} other {# päätöstä}}',
    },
  },
);
