import type { PublicApplicationLanguage } from '@aqtalu/contracts';

/** The e-mails to online applicants, in their language (`%{code}`: the tracking code, `%{link}`: the status page). */
export const applicantMailTexts: Readonly<Record<PublicApplicationLanguage, Record<'mail_received_subject' | 'mail_received' | 'mail_documents_requested_subject' | 'mail_documents_requested', string>>> = {
  kk: {
    mail_received_subject: 'Ақтау туралы өтінішіңіз қабылданды (%{code})',
    mail_received: 'Ақтау туралы өтінішіңіз қабылданды.\n\nБақылау коды: %{code}\nКүйін мына сілтемеден көресіз: %{link}\n\nБұл хатқа жауап бермеңіз.',
    mail_documents_requested_subject: 'Өтінішіңіз бойынша қосымша құжаттар керек (%{code})',
    mail_documents_requested: 'Комиссия хатшысы өтінішіңіз бойынша қосымша құжаттар сұрады.\n\nСұрауды оқып, құжаттарды мына жерден жіберіңіз: %{link}\n\nБұл хатқа жауап бермеңіз.',
  },
  ru: {
    mail_received_subject: 'Ваше заявление о реабилитации принято (%{code})',
    mail_received: 'Ваше заявление о реабилитации принято.\n\nКод отслеживания: %{code}\nСтатус можно посмотреть по ссылке: %{link}\n\nНе отвечайте на это письмо.',
    mail_documents_requested_subject: 'По вашему заявлению нужны дополнительные документы (%{code})',
    mail_documents_requested: 'Секретарь комиссии запросил дополнительные документы по вашему заявлению.\n\nПрочтите запрос и отправьте документы здесь: %{link}\n\nНе отвечайте на это письмо.',
  },
  en: {
    mail_received_subject: 'Your application for rehabilitation was received (%{code})',
    mail_received: 'Your application for rehabilitation was received.\n\nTracking code: %{code}\nFollow its status here: %{link}\n\nPlease do not reply to this e-mail.',
    mail_documents_requested_subject: 'More documents are needed for your application (%{code})',
    mail_documents_requested: 'The commission\'s secretary asked for more documents for your application.\n\nRead the request and send the documents here: %{link}\n\nPlease do not reply to this e-mail.',
  },
};
