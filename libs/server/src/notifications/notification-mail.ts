/** One e-mail of a notification, in Kazakh then Russian. */
export interface NotificationMail {
  subject: string;
  text: string;
}

interface Texts {
  kk: string;
  ru: string;
}

const statusNames: Record<string, Texts> = {
  draft: { kk: 'жоба', ru: 'черновик' },
  submitted: { kk: 'берілді', ru: 'подано' },
  intake_review: { kk: 'қабылдау тексерісі', ru: 'проверка при приёме' },
  returned_to_applicant: { kk: 'өтініш берушіге қайтарылды', ru: 'возвращено заявителю' },
  archive_verification: { kk: 'мұрағаттық тексеру', ru: 'архивная проверка' },
  working_group_review: { kk: 'жұмыс тобының қарауы', ru: 'рассмотрение рабочей группой' },
  commission_review: { kk: 'комиссияның қарауы', ru: 'рассмотрение комиссией' },
  rehabilitated: { kk: 'ақталды', ru: 'реабилитирован' },
  rejected: { kk: 'бас тартылды', ru: 'отказано' },
  certificate_issued: { kk: 'анықтама берілді', ru: 'справка выдана' },
  closed: { kk: 'жабылды', ru: 'закрыто' },
};

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '—');
const caseNo = (params: Record<string, unknown>) => text(params.caseNumber);
const status = (value: unknown): Texts => statusNames[String(value)] ?? { kk: text(value), ru: text(value) };
const caseMessage = (kk: string, ru: string) => (p: Record<string, unknown>): Texts => ({ kk: `${caseNo(p)} ісі: ${kk}.`, ru: `Дело ${caseNo(p)}: ${ru}.` });

/**
 * What each kind of notification says. Only case numbers, statuses and staff names go into a message:
 * the params of a case may name applicants, and their contact data never leaves the system by e-mail.
 */
const messages: Record<string, (params: Record<string, unknown>) => Texts> = {
  'account.created': () => ({ kk: 'Сізге Aqtalu жүйесінде есептік жазба ашылды.', ru: 'Для вас создана учётная запись в системе Aqtalu.' }),
  'case.transition': (p) => ({
    kk: `Сіз бақылайтын ${caseNo(p)} ісінің жаңа күйі: ${status(p.to).kk}.`,
    ru: `Новый статус отслеживаемого вами дела ${caseNo(p)}: ${status(p.to).ru}.`,
  }),
  'case.submitted': caseMessage('өтініш берілді', 'заявление подано'),
  'case.resubmitted': caseMessage('өтініш қайта берілді', 'заявление подано повторно'),
  'case.returned_to_applicant': caseMessage('өтініш берушіге қайтарылды', 'возвращено заявителю'),
  'case.accepted': caseMessage('мұрағаттық тексеруге қабылданды', 'принято к архивной проверке'),
  'case.ready_for_commission': caseMessage('комиссияның қарауына дайын', 'готово к рассмотрению комиссией'),
  'case.rehabilitated': caseMessage('ақтау туралы шешім қабылданды', 'принято решение о реабилитации'),
  'case.rejected': caseMessage('ақтаудан бас тартылды', 'в реабилитации отказано'),
  'case.returned_for_evidence': caseMessage('қосымша дәлелдемелерге қайтарылды', 'возвращено для дополнительных доказательств'),
  'case.certificate_issued': caseMessage('анықтамалар берілді', 'справки выданы'),
  'case.reopened': caseMessage('қайта ашылды', 'открыто повторно'),
  'comment.mention': (p) => ({ kk: `${text(p.by)} сізді ${caseNo(p)} ісінің пікірінде атады.`, ru: `${text(p.by)} упомянул(а) вас в комментарии к делу ${caseNo(p)}.` }),
  'task.assigned': (p) => ({ kk: `${caseNo(p)} ісі бойынша сізге тапсырма берілді.`, ru: `Вам поручена задача по делу ${caseNo(p)}.` }),
  'conclusion.awaits_signature': caseMessage('жұмыс тобының қорытындысы қолтаңбаны күтуде', 'заключение рабочей группы ждёт подписи'),
  'archive_request.received': caseMessage('мұрағатқа жаңа сұрау', 'новый запрос в архив'),
  'archive_request.overdue': caseMessage('мұрағаттық сұраудың мерзімі өтті', 'срок архивного запроса истёк'),
  'commission.session_planned': (p) => ({ kk: `Комиссия отырысы жоспарланды: ${text(p.date)}.`, ru: `Запланировано заседание комиссии: ${text(p.date)}.` }),
};

const generic: Texts = { kk: 'Aqtalu жүйесінде сізге жаңа хабарлама бар.', ru: 'В системе Aqtalu для вас новое уведомление.' };

/** Subject and plain-text body for a notification; an unknown kind gets a generic text. */
export function notificationMail(kind: string, params: Record<string, unknown>): NotificationMail {
  const says = messages[kind]?.(params) ?? generic;
  return {
    subject: `Aqtalu: ${says.kk} / ${says.ru}`.slice(0, 200),
    text: `${says.kk}\n\n${says.ru}\n\n—\nAqtalu. Толығырақ жүйеде / Подробности в системе.\n`,
  };
}
