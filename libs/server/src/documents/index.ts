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
export { escapeHtml, fillTemplate } from './html-text.js';
export { formatNumericDate } from './document-dates.js';
