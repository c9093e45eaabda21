import { allRoles, Permission, Role, rolePermissions } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { authorize, caseScope, type Actor, type CaseFacts, type CaseStage } from './access-policy.js';

const actors: Record<Role, Actor> = {
  [Role.Admin]: { id: 'admin', role: Role.Admin, regionCode: null, archiveCode: null },
  [Role.Secretary]: { id: 'secretary', role: Role.Secretary, regionCode: null, archiveCode: null },
  [Role.WgMember]: { id: 'member-alm', role: Role.WgMember, regionCode: 'ALM', archiveCode: null },
  [Role.WgLead]: { id: 'lead-alm', role: Role.WgLead, regionCode: 'ALM', archiveCode: null },
  [Role.ArchiveLiaison]: { id: 'liaison-spec', role: Role.ArchiveLiaison, regionCode: null, archiveCode: 'SPEC-MVD' },
  [Role.CommissionMember]: { id: 'commission-member', role: Role.CommissionMember, regionCode: null, archiveCode: null },
  [Role.Chair]: { id: 'chair', role: Role.Chair, regionCode: null, archiveCode: null },
  [Role.Auditor]: { id: 'auditor', role: Role.Auditor, regionCode: null, archiveCode: null },
};

const facts = (regionCode: string, stage: CaseStage, archiveCodes: string[] = []): CaseFacts => ({ regionCode, stage, archiveCodes });

describe('access policy: permissions of each role', () => {
  for (const role of allRoles) {
    for (const permission of Object.values(Permission)) {
      const expected = rolePermissions[role].includes(permission);
      it(`${expected ? 'allows' : 'denies'} ${role} ${permission}`, () => {
        const decision = authorize(actors[role], permission);
        expect(decision.allowed).toBe(expected);
        if (!decision.allowed) {
          expect(decision.conceal).toBe(false);
          expect(decision.reason).toBe(`the role ${role} does not have the permission ${permission}`);
        }
      });
    }
  }

  it('gives the auditor every read and no write', () => {
    const sut = rolePermissions[Role.Auditor];
    expect(sut.every((permission) => permission.endsWith('.read'))).toBe(true);
    expect(sut).toContain(Permission.AuditRead);
  });
});

describe('access policy: which cases each role sees', () => {
  // [role, case facts, visible]
  const table: Array<[Role, CaseFacts, boolean]> = [
    [Role.Secretary, facts('ZHA', 'working'), true],
    [Role.Auditor, facts('ZHA', 'closed'), true],
    [Role.WgMember, facts('ALM', 'working'), true],
    [Role.WgMember, facts('ZHA', 'working'), false],
    [Role.WgLead, facts('ZHA', 'commission'), false],
    [Role.WgLead, facts('ALM', 'closed'), true],
    [Role.CommissionMember, facts('ALM', 'working'), false],
    [Role.CommissionMember, facts('ALM', 'commission'), true],
    [Role.Chair, facts('ZHA', 'closed'), true],
  ];
  for (const [role, caseFacts, visible] of table) {
    it(`${visible ? 'shows' : 'conceals'} a ${caseFacts.stage} case of ${caseFacts.regionCode}${caseFacts.archiveCodes.length ? ` asked of ${caseFacts.archiveCodes}` : ''} to ${role}`, () => {
      const decision = authorize(actors[role], Permission.CasesRead, { type: 'case', ...caseFacts });
      expect(decision.allowed).toBe(visible);
      if (!decision.allowed) expect(decision.conceal).toBe(true);
    });
  }

  it('conceals a Zhambyl case from an Almaty member and says why', () => {
    const decision = authorize(actors[Role.WgMember], Permission.CasesUpdate, { type: 'case', ...facts('ZHA', 'working') });
    expect(decision).toEqual({ allowed: false, conceal: true, reason: 'case is outside the scope of a wg_member of region ALM' });
  });

  it('lets an admin see no case at all', () => {
    expect(caseScope(actors[Role.Admin])).toEqual({ kind: 'none' });
    expect(authorize(actors[Role.Admin], Permission.CasesRead, { type: 'case', ...facts('ALM', 'working') }).allowed).toBe(false);
  });

  it('gives a liaison no case file: what they see of a case comes with the request addressed to them', () => {
    expect(authorize(actors[Role.ArchiveLiaison], Permission.CasesRead, { type: 'case', ...facts('ALM', 'working', ['SPEC-MVD']) })).toMatchObject({
      allowed: false,
      conceal: false,
    });
  });

  it('gives a working-group user without a region no case', () => {
    const stray: Actor = { ...actors[Role.WgMember], regionCode: null };
    expect(caseScope(stray)).toEqual({ kind: 'none' });
  });
});

