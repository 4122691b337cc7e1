/**
 * Refusals and failures a person is told about: something that is no longer there, is not theirs to change, or
 * could not be done; who may use Rapport at all (gate.ts, recipients.ts) and who may decide (authorise.ts).
 */
import { area } from '../area.js';

export const errorMessages = area(
  {
    // Failures of Rapport's own (frame.ts).
    'errors.unexpected': 'Something went wrong on our side, and nothing was stored. Please try again in a moment.',
    'errors.databaseAway': 'The database could not be reached, and nothing was stored. Please try again in a moment.',
    'errors.notSaved': 'Rapport could not save your request just now (its database did not answer), so nothing was done. Please send it again.',
    'errors.gaveUp': 'Rapport tried your request several times and could not finish it, so it stopped trying. Please send it again.',
    'errors.settingsUnusable': 'This workspace’s settings cannot be used: {detail} An admin can fix them with `/rapport settings`.',
    'errors.nothingDeleted': '{error} Nothing was deleted.',
    'errors.eraseFormUnreadable': "This form could not be read; nothing was deleted. Please start again with `/client delete '<name>'`.",
    // Who may use Rapport (gate.ts).
    'errors.gate.external': 'Rapport is only for members of the workspace that owns it: people from other organisations cannot use it here.',
    'errors.gate.guest':
      'Rapport is for full members of this workspace. Guests can use it only if a workspace admin allows it (`/rapport settings guests allow`).',
    'errors.gate.departed': 'Rapport is only for members of this workspace.',
    'errors.gate.couldNotCheck': 'Rapport could not check your membership of this workspace just now. Please try again in a moment.',
    // Who may own a client or be given a next step (recipients.ts).
    'errors.owner.guest': '{who} is a guest in this workspace, so they cannot own a client: Rapport tells owners about their clients. Choose a full member.',
    'errors.owner.external':
      '{who} is from another organisation, so they cannot own a client here: Rapport tells owners about their clients. Choose a member of this workspace.',
    'errors.owner.departed': '{who} is no longer in this workspace, so they cannot own a client. Choose a member of this workspace.',
    'errors.assignee.guest':
      '{who} is a guest in this workspace, so a next step cannot be theirs: Rapport tells assignees about their clients. Choose a full member.',
    'errors.assignee.external': '{who} is from another organisation, so a next step here cannot be theirs. Choose a member of this workspace.',
    'errors.assignee.departed': '{who} is no longer in this workspace, so a next step cannot be theirs. Choose a member of this workspace.',
    // Admins only (authorise.ts).
    'errors.admin.settings': 'Only workspace admins can change Rapport’s settings. Ask an admin, or see them with `/rapport settings`.',
    'errors.admin.digest': 'Only workspace admins can post the digest by hand. `/rapport digest preview` shows it to you.',
    'errors.admin.export': 'Only workspace admins can export the workspace’s data.',
    // Who decides about a client: its owner (named when it has one), the one more person the rule allows, or an admin.
    'errors.decider':
      '{action, select, acknowledge {Sorry, only {owner} or a workspace admin can acknowledge *{name}*.} snooze {Sorry, only {owner} or a workspace admin can snooze *{name}*.} answer {Sorry, only {owner} or a workspace admin can answer proposals about *{name}*.} delete {Sorry, only {owner} or a workspace admin can delete *{name}*.} told {Sorry, only {logger} (who logged the incident), {owner} or a workspace admin can record that they told *{name}*.} other {Sorry, only {owner} or a workspace admin can decide about *{name}*.}}',
    'errors.decider.owner': 'its owner {who}',
    'errors.decider.noOwner': 'its owner',
    // Clients (db/queries/clients.ts, services/clients.ts).
    'errors.client.gone': 'That client no longer exists.',
    'errors.client.goneHere': 'That client no longer exists in this workspace.',
    'errors.client.giveName': 'Which client? Give its name.',
    'errors.client.startWithName': 'Which client? Start with its name.',
    'errors.client.notFound': "No client called “{typed}”. `/client add '<name>'` registers a new client.",
    'errors.client.notFoundDidYouMean':
      'No client called “{typed}”. Did you mean {count, plural, one {“{first}”} =2 {“{first}” or “{second}”} other {“{first}” or “{second}” or “{third}”}}?',
    'errors.client.nameTaken': 'There is already a client called “{name}” (names ignore case and how accents are typed).',
    'errors.client.lookAlike': '“{name}” looks very much like the existing client “{existing}”. If they really are two clients, confirm it.',
    // Calls, incidents, warnings (db/queries/activity.ts, services/clientActivity.ts).
    'errors.traits.unknown': '{count, plural, one {Unknown trait} other {Unknown traits}}: {traits}.',
    'errors.incident.gone': 'That incident no longer exists.',
    'errors.entry.gone':
      '{what, select, call {That call is no longer there: it may have been undone already.} other {That incident is no longer there: it may have been undone already.}}',
    'errors.entry.notYours':
      '{what, select, call {Only {who}, who logged this call, can change it.} other {Only {who}, who logged this incident, can change it.}}',
    'errors.entry.undoWindow': 'Undo works for {minutes, plural, one {# minute} other {# minutes}} after logging; use Edit instead.',
    'errors.call.move': 'A call cannot be moved to another client; undo it and log it again.',
    'errors.incident.move': 'An incident cannot be moved to another client; undo it and log it again.',
    'errors.call.goneForEdit': 'That call is no longer there: it may have been undone.',
    'errors.incident.goneForEdit': 'That incident is no longer there: it may have been undone.',
    'errors.call.notYoursToEdit': 'Only {who}, who logged this call, can edit it.',
    'errors.incident.notYoursToEdit': 'Only {who}, who logged this incident, can edit it.',
    // Decisions, proposals, next steps, settings.
    // Who changes a client's fate when it has no owner, or its owner left (fate.ts).
    'errors.fate.noOwner':
      '*{name}* has no owner, so only a workspace admin can change this. You can take it on yourself: `/client set {name} owner` with your own @mention.',
    'errors.fate.ownerGone':
      'The owner of *{name}*, {owner}, is not a member of this workspace any more, so only a workspace admin can change this (and can give it a new owner).',
    'errors.snooze.days': 'Snooze for 1 to 365 days.',
    'errors.proposal.gone': 'That proposal no longer exists (its client may have been deleted).',
    'errors.proposal.answered': '{status, select, approved {{who} already approved this proposal.} other {{who} already declined this proposal.}}',
    'errors.step.gone': 'That next step no longer exists (its client may have been deleted).',
    'errors.step.notYours': 'Only {assignee}, who it is for, or {creator}, who set it, can change this next step.',
    'errors.thresholds.unknown': '{count, plural, one {{names} is not a threshold.} other {{names} are not thresholds.}} The thresholds are: {all}.',
    // Why a channel cannot carry the digest (channels.ts): told to admins.
    'errors.exposure.extShared': 'it is shared with another organisation (Slack Connect)',
    'errors.exposure.pendingExtShared': 'an invitation to share it with another organisation is pending',
    'errors.exposure.sharedOutside': 'it is shared with a workspace outside this organisation',
    'errors.exposure.nowExtShared': 'it is now shared with another organisation (Slack Connect)',
  },
  {
    tr: {
      'errors.unexpected': 'Bizim tarafımızda bir sorun oldu ve hiçbir şey kaydedilmedi. Lütfen biraz sonra yeniden deneyin.',
      'errors.databaseAway': 'Veritabanına ulaşılamadı ve hiçbir şey kaydedilmedi. Lütfen biraz sonra yeniden deneyin.',
      'errors.notSaved': 'Rapport isteğinizi şu anda kaydedemedi (veritabanı yanıt vermedi), bu yüzden hiçbir şey yapılmadı. Lütfen yeniden gönderin.',
      'errors.gaveUp': 'Rapport isteğinizi birkaç kez denedi ama tamamlayamadı ve denemeyi bıraktı. Lütfen yeniden gönderin.',
      'errors.settingsUnusable': 'Bu çalışma alanının ayarları kullanılamıyor: {detail} Bir yönetici bunları `/rapport settings` ile düzeltebilir.',
      'errors.nothingDeleted': '{error} Hiçbir şey silinmedi.',
      'errors.eraseFormUnreadable': "Bu form okunamadı; hiçbir şey silinmedi. Lütfen `/client delete '<name>'` ile yeniden başlayın.",
      'errors.gate.external': 'Rapport yalnızca onu kuran çalışma alanının üyeleri içindir: başka kuruluşlardan kişiler onu burada kullanamaz.',
      'errors.gate.guest':
        'Rapport bu çalışma alanının tam üyeleri içindir. Misafirler onu yalnızca bir çalışma alanı yöneticisi izin verirse kullanabilir (`/rapport settings guests allow`).',
      'errors.gate.departed': 'Rapport yalnızca bu çalışma alanının üyeleri içindir.',
      'errors.gate.couldNotCheck': 'Rapport bu çalışma alanına üyeliğinizi şu anda doğrulayamadı. Lütfen biraz sonra yeniden deneyin.',
      'errors.owner.guest':
        '{who} bu çalışma alanında misafir; bu yüzden bir müşterinin sorumlusu olamaz: Rapport sorumlulara müşterileri hakkında bilgi verir. Tam üye olan birini seçin.',
      'errors.owner.external':
        '{who} başka bir kuruluştan; bu yüzden burada bir müşterinin sorumlusu olamaz: Rapport sorumlulara müşterileri hakkında bilgi verir. Bu çalışma alanının üyesi olan birini seçin.',
      'errors.owner.departed': '{who} artık bu çalışma alanında değil; bu yüzden bir müşterinin sorumlusu olamaz. Bu çalışma alanının üyesi olan birini seçin.',
      'errors.assignee.guest':
        '{who} bu çalışma alanında misafir; bu yüzden sonraki adım ona verilemez: Rapport adım sahiplerine müşterileri hakkında bilgi verir. Tam üye olan birini seçin.',
      'errors.assignee.external': '{who} başka bir kuruluştan; bu yüzden buradaki bir sonraki adım ona verilemez. Bu çalışma alanının üyesi olan birini seçin.',
      'errors.assignee.departed': '{who} artık bu çalışma alanında değil; bu yüzden sonraki adım ona verilemez. Bu çalışma alanının üyesi olan birini seçin.',
      'errors.admin.settings':
        'Rapport’un ayarlarını yalnızca çalışma alanı yöneticileri değiştirebilir. Bir yöneticiye sorun ya da ayarları `/rapport settings` ile görün.',
      'errors.admin.digest': 'Özeti elle yalnızca çalışma alanı yöneticileri paylaşabilir. `/rapport digest preview` özeti size gösterir.',
      'errors.admin.export': 'Çalışma alanının verilerini yalnızca çalışma alanı yöneticileri dışa aktarabilir.',
      'errors.decider':
        '{action, select, acknowledge {Üzgünüm, *{name}* için onayı yalnızca {owner} ya da bir çalışma alanı yöneticisi verebilir.} snooze {Üzgünüm, *{name}* müşterisini yalnızca {owner} ya da bir çalışma alanı yöneticisi erteleyebilir.} answer {Üzgünüm, *{name}* hakkındaki önerileri yalnızca {owner} ya da bir çalışma alanı yöneticisi yanıtlayabilir.} delete {Üzgünüm, *{name}* müşterisini yalnızca {owner} ya da bir çalışma alanı yöneticisi silebilir.} told {Üzgünüm, *{name}* müşterisine durumun kabul edilemez olduğunun söylendiğini yalnızca {logger} (olayı kaydeden kişi), {owner} ya da bir çalışma alanı yöneticisi kaydedebilir.} other {Üzgünüm, *{name}* hakkında yalnızca {owner} ya da bir çalışma alanı yöneticisi karar verebilir.}}',
      'errors.decider.owner': 'müşteri sorumlusu {who}',
      'errors.decider.noOwner': 'müşteri sorumlusu',
      'errors.client.gone': 'Bu müşteri artık yok.',
      'errors.client.goneHere': 'Bu müşteri artık bu çalışma alanında yok.',
      'errors.client.giveName': 'Hangi müşteri? Adını yazın.',
      'errors.client.startWithName': 'Hangi müşteri? Müşterinin adıyla başlayın.',
      'errors.client.notFound': "“{typed}” adında bir müşteri yok. `/client add '<name>'` yeni bir müşteri kaydeder.",
      'errors.client.notFoundDidYouMean':
        '“{typed}” adında bir müşteri yok. Şunu mu demek istediniz: {count, plural, one {“{first}”} =2 {“{first}” veya “{second}”} other {“{first}”, “{second}” veya “{third}”}}?',
      'errors.client.nameTaken': '“{name}” adında bir müşteri zaten var (adlarda büyük/küçük harf ve aksanlar fark etmez).',
      'errors.client.lookAlike': '“{name}”, mevcut müşteri “{existing}” ile çok benziyor. Gerçekten iki ayrı müşteriyse bunu onaylayın.',
      'errors.traits.unknown': '{count, plural, one {Bilinmeyen özellik} other {Bilinmeyen özellikler}}: {traits}.',
      'errors.incident.gone': 'Bu olay artık yok.',
      'errors.entry.gone': '{what, select, call {Bu görüşme artık yok: geri alınmış olabilir.} other {Bu olay artık yok: geri alınmış olabilir.}}',
      'errors.entry.notYours':
        '{what, select, call {Bu görüşmeyi yalnızca onu kaydeden {who} değiştirebilir.} other {Bu olayı yalnızca onu kaydeden {who} değiştirebilir.}}',
      'errors.entry.undoWindow':
        'Geri alma, kayıttan sonraki {minutes, plural, one {# dakika} other {# dakika}} içinde çalışır; bunun yerine Düzenle’yi kullanın.',
      'errors.call.move': 'Bir görüşme başka bir müşteriye taşınamaz; onu geri alın ve yeniden kaydedin.',
      'errors.incident.move': 'Bir olay başka bir müşteriye taşınamaz; onu geri alın ve yeniden kaydedin.',
      'errors.call.goneForEdit': 'Bu görüşme artık yok: geri alınmış olabilir.',
      'errors.incident.goneForEdit': 'Bu olay artık yok: geri alınmış olabilir.',
      'errors.call.notYoursToEdit': 'Bu görüşmeyi yalnızca onu kaydeden {who} düzenleyebilir.',
      'errors.incident.notYoursToEdit': 'Bu olayı yalnızca onu kaydeden {who} düzenleyebilir.',
      'errors.fate.noOwner':
        '*{name}* müşterisinin sorumlusu yok, bu yüzden bunu yalnızca bir çalışma alanı yöneticisi değiştirebilir. Müşteriyi kendiniz üstlenebilirsiniz: `/client set {name} owner` ve kendi @adınız.',
      'errors.fate.ownerGone':
        '*{name}* müşterisinin sorumlusu {owner} artık bu çalışma alanının üyesi değil, bu yüzden bunu yalnızca bir çalışma alanı yöneticisi değiştirebilir (ve müşteriye yeni bir sorumlu atayabilir).',
      'errors.snooze.days': 'Erteleme 1 ile 365 gün arasında olmalı.',
      'errors.proposal.gone': 'Bu öneri artık yok (müşterisi silinmiş olabilir).',
      'errors.proposal.answered': '{status, select, approved {{who} bu öneriyi zaten onayladı.} other {{who} bu öneriyi zaten reddetti.}}',
      'errors.step.gone': 'Bu sonraki adım artık yok (müşterisi silinmiş olabilir).',
      'errors.step.notYours': 'Bu sonraki adımı yalnızca adımın sahibi {assignee} ya da adımı oluşturan {creator} değiştirebilir.',
      'errors.thresholds.unknown': '{count, plural, one {{names} bir eşik değil.} other {{names} eşik değil.}} Eşikler şunlardır: {all}.',
      'errors.exposure.extShared': 'kanal başka bir kuruluşla paylaşılıyor (Slack Connect)',
      'errors.exposure.pendingExtShared': 'kanalı başka bir kuruluşla paylaşmak için bekleyen bir davet var',
      'errors.exposure.sharedOutside': 'kanal bu kuruluşun dışındaki bir çalışma alanıyla paylaşılıyor',
      'errors.exposure.nowExtShared': 'kanal artık başka bir kuruluşla paylaşılıyor (Slack Connect)',
    },
    fa: {
      'errors.unexpected': 'مشکلی در سمت ما پیش آمد و چیزی ذخیره نشد. لطفاً چند لحظهٔ دیگر دوباره امتحان کنید.',
      'errors.databaseAway': 'دسترسی به پایگاه داده ممکن نشد و چیزی ذخیره نشد. لطفاً چند لحظهٔ دیگر دوباره امتحان کنید.',
      'errors.notSaved': 'Rapport الان نتوانست درخواست شما را ذخیره کند (پایگاه داده پاسخ نداد)، پس کاری انجام نشد. لطفاً آن را دوباره بفرستید.',
      'errors.gaveUp': 'Rapport چند بار درخواست شما را امتحان کرد و نتوانست آن را تمام کند، پس دیگر تلاش نمی‌کند. لطفاً آن را دوباره بفرستید.',
      'errors.settingsUnusable': 'تنظیمات این فضای کاری قابل استفاده نیست: {detail} یک مدیر می‌تواند آن‌ها را با `/rapport settings` درست کند.',
      'errors.nothingDeleted': '{error} چیزی حذف نشد.',
      'errors.eraseFormUnreadable': "این فرم خوانده نشد؛ چیزی حذف نشد. لطفاً با `/client delete '<name>'` از نو شروع کنید.",
      'errors.gate.external': 'Rapport فقط برای اعضای فضای کاری صاحب آن است: افراد سازمان‌های دیگر نمی‌توانند اینجا از آن استفاده کنند.',
      'errors.gate.guest':
        'Rapport برای اعضای کامل این فضای کاری است. مهمان‌ها فقط وقتی می‌توانند از آن استفاده کنند که یک مدیر فضای کاری اجازه دهد (`/rapport settings guests allow`).',
      'errors.gate.departed': 'Rapport فقط برای اعضای این فضای کاری است.',
      'errors.gate.couldNotCheck': 'Rapport الان نتوانست عضویت شما در این فضای کاری را بررسی کند. لطفاً چند لحظهٔ دیگر دوباره امتحان کنید.',
      'errors.owner.guest':
        '{who} در این فضای کاری مهمان است، پس نمی‌تواند مسئول مشتری باشد: Rapport دربارهٔ مشتری‌ها به مسئولانشان خبر می‌دهد. یکی از اعضای کامل را انتخاب کنید.',
      'errors.owner.external':
        '{who} از سازمان دیگری است، پس اینجا نمی‌تواند مسئول مشتری باشد: Rapport دربارهٔ مشتری‌ها به مسئولانشان خبر می‌دهد. یکی از اعضای این فضای کاری را انتخاب کنید.',
      'errors.owner.departed': '{who} دیگر در این فضای کاری نیست، پس نمی‌تواند مسئول مشتری باشد. یکی از اعضای این فضای کاری را انتخاب کنید.',
      'errors.assignee.guest':
        '{who} در این فضای کاری مهمان است، پس گام بعدی را نمی‌توان به او سپرد: Rapport دربارهٔ مشتری‌ها به مسئولان گام‌ها خبر می‌دهد. یکی از اعضای کامل را انتخاب کنید.',
      'errors.assignee.external': '{who} از سازمان دیگری است، پس گام بعدی اینجا را نمی‌توان به او سپرد. یکی از اعضای این فضای کاری را انتخاب کنید.',
      'errors.assignee.departed': '{who} دیگر در این فضای کاری نیست، پس گام بعدی را نمی‌توان به او سپرد. یکی از اعضای این فضای کاری را انتخاب کنید.',
      'errors.admin.settings': 'فقط مدیران فضای کاری می‌توانند تنظیمات Rapport را تغییر دهند. از یک مدیر بخواهید، یا تنظیمات را با `/rapport settings` ببینید.',
      'errors.admin.digest': 'فقط مدیران فضای کاری می‌توانند گزارش هفتگی را دستی منتشر کنند. `/rapport digest preview` آن را به شما نشان می‌دهد.',
      'errors.admin.export': 'فقط مدیران فضای کاری می‌توانند داده‌های فضای کاری را برون‌بری کنند.',
      'errors.decider':
        '{action, select, acknowledge {متأسفم، فقط {owner} یا یک مدیر فضای کاری می‌تواند وضعیت *{name}* را تأیید کند.} snooze {متأسفم، فقط {owner} یا یک مدیر فضای کاری می‌تواند *{name}* را به تعویق بیندازد.} answer {متأسفم، فقط {owner} یا یک مدیر فضای کاری می‌تواند به پیشنهادهای مربوط به *{name}* پاسخ دهد.} delete {متأسفم، فقط {owner} یا یک مدیر فضای کاری می‌تواند *{name}* را حذف کند.} told {متأسفم، فقط {logger} (ثبت‌کنندهٔ رویداد)، {owner} یا یک مدیر فضای کاری می‌تواند ثبت کند که به *{name}* گفته شده است.} other {متأسفم، فقط {owner} یا یک مدیر فضای کاری می‌تواند دربارهٔ *{name}* تصمیم بگیرد.}}',
      'errors.decider.owner': 'مسئول مشتری، {who}،',
      'errors.decider.noOwner': 'مسئول مشتری',
      'errors.client.gone': 'این مشتری دیگر وجود ندارد.',
      'errors.client.goneHere': 'این مشتری دیگر در این فضای کاری وجود ندارد.',
      'errors.client.giveName': 'کدام مشتری؟ نامش را بنویسید.',
      'errors.client.startWithName': 'کدام مشتری؟ با نام مشتری شروع کنید.',
      'errors.client.notFound': "مشتری‌ای با نام «{typed}» وجود ندارد. `/client add '<name>'` مشتری تازه‌ای ثبت می‌کند.",
      'errors.client.notFoundDidYouMean':
        'مشتری‌ای با نام «{typed}» وجود ندارد. آیا منظورتان {count, plural, one {«{first}»} =2 {«{first}» یا «{second}»} other {«{first}»، «{second}» یا «{third}»}} بود؟',
      'errors.client.nameTaken': 'مشتری‌ای با نام «{name}» از قبل وجود دارد (در نام‌ها بزرگی و کوچکی حروف و شیوهٔ تایپ اعراب مهم نیست).',
      'errors.client.lookAlike': '«{name}» بسیار شبیه مشتری موجود «{existing}» است. اگر واقعاً دو مشتری جدا هستند، آن را تأیید کنید.',
      'errors.traits.unknown': '{count, plural, one {ویژگی ناشناخته} other {ویژگی‌های ناشناخته}}: {traits}.',
      'errors.incident.gone': 'این رویداد دیگر وجود ندارد.',
      'errors.entry.gone':
        '{what, select, call {این تماس دیگر وجود ندارد: شاید پیش‌تر لغو شده باشد.} other {این رویداد دیگر وجود ندارد: شاید پیش‌تر لغو شده باشد.}}',
      'errors.entry.notYours':
        '{what, select, call {فقط {who}، که این تماس را ثبت کرده است، می‌تواند آن را تغییر دهد.} other {فقط {who}، که این رویداد را ثبت کرده است، می‌تواند آن را تغییر دهد.}}',
      'errors.entry.undoWindow': 'لغو فقط تا {minutes, plural, one {# دقیقه} other {# دقیقه}} پس از ثبت ممکن است؛ به‌جای آن از «ویرایش» استفاده کنید.',
      'errors.call.move': 'تماس را نمی‌توان به مشتری دیگری منتقل کرد؛ آن را لغو کنید و دوباره ثبت کنید.',
      'errors.incident.move': 'رویداد را نمی‌توان به مشتری دیگری منتقل کرد؛ آن را لغو کنید و دوباره ثبت کنید.',
      'errors.call.goneForEdit': 'این تماس دیگر وجود ندارد: شاید لغو شده باشد.',
      'errors.incident.goneForEdit': 'این رویداد دیگر وجود ندارد: شاید لغو شده باشد.',
      'errors.call.notYoursToEdit': 'فقط {who}، که این تماس را ثبت کرده است، می‌تواند آن را ویرایش کند.',
      'errors.incident.notYoursToEdit': 'فقط {who}، که این رویداد را ثبت کرده است، می‌تواند آن را ویرایش کند.',
      'errors.fate.noOwner':
        '*{name}* مسئولی ندارد، پس فقط یک مدیر فضای کاری می‌تواند این را تغییر دهد. خودتان می‌توانید مسئولیتش را بپذیرید: `/client set {name} owner` همراه با @نام خودتان.',
      'errors.fate.ownerGone':
        'مسئول *{name}*، {owner}، دیگر عضو این فضای کاری نیست، پس فقط یک مدیر فضای کاری می‌تواند این را تغییر دهد (و برایش مسئول تازه‌ای تعیین کند).',
      'errors.snooze.days': 'تعویق باید بین ۱ تا ۳۶۵ روز باشد.',
      'errors.proposal.gone': 'این پیشنهاد دیگر وجود ندارد (شاید مشتری‌اش حذف شده باشد).',
      'errors.proposal.answered': '{status, select, approved {{who} این پیشنهاد را پیش‌تر پذیرفته است.} other {{who} این پیشنهاد را پیش‌تر رد کرده است.}}',
      'errors.step.gone': 'این گام بعدی دیگر وجود ندارد (شاید مشتری‌اش حذف شده باشد).',
      'errors.step.notYours': 'فقط {assignee}، که این گام برای اوست، یا {creator}، که آن را تعیین کرده است، می‌تواند این گام بعدی را تغییر دهد.',
      'errors.thresholds.unknown': '{count, plural, one {{names} آستانه نیست.} other {{names} آستانه نیستند.}} آستانه‌ها این‌ها هستند: {all}.',
      'errors.exposure.extShared': 'با سازمان دیگری به اشتراک گذاشته شده است (Slack Connect)',
      'errors.exposure.pendingExtShared': 'دعوتی برای اشتراک آن با سازمان دیگری در انتظار است',
      'errors.exposure.sharedOutside': 'با فضای کاری‌ای بیرون از این سازمان به اشتراک گذاشته شده است',
      'errors.exposure.nowExtShared': 'اکنون با سازمان دیگری به اشتراک گذاشته شده است (Slack Connect)',
    },
    fi: {
      'errors.unexpected': 'Meidän päässämme meni jotain vikaan, eikä mitään tallennettu. Yritä hetken päästä uudelleen.',
      'errors.databaseAway': 'Tietokantaan ei saatu yhteyttä, eikä mitään tallennettu. Yritä hetken päästä uudelleen.',
      'errors.notSaved': 'Rapport ei juuri nyt voinut tallentaa pyyntöäsi (tietokanta ei vastannut), joten mitään ei tehty. Lähetä se uudelleen.',
      'errors.gaveUp': 'Rapport yritti pyyntöäsi useita kertoja eikä saanut sitä valmiiksi, joten se lopetti yrittämisen. Lähetä se uudelleen.',
      'errors.settingsUnusable': 'Tämän työtilan asetuksia ei voi käyttää: {detail} Ylläpitäjä voi korjata ne komennolla `/rapport settings`.',
      'errors.nothingDeleted': '{error} Mitään ei poistettu.',
      'errors.eraseFormUnreadable': "Lomaketta ei voitu lukea, eikä mitään poistettu. Aloita alusta komennolla `/client delete '<name>'`.",
      'errors.gate.external': 'Rapport on vain sen omistavan työtilan jäsenille: muiden organisaatioiden ihmiset eivät voi käyttää sitä täällä.',
      'errors.gate.guest':
        'Rapport on tämän työtilan täysille jäsenille. Vieraat voivat käyttää sitä vain, jos työtilan ylläpitäjä sallii sen (`/rapport settings guests allow`).',
      'errors.gate.departed': 'Rapport on vain tämän työtilan jäsenille.',
      'errors.gate.couldNotCheck': 'Rapport ei juuri nyt voinut tarkistaa jäsenyyttäsi tässä työtilassa. Yritä hetken päästä uudelleen.',
      'errors.owner.guest':
        '{who} on vieras tässä työtilassa, joten hän ei voi olla asiakkaan vastuuhenkilö: Rapport kertoo vastuuhenkilöille heidän asiakkaistaan. Valitse täysi jäsen.',
      'errors.owner.external':
        '{who} on toisesta organisaatiosta, joten hän ei voi olla asiakkaan vastuuhenkilö täällä: Rapport kertoo vastuuhenkilöille heidän asiakkaistaan. Valitse tämän työtilan jäsen.',
      'errors.owner.departed': '{who} ei ole enää tässä työtilassa, joten hän ei voi olla asiakkaan vastuuhenkilö. Valitse tämän työtilan jäsen.',
      'errors.assignee.guest':
        '{who} on vieras tässä työtilassa, joten seuraavaa askelta ei voi antaa hänelle: Rapport kertoo askelten tekijöille heidän asiakkaistaan. Valitse täysi jäsen.',
      'errors.assignee.external': '{who} on toisesta organisaatiosta, joten täkäläistä seuraavaa askelta ei voi antaa hänelle. Valitse tämän työtilan jäsen.',
      'errors.assignee.departed': '{who} ei ole enää tässä työtilassa, joten seuraavaa askelta ei voi antaa hänelle. Valitse tämän työtilan jäsen.',
      'errors.admin.settings':
        'Vain työtilan ylläpitäjät voivat muuttaa Rapportin asetuksia. Kysy ylläpitäjältä tai katso asetukset komennolla `/rapport settings`.',
      'errors.admin.digest': 'Vain työtilan ylläpitäjät voivat julkaista koosteen käsin. `/rapport digest preview` näyttää sen sinulle.',
      'errors.admin.export': 'Vain työtilan ylläpitäjät voivat viedä työtilan tiedot.',
      'errors.decider':
        '{action, select, acknowledge {Valitettavasti vain {owner} tai työtilan ylläpitäjä voi kuitata tämän asiakkaan: *{name}*.} snooze {Valitettavasti vain {owner} tai työtilan ylläpitäjä voi lykätä tätä asiakasta: *{name}*.} answer {Valitettavasti vain {owner} tai työtilan ylläpitäjä voi vastata tätä asiakasta koskeviin ehdotuksiin: *{name}*.} delete {Valitettavasti vain {owner} tai työtilan ylläpitäjä voi poistaa tämän asiakkaan: *{name}*.} told {Valitettavasti vain {logger} (tapahtuman kirjaaja), {owner} tai työtilan ylläpitäjä voi kirjata, että asiakkaalle on kerrottu: *{name}*.} other {Valitettavasti vain {owner} tai työtilan ylläpitäjä voi päättää tästä asiakkaasta: *{name}*.}}',
      'errors.decider.owner': 'asiakkaan vastuuhenkilö {who}',
      'errors.decider.noOwner': 'asiakkaan vastuuhenkilö',
      'errors.client.gone': 'Tätä asiakasta ei ole enää.',
      'errors.client.goneHere': 'Tätä asiakasta ei ole enää tässä työtilassa.',
      'errors.client.giveName': 'Mikä asiakas? Anna sen nimi.',
      'errors.client.startWithName': 'Mikä asiakas? Aloita asiakkaan nimellä.',
      'errors.client.notFound': "Asiakasta ei löydy nimellä ”{typed}”. `/client add '<name>'` lisää uuden asiakkaan.",
      'errors.client.notFoundDidYouMean':
        'Asiakasta ei löydy nimellä ”{typed}”. Tarkoititko {count, plural, one {”{first}”} =2 {”{first}” vai ”{second}”} other {”{first}”, ”{second}” vai ”{third}”}}?',
      'errors.client.nameTaken': 'Asiakas nimeltä ”{name}” on jo olemassa (nimissä isoilla kirjaimilla ja aksenttimerkeillä ei ole väliä).',
      'errors.client.lookAlike': '”{name}” on hyvin samannäköinen kuin nykyinen asiakas ”{existing}”. Jos ne todella ovat kaksi eri asiakasta, vahvista se.',
      'errors.traits.unknown': '{count, plural, one {Tuntematon piirre} other {Tuntemattomat piirteet}}: {traits}.',
      'errors.incident.gone': 'Tätä tapahtumaa ei ole enää.',
      'errors.entry.gone':
        '{what, select, call {Tätä puhelua ei ole enää: se on ehkä jo peruttu.} other {Tätä tapahtumaa ei ole enää: se on ehkä jo peruttu.}}',
      'errors.entry.notYours':
        '{what, select, call {Vain puhelun kirjannut {who} voi muuttaa sitä.} other {Vain tapahtuman kirjannut {who} voi muuttaa sitä.}}',
      'errors.entry.undoWindow':
        'Kumoaminen onnistuu {minutes, plural, one {# minuutin} other {# minuutin}} ajan kirjaamisen jälkeen; käytä sen sijaan Muokkaa-toimintoa.',
      'errors.call.move': 'Puhelua ei voi siirtää toiselle asiakkaalle; kumoa se ja kirjaa se uudelleen.',
      'errors.incident.move': 'Tapahtumaa ei voi siirtää toiselle asiakkaalle; kumoa se ja kirjaa se uudelleen.',
      'errors.call.goneForEdit': 'Tätä puhelua ei ole enää: se on ehkä kumottu.',
      'errors.incident.goneForEdit': 'Tätä tapahtumaa ei ole enää: se on ehkä kumottu.',
      'errors.call.notYoursToEdit': 'Vain puhelun kirjannut {who} voi muokata sitä.',
      'errors.incident.notYoursToEdit': 'Vain tapahtuman kirjannut {who} voi muokata sitä.',
      'errors.fate.noOwner':
        'Asiakkaalla *{name}* ei ole vastuuhenkilöä, joten vain työtilan ylläpitäjä voi muuttaa tätä. Voit ottaa asiakkaan itsellesi: `/client set {name} owner` ja oma @-mainintasi.',
      'errors.fate.ownerGone':
        'Asiakkaan *{name}* vastuuhenkilö {owner} ei ole enää tämän työtilan jäsen, joten vain työtilan ylläpitäjä voi muuttaa tätä (ja antaa asiakkaalle uuden vastuuhenkilön).',
      'errors.snooze.days': 'Lykkää 1–365 päiväksi.',
      'errors.proposal.gone': 'Tätä ehdotusta ei ole enää (sen asiakas on ehkä poistettu).',
      'errors.proposal.answered': '{status, select, approved {{who} hyväksyi jo tämän ehdotuksen.} other {{who} hylkäsi jo tämän ehdotuksen.}}',
      'errors.step.gone': 'Tätä seuraavaa askelta ei ole enää (sen asiakas on ehkä poistettu).',
      'errors.step.notYours': 'Vain askeleen tekijä {assignee} tai sen asettanut {creator} voi muuttaa tätä seuraavaa askelta.',
      'errors.thresholds.unknown': '{count, plural, one {{names} ei ole raja-arvo.} other {{names} eivät ole raja-arvoja.}} Raja-arvot ovat: {all}.',
      'errors.exposure.extShared': 'se on jaettu toisen organisaation kanssa (Slack Connect)',
      'errors.exposure.pendingExtShared': 'kutsu jakaa se toisen organisaation kanssa odottaa',
      'errors.exposure.sharedOutside': 'se on jaettu tämän organisaation ulkopuolisen työtilan kanssa',
      'errors.exposure.nowExtShared': 'se on nyt jaettu toisen organisaation kanssa (Slack Connect)',
    },
  },
);
