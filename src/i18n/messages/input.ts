/** Reading what people type: numbers and dates the local way, and the words of Rapport's terms, refused or asked about when unclear. */
import { area } from '../area.js';

export const inputMessages = area(
  {
    'input.numberAmbiguous':
      '{typed} can be read two ways: {asGroups, number} or {asDecimal, number}. Nothing was saved; say which you meant by typing `{typeGroups}` or `{typeDecimal}`.',
    'input.numberInvalid': '{typed} is not a number Rapport can read, so nothing was saved. Write it like `12500`, `12.5` or `2.5k`.',
    'input.positiveNumber': 'Enter a positive number.',
    'input.dateImpossible': 'There is no day {typed}, so nothing was saved. Check the day and the month.',
    'input.dateAmbiguous':
      '{typed} can be {dayFirst} or {monthFirst}. Nothing was saved; say which you meant by typing `{typeDayFirst}` or `{typeMonthFirst}`.',
    'input.pickDate': 'Pick a date.',
    'input.dateFuture': 'The date cannot be in the future.',
    'input.dateTooOld': 'Calls and incidents can be dated at most {years} years back (not before {oldest}).',
    'input.unknownTraits':
      "I don't know {count, plural, one {the trait} other {the traits}} {traits}. Use `+` for a good trait and `-` for a bad one; `/call help` lists them.",
  },
  {
    tr: {
      'input.numberAmbiguous':
        '{typed} iki türlü okunabiliyor: {asGroups, number} veya {asDecimal, number}. Hiçbir şey kaydedilmedi; hangisini kastettiğinizi `{typeGroups}` ya da `{typeDecimal}` yazarak belirtin.',
      'input.numberInvalid': '{typed}, Rapport’un okuyabildiği bir sayı değil; hiçbir şey kaydedilmedi. `12500`, `12,5` ya da `2,5k` gibi yazın.',
      'input.positiveNumber': 'Pozitif bir sayı girin.',
      'input.dateImpossible': '{typed} diye bir gün yok; hiçbir şey kaydedilmedi. Günü ve ayı kontrol edin.',
      'input.dateAmbiguous':
        '{typed}, {dayFirst} ya da {monthFirst} olabilir. Hiçbir şey kaydedilmedi; hangisini kastettiğinizi `{typeDayFirst}` ya da `{typeMonthFirst}` yazarak belirtin.',
      'input.pickDate': 'Bir tarih seçin.',
      'input.dateFuture': 'Tarih gelecekte olamaz.',
      'input.dateTooOld': 'Görüşmeler ve olaylar en fazla {years} yıl geriye tarihlenebilir ({oldest} tarihinden önceye değil).',
      'input.unknownTraits':
        '{traits}: {count, plural, one {bu özelliği} other {bu özellikleri}} tanımıyorum. İyi bir özellik için `+`, kötü bir özellik için `-` kullanın; `/call help` hepsini listeler.',
    },
    fa: {
      'input.numberAmbiguous':
        '{typed} را می‌توان دو جور خواند: {asGroups, number} یا {asDecimal, number}. چیزی ذخیره نشد؛ برای اینکه معلوم شود منظورتان کدام است، `{typeGroups}` یا `{typeDecimal}` بنویسید.',
      'input.numberInvalid': '{typed} عددی نیست که Rapport بتواند بخواند، پس چیزی ذخیره نشد. آن را مثل `۱۲۵۰۰`، `۱۲٫۵` یا `2.5k` بنویسید.',
      'input.positiveNumber': 'یک عدد مثبت وارد کنید.',
      'input.dateImpossible': 'روز {typed} وجود ندارد، پس چیزی ذخیره نشد. روز و ماه را بررسی کنید.',
      'input.dateAmbiguous':
        '{typed} می‌تواند {dayFirst} یا {monthFirst} باشد. چیزی ذخیره نشد؛ برای اینکه معلوم شود منظورتان کدام است، `{typeDayFirst}` یا `{typeMonthFirst}` بنویسید.',
      'input.pickDate': 'یک تاریخ انتخاب کنید.',
      'input.dateFuture': 'تاریخ نمی‌تواند در آینده باشد.',
      'input.dateTooOld': 'تماس‌ها و رویدادها را حداکثر تا {years} سال پیش می‌توان تاریخ زد (نه پیش از {oldest}).',
      'input.unknownTraits':
        '{count, plural, one {این ویژگی را} other {این ویژگی‌ها را}} نمی‌شناسم: {traits}. برای ویژگی خوب `+` و برای ویژگی بد `-` بگذارید؛ `/call help` همه را فهرست می‌کند.',
    },
    fi: {
      'input.numberAmbiguous':
        '{typed} voi tarkoittaa kahta lukua: {asGroups, number} tai {asDecimal, number}. Mitään ei tallennettu; kerro kumpaa tarkoitit kirjoittamalla `{typeGroups}` tai `{typeDecimal}`.',
      'input.numberInvalid': '{typed} ei ole luku, jonka Rapport osaa lukea, joten mitään ei tallennettu. Kirjoita se esimerkiksi `12500`, `12,5` tai `2,5k`.',
      'input.positiveNumber': 'Anna positiivinen luku.',
      'input.dateImpossible': 'Päivää {typed} ei ole olemassa, joten mitään ei tallennettu. Tarkista päivä ja kuukausi.',
      'input.dateAmbiguous':
        '{typed} voi olla {dayFirst} tai {monthFirst}. Mitään ei tallennettu; kerro kumpaa tarkoitit kirjoittamalla `{typeDayFirst}` tai `{typeMonthFirst}`.',
      'input.pickDate': 'Valitse päivämäärä.',
      'input.dateFuture': 'Päivämäärä ei voi olla tulevaisuudessa.',
      'input.dateTooOld': 'Puhelut ja tapahtumat voi päivätä enintään {years} vuotta taaksepäin (ei ennen päivää {oldest}).',
      'input.unknownTraits':
        'En tunne {count, plural, one {tätä piirrettä} other {näitä piirteitä}}: {traits}. Käytä hyvästä piirteestä merkkiä `+` ja huonosta merkkiä `-`; `/call help` luettelee ne.',
    },
  },
);
