export { type CertificateData, renderCertificate } from './certificate.pdf.js';
export {
  type ProtocolAttendee,
  type ProtocolData,
  type ProtocolDecision,
  type ProtocolDecisionException,
  type ProtocolItem,
  type ProtocolVote,
  renderCommissionProtocol,
} from './commission-protocol.pdf.js';
export type { AttendanceRole, Outcome, Recommendation, Vote } from './document-labels.js';
export { type CertificateCheck, type CheckPageLanguage, checkPageLanguage, checkPageLanguages, checkPageMessages, renderCertificateCheckPage } from './certificate-check.page.js';
