/**
 * Rapport's "Add to Slack" page (/slack/install, OAuth mode): what it does and the button to Slack's own page.
 * Nobody is known yet when it opens, so it is shown in English (DEFAULT_LOCALE); like every part of the
 * catalogue, it is written in each language.
 */
import { area } from '../area.js';

export const installMessages = area(
  {
    'install.title': 'Add Rapport to Slack',
    'install.lead': 'Log client calls and incidents, score relationships, and get a weekly digest of who to act on.',
    'install.points':
      'Account managers log a call or an incident in one line (`/call`, `/incident`) or from any message (“Log to Rapport”). Rapport scores each client, tells the owner when a red line is crossed, and posts a digest of the clients that need a decision to the channel you choose.',
    'install.button': 'Add to Slack',
    'install.next': 'Slack asks you to choose a workspace and allow Rapport in it; you then come back here.',
  },
  {
    tr: {
      'install.title': 'Rapport’u Slack’e ekleyin',
      'install.lead': 'Müşteri görüşmelerini ve olaylarını kaydedin, ilişkileri puanlayın ve kiminle ilgilenmeniz gerektiğini gösteren haftalık bir özet alın.',
      'install.points':
        'Müşteri temsilcileri bir görüşmeyi ya da olayı tek satırda (`/call`, `/incident`) ya da herhangi bir mesajdan (“Rapport’a kaydet”) kaydeder. Rapport her müşteriyi puanlar, bir kırmızı çizgi aşıldığında müşterinin sahibine haber verir ve karar bekleyen müşterilerin özetini seçtiğiniz kanalda paylaşır.',
      'install.button': 'Slack’e ekle',
      'install.next': 'Slack sizden bir çalışma alanı seçmenizi ve Rapport’a orada izin vermenizi ister; ardından buraya dönersiniz.',
    },
    fa: {
      'install.title': 'افزودن Rapport به Slack',
      'install.lead': 'تماس‌ها و رخدادهای مشتریان را ثبت کنید، رابطه‌ها را امتیاز دهید و هر هفته گزارشی بگیرید از این‌که با چه کسی باید کاری کرد.',
      'install.points':
        'مدیران حساب یک تماس یا رخداد را در یک خط (`/call`، `/incident`) یا از هر پیامی («ثبت در Rapport») ثبت می‌کنند. Rapport به هر مشتری امتیاز می‌دهد، وقتی از خط قرمزی گذشته شود به صاحب مشتری خبر می‌دهد و گزارش مشتریانی را که تصمیم می‌خواهند در کانالی که انتخاب می‌کنید منتشر می‌کند.',
      'install.button': 'افزودن به Slack',
      'install.next': 'Slack از شما می‌خواهد فضای کاری را انتخاب کنید و به Rapport در آن اجازه دهید؛ سپس به اینجا برمی‌گردید.',
    },
    fi: {
      'install.title': 'Lisää Rapport Slackiin',
      'install.lead': 'Kirjaa asiakkaiden puhelut ja tapaukset, pisteytä asiakassuhteet ja saa viikoittain kooste siitä, kenen kanssa pitää toimia.',
      'install.points':
        'Asiakkuuspäälliköt kirjaavat puhelun tai tapauksen yhdellä rivillä (`/call`, `/incident`) tai mistä tahansa viestistä (”Kirjaa Rapportiin”). Rapport pisteyttää jokaisen asiakkaan, kertoo omistajalle, kun punainen raja ylittyy, ja julkaisee valitsemallesi kanavalle koosteen asiakkaista, jotka odottavat päätöstä.',
      'install.button': 'Lisää Slackiin',
      'install.next': 'Slack pyytää sinua valitsemaan työtilan ja sallimaan Rapportin siinä; sen jälkeen palaat tänne.',
    },
  },
);
