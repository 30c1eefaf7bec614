// 简体中文 — the console's default language: the texts of the frame every page shares (navigation,
// common buttons, statuses). Each page folder keeps its own texts beside its pages (setup.ts merges
// them). en-us.ts must have every key (the compiler checks).
export const zhCN = {
  common: {
    appName: "小贷通",
    appNameEn: "MicroCredit",
    save: "保存",
    cancel: "取消",
    confirm: "确定",
    create: "新建",
    edit: "编辑",
    delete: "删除",
    search: "查询",
    reset: "重置",
    refresh: "刷新",
    actions: "操作",
    close: "关闭",
    copy: "复制",
    copied: "已复制",
    backHome: "返回工作台",
    signIn: "登录",
    all: "全部",
    total: "共 {{total}} 条",
    yes: "是",
    no: "否",
    none: "—",
    exportCsv: "导出 Excel (CSV)",
    exportExcel: "导出 Excel",
    downloadChartData: "下载图表数据（CSV）",
    exported: "已导出 {{count}} 行",
    saved: "已保存",
    loadFailed: "加载失败：{{message}}",
    retry: "重试",
    viewAll: "查看全部",
    required: "必填",
    listSeparator: "、",
    people: "{{count}} 人",
  },
  errors: {
    network: "无法连接服务器，请检查网络后重试",
    http: "请求失败（HTTP {{status}}）",
  },
  lang: {
    label: "语言",
    "zh-CN": "简体中文",
    "en-US": "English",
  },
  menu: {
    groups: {
      workbench: "工作台",
      customers: "客户",
      loans: "贷款",
      marketing: "营销",
      hr: "人事薪酬",
      finance: "财务",
      system: "系统管理",
      compliance: "合规审计",
      tools: "工具",
    },
    home: "工作台",
    calculator: "贷款计算器",
    users: "用户管理",
    roles: "角色权限",
    audit: "审计日志",
    password: "修改密码",
    descriptions: {
      home: "今日概览与常用入口",
      calculator: "测算还款计划与年化利率（APR）",
      users: "账号、角色分配、解锁与重置密码",
      roles: "角色的权限与数据范围",
      audit: "查询操作留痕，校验审计链完整性",
      password: "定期更换登录密码",
    },
    navigation: "主菜单",
    collapse: "收起菜单",
    expand: "展开菜单",
  },
  header: {
    roles: "角色",
    dataScope: "数据范围",
    dataScopeLine: "数据范围：{{scope}}",
  },
  dataScope: {
    own: "本人",
    team: "本团队",
    org: "营销条线",
    all: "全公司",
  },
  dataScopeHelp: {
    own: "只看自己名下的客户与业务",
    team: "本人及直属团队成员的数据",
    org: "整个营销条线的数据",
    all: "全公司的数据",
  },
  status: {
    active: "正常",
    disabled: "停用",
    locked: "已锁定",
  },
  validation: {
    username: "用户名须为 3–32 位小写字母、数字、点、下划线或连字符",
    displayName: "请输入姓名（最多 64 字）",
    maxLength: "最多 {{max}} 个字符",
    weakPassword: "密码至少 10 位,且须包含大写字母、小写字母、数字和符号中的三类,不能包含用户名",
    roleKey: "角色代码须以小写字母开头，2–32 位小写字母、数字或连字符",
  },
};

export type DeepStrings<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? DeepStrings<U>[]
    : { [K in keyof T]: DeepStrings<T[K]> };

export type Translation = DeepStrings<typeof zhCN>;