describe('access policy: archive requests', () => {
  const request = (archiveCode: string, regionCode = 'ZHA') => ({ type: 'archive_request' as const, archiveCode, case: facts(regionCode, 'working', [archiveCode]) });

  it('shows a liaison the requests addressed to their archive', () => {
    expect(authorize(actors[Role.ArchiveLiaison], Permission.ArchiveRequestsAnswer, request('SPEC-MVD')).allowed).toBe(true);
  });

  it("conceals another archive's requests from a liaison", () => {
    expect(authorize(actors[Role.ArchiveLiaison], Permission.ArchiveRequestsRead, request('APRK'))).toMatchObject({ allowed: false, conceal: true });
  });

  it('shows a working group the requests of its region only', () => {
    expect(authorize(actors[Role.WgMember], Permission.ArchiveRequestsCreate, request('APRK', 'ALM')).allowed).toBe(true);
    expect(authorize(actors[Role.WgMember], Permission.ArchiveRequestsRead, request('APRK', 'ZHA')).allowed).toBe(false);
  });

  it('never lets a working group answer a request of its own region', () => {
    expect(authorize(actors[Role.WgMember], Permission.ArchiveRequestsAnswer, request('APRK', 'ALM'))).toMatchObject({ allowed: false, conceal: false });
  });
});

describe('access policy: four eyes', () => {
  const conclusionBy = (authorId: string) => ({ type: 'conclusion' as const, authorId, case: facts('ALM', 'commission') });

  it('refuses a lead signing a conclusion they drafted', () => {
    const lead = actors[Role.WgLead];
    expect(authorize(lead, Permission.ConclusionsSign, conclusionBy(lead.id))).toEqual({
      allowed: false,
      conceal: false,
      reason: 'you drafted this conclusion: another lead of the region must sign it (four eyes)',
    });
    expect(authorize(lead, Permission.ConclusionsSign, conclusionBy('member-alm')).allowed).toBe(true);
  });

  it('refuses a vote by the author of the conclusion', () => {
    const member = actors[Role.CommissionMember];
    expect(authorize(member, Permission.CommissionVote, conclusionBy(member.id))).toMatchObject({ allowed: false, conceal: false });
    expect(authorize(member, Permission.CommissionVote, conclusionBy('member-alm')).allowed).toBe(true);
  });

  it('refuses an uploader verifying their own evidence', () => {
    const member = actors[Role.WgMember];
    const evidence = (uploaderId: string) => ({ type: 'evidence' as const, uploaderId, archiveCode: 'SPEC-MVD', case: facts('ALM', 'working', ['SPEC-MVD']) });
    expect(authorize(member, Permission.EvidenceVerify, evidence(member.id))).toMatchObject({ allowed: false, conceal: false, reason: expect.stringContaining('four eyes') });
    expect(authorize(member, Permission.EvidenceVerify, evidence('liaison-spec')).allowed).toBe(true);
  });

  it("shows a liaison only their own archive's evidence", () => {
    const liaison = actors[Role.ArchiveLiaison];
    const evidence = (archiveCode: string | null) => ({ type: 'evidence' as const, uploaderId: 'x', archiveCode, case: facts('ALM', 'working', ['SPEC-MVD']) });
    expect(authorize(liaison, Permission.EvidenceRead, evidence('SPEC-MVD')).allowed).toBe(true);
    expect(authorize(liaison, Permission.EvidenceRead, evidence(null)).allowed).toBe(false);
  });

  it('conceals conclusions from liaisons', () => {
    expect(authorize(actors[Role.ArchiveLiaison], Permission.ConclusionsDraft, conclusionBy('x'))).toMatchObject({ allowed: false, conceal: true });
  });

  it('conceals what is out of scope before it looks at the permission, so a 403 never tells that a record exists', () => {
    const elsewhere = { type: 'archive_request' as const, archiveCode: 'APRK', case: facts('ZHA', 'working', ['APRK']) };
    expect(authorize(actors[Role.WgMember], Permission.ArchiveRequestsAnswer, elsewhere)).toMatchObject({ allowed: false, conceal: true });
  });
});
