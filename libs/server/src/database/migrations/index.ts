import { InitialSchema1795491082133 } from './1795491082133-InitialSchema.js';
import { Identity1795493002968 } from './1795493002968-Identity.js';
import { CaseLifecycle1795494239659 } from './1795494239659-CaseLifecycle.js';
import { Collaboration1795494748114 } from './1795494748114-Collaboration.js';
import { CaseWatchers1795494974740 } from './1795494974740-CaseWatchers.js';
import { Registry1795495845879 } from './1795495845879-Registry.js';
import { RegistryImports1795496461618 } from './1795496461618-RegistryImports.js';
import { Evidence1795496868427 } from './1795496868427-Evidence.js';
import { RegistryFacts1795500332104 } from './1795500332104-RegistryFacts.js';
import { EvidenceCitations1795500351784 } from './1795500351784-EvidenceCitations.js';
import { RegistryWordSearch1795504139032 } from './1795504139032-RegistryWordSearch.js';
import { AuditSealedChain1796168543365 } from './1796168543365-AuditSealedChain.js';
import { EvidenceCheckReasonCodes1796169886608 } from './1796169886608-EvidenceCheckReasonCodes.js';
import { AppRolePrivileges1796170366811 } from './1796170366811-AppRolePrivileges.js';
import { EvidenceActiveContentReconciliation1796171677104 } from './1796171677104-EvidenceActiveContentReconciliation.js';
import { RegistryImportAtScale1796178642543 } from './1796178642543-RegistryImportAtScale.js';
import { EventsRelationsGroupCases1796178891625 } from './1796178891625-EventsRelationsGroupCases.js';
import { ArchiveInventories1796180720501 } from './1796180720501-ArchiveInventories.js';
import { ExecutionBurialSites1796181674055 } from './1796181674055-ExecutionBurialSites.js';
import { RegistrySearchKeyVersions1796179155992 } from './1796179155992-RegistrySearchKeyVersions.js';
import { CaseFullTextSearch1796181051965 } from './1796181051965-CaseFullTextSearch.js';
import { CorrespondenceRegister1796183100000 } from './1796183100000-CorrespondenceRegister.js';
import { RetentionRules1796178923071 } from './1796178923071-RetentionRules.js';
import { BookOfMemory1796183450688 } from './1796183450688-BookOfMemory.js';
import { SessionPrintBatchesIncomingNumbers1796189931197 } from './1796189931197-SessionPrintBatchesIncomingNumbers.js';
import { PublicApplications1796190010017 } from './1796190010017-PublicApplications.js';
import { Contributions1796189951874 } from './1796189951874-Contributions.js';
import { NameInitialKeys1796192000000 } from './1796192000000-NameInitialKeys.js';
/**
 * Migrations in the order they run. `npm run migration:generate -- <Name>` writes a new file here and
 * adds it to this list; a landed migration is never edited.
 */
export const migrations: Function[] = [
  InitialSchema1795491082133,
  Identity1795493002968,
  CaseLifecycle1795494239659,
  Collaboration1795494748114,
  CaseWatchers1795494974740,
  Registry1795495845879,
  RegistryImports1795496461618,
  Evidence1795496868427,
  RegistryFacts1795500332104,
  EvidenceCitations1795500351784,
  RegistryWordSearch1795504139032,
  AuditSealedChain1796168543365,
  EvidenceCheckReasonCodes1796169886608,
  AppRolePrivileges1796170366811,
  EvidenceActiveContentReconciliation1796171677104,
  RegistryImportAtScale1796178642543,
  EventsRelationsGroupCases1796178891625,
  RegistrySearchKeyVersions1796179155992,
  ArchiveInventories1796180720501,
  CaseFullTextSearch1796181051965,
  RetentionRules1796178923071,
  ExecutionBurialSites1796181674055,
  CorrespondenceRegister1796183100000,
  BookOfMemory1796183450688,
  SessionPrintBatchesIncomingNumbers1796189931197,
  PublicApplications1796190010017,
  Contributions1796189951874,
  NameInitialKeys1796192000000,
];
