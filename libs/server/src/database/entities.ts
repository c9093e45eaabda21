import { AuditLogEntity } from '../audit/audit-log.entity.js';
import {
  ArchiveRequestEntity,
  CaseEntity,
  CaseEventEntity,
  CaseNumberCounterEntity,
  CaseSubjectEntity,
  ConclusionEntity,
} from '../cases/case.entities.js';
import {
  AgendaItemEntity,
  CertificateEntity,
  CommissionSessionEntity,
  DecisionEntity,
  DecisionExceptionEntity,
  SessionAttendanceEntity,
  VoteEntity,
} from '../commission/commission.entities.js';
import { CaseCommentEntity, CaseTaskEntity, CaseWatcherEntity } from '../cases/collaboration.entities.js';
import { LegalArticleEntity, VictimCategoryEntity } from '../reference/dictionary.entities.js';
import { PersonEntity } from '../registry/person.entity.js';
import { PersonFactEntity } from '../registry/person-fact.entity.js';
import { PersonExternalIdEntity } from '../registry/person-external-id.entity.js';
import { PlaceEntity, PlaceNameEntity } from '../registry/place.entities.js';
import { CampEntity, CriminalArticleEntity, SentenceKindEntity, SentencingBodyEntity } from '../registry/repression-dictionary.entities.js';
import {
  DuplicateCandidateEntity,
  PersonNameVariantEntity,
  NameWordEntity,
  NameWordPairEntity,
  RegistryImportEntity,
  RegistryImportRowEntity,
} from '../registry/registry.entities.js';
import { ConclusionCitationEntity, EvidenceCheckEntity, EvidenceEntity, EvidenceProposalEntity } from '../evidence/evidence.entities.js';
import { HolidayEntity } from '../calendar/holiday.entity.js';
import { ArchiveEntity } from '../identity/archive.entity.js';
import { LoginThrottleEntity } from '../identity/login-throttle.entity.js';
import { RefreshTokenEntity } from '../identity/refresh-token.entity.js';
import { RegionEntity } from '../identity/region.entity.js';
import { UserEntity } from '../identity/user.entity.js';
import { NotificationEntity } from '../notifications/notification.entity.js';
import { EventEntity, EventParticipantEntity, EventPlaceEntity, EventSourceEntity, PersonRelationEntity } from '../events/event.entities.js';
import { InventoryEntryEntity, InventoryMentionEntity } from '../inventory/inventory.entities.js';
import { PlaceSourceEntity } from '../events/place-source.entity.js';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity.js';
import { RetentionRuleEntity } from '../retention/retention-rule.entity.js';

/** Every entity of the schema; migrations are generated from these. */
export const entities = [
  RegionEntity,
  ArchiveEntity,
  UserEntity,
  HolidayEntity,
  OutboxMessageEntity,
  NotificationEntity,
  AuditLogEntity,
  RefreshTokenEntity,
  LoginThrottleEntity,
  VictimCategoryEntity,
  LegalArticleEntity,
  PersonEntity,
  CaseEntity,
  CaseNumberCounterEntity,
  CaseSubjectEntity,
  CaseEventEntity,
  ArchiveRequestEntity,
  ConclusionEntity,
  CommissionSessionEntity,
  SessionAttendanceEntity,
  AgendaItemEntity,
  VoteEntity,
  DecisionEntity,
  DecisionExceptionEntity,
  CertificateEntity,
  CaseCommentEntity,
  CaseTaskEntity,
  PersonNameVariantEntity,
  NameWordEntity,
  NameWordPairEntity,
  DuplicateCandidateEntity,
  RegistryImportEntity,
  RegistryImportRowEntity,
  PersonExternalIdEntity,
  CaseWatcherEntity,
  EvidenceEntity,
  EvidenceCheckEntity,
  ConclusionCitationEntity,
  EvidenceProposalEntity,
  SentencingBodyEntity,
  CriminalArticleEntity,
  SentenceKindEntity,
  CampEntity,
  PlaceEntity,
  PlaceNameEntity,
  PersonFactEntity,
  EventEntity,
  EventPlaceEntity,
  EventSourceEntity,
  EventParticipantEntity,
  PersonRelationEntity,
  InventoryEntryEntity,
  InventoryMentionEntity,
  PlaceSourceEntity,
  RetentionRuleEntity,
];
