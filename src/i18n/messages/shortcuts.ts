/** What the message shortcut ("Log to Rapport") answers besides opening its form. */
import { area } from '../area.js';

export const shortcutsMessages = area(
  {
    'shortcuts.ownMessage':
      'That message is Rapport’s own, so there is nothing in it to log. Use “Log to Rapport” on a message someone wrote about a client, or type `/call` or `/incident`.',
  },
  {
    tr: {
      'shortcuts.ownMessage':
        'Bu mesaj Rapport’un kendi mesajı, içinde kaydedilecek bir şey yok. “Rapport’a kaydet”i birinin bir müşteri hakkında yazdığı bir mesajda kullanın ya da `/call` veya `/incident` yazın.',
    },
    fa: {
      'shortcuts.ownMessage':
        'این پیام از خود Rapport است، پس چیزی در آن برای ثبت نیست. «ثبت در Rapport» را روی پیامی به کار ببرید که کسی دربارهٔ یک مشتری نوشته است، یا `/call` یا `/incident` بنویسید.',
    },
    fi: {
      'shortcuts.ownMessage':
        'Viesti on Rapportin oma, joten siinä ei ole mitään kirjattavaa. Käytä ”Kirjaa Rapportiin” -toimintoa viestiin, jonka joku on kirjoittanut asiakkaasta, tai kirjoita `/call` tai `/incident`.',
    },
  },
);
