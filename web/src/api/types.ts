// Shapes of the API's answers, as the console reads them.
export type DataScope = "own" | "team" | "org" | "all";

export type SessionUser = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  // Not in /auth/me yet; shown when the server starts sending them.
  departmentId?: number | null;
  departmentName?: string | null;
  title?: string | null;
};

export type Me = {
  user: SessionUser;
  permissions: string[];
  dataScope: DataScope;
  sessionIdleMinutes: number;
};

export type LoginResponse = {
  user: { id: string; username: string; displayName: string; roles: string[]; mustChangePassword?: boolean };
};

export type UserStatus = "active" | "disabled";

export type User = {
  id: string;
  username: string;
  displayName: string;
  status: UserStatus;
  roles: string[];
  departmentId: number | null;
  departmentName: string | null;
  managerId: string | null;
  title: string | null;
  locked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export type Page<T> = { items: T[]; total: number };

export type Role = {
  key: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  dataScope: DataScope;
  builtIn: boolean;
  userCount: number;
};

export type PermissionInfo = { key: string; nameZh: string; nameEn: string };

export type Department = {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  parentId: number | null;
  sortOrder: number;
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type AuditEvent = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: JsonValue;
  after: JsonValue;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
  hash: string;
};

export type ChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number | string; reason: string };

export type RepaymentMethod = "equal-installment" | "equal-principal" | "interest-only" | "bullet" | "flat";

export type ScheduleRequest = {
  principal: string;
  annualRate: string;
  termMonths: number;
  method: RepaymentMethod;
  startDate?: string;
  upfrontFee?: string;
};

export type Installment = {
  period: number;
  dueDate: string;
  principal: string;
  interest: string;
  fee: string;
  total: string;
  remainingPrincipal: string;
};

export type Schedule = {
  method: RepaymentMethod;
  principal: string;
  annualRate: string;
  termMonths: number;
  installments: Installment[];
  totals: { principal: string; interest: string; fee: string; total: string };
  apr: string;
};
