// The demo company of the seed's business plan: its departments and its people. Usernames equal to
// a role key (gm, risk, …) are the demo sign-ins of API.md; everyone else has a pinyin username.
export type DemoDepartment = { code: string; nameZh: string; nameEn: string; parent?: string };

export const DEMO_DEPARTMENTS: DemoDepartment[] = [
  { code: "GMO", nameZh: "总经理办公室", nameEn: "General management" },
  { code: "RISK", nameZh: "风险管理部", nameEn: "Risk management" },
  { code: "FIN", nameZh: "财务部", nameEn: "Finance" },
  { code: "MKT", nameZh: "营销部", nameEn: "Marketing" },
  { code: "MKT-1", nameZh: "营销一队", nameEn: "Sales team 1", parent: "MKT" },
  { code: "MKT-2", nameZh: "营销二队", nameEn: "Sales team 2", parent: "MKT" },
  { code: "MKT-3", nameZh: "营销三队", nameEn: "Sales team 3", parent: "MKT" },
  { code: "MKT-4", nameZh: "营销四队", nameEn: "Sales team 4", parent: "MKT" },
  { code: "MKT-5", nameZh: "营销五队", nameEn: "Sales team 5", parent: "MKT" },
  { code: "TEL", nameZh: "电销中心", nameEn: "Telemarketing" },
  { code: "TEL-1", nameZh: "电销一组", nameEn: "Telemarketing group 1", parent: "TEL" },
  { code: "TEL-2", nameZh: "电销二组", nameEn: "Telemarketing group 2", parent: "TEL" },
  { code: "LOAN", nameZh: "业务管理部", nameEn: "Loan administration" },
  { code: "SVC", nameZh: "客户服务部", nameEn: "Customer service" },
  { code: "HR", nameZh: "人力资源部", nameEn: "Human resources" },
  { code: "CMP", nameZh: "合规审计部", nameEn: "Compliance and audit" },
  { code: "IT", nameZh: "信息技术部", nameEn: "IT" },
];

export type DemoPerson = {
  username: string;
  displayName: string;
  roles: string[];
  department: string;
  title: string;
  manager?: string;
};

// Chinese names with their pinyin, enough for the 31-person sales team and an 18-person floor.
const NAMES: [string, string][] = [
  ["李建国", "lijianguo"],
  ["王秀英", "wangxiuying"],
  ["张伟", "zhangwei"],
  ["刘洋", "liuyang"],
  ["陈静", "chenjing"],
  ["杨帆", "yangfan"],
  ["赵磊", "zhaolei"],
  ["黄丽", "huangli"],
  ["周杰", "zhoujie"],
  ["吴敏", "wumin"],
  ["徐强", "xuqiang"],
  ["孙婷", "sunting"],
  ["胡军", "hujun"],
  ["朱琳", "zhulin"],
  ["高峰", "gaofeng"],
  ["林慧", "linhui"],
  ["何勇", "heyong"],
  ["郭芳", "guofang"],
  ["马超", "machao"],
  ["罗娜", "luona"],
  ["梁斌", "liangbin"],
  ["宋佳", "songjia"],
  ["郑浩", "zhenghao"],
  ["谢颖", "xieying"],
  ["韩冰", "hanbing"],
  ["唐亮", "tangliang"],
  ["冯雪", "fengxue"],
  ["于波", "yubo"],
  ["董倩", "dongqian"],
  ["萧然", "xiaoran"],
  ["程刚", "chenggang"],
  ["曹蕾", "caolei"],
  ["袁鹏", "yuanpeng"],
  ["邓洁", "dengjie"],
  ["许晨", "xuchen"],
  ["傅宇", "fuyu"],
  ["沈悦", "shenyue"],
  ["曾凯", "zengkai"],
  ["彭琪", "pengqi"],
  ["吕楠", "lvnan"],
  ["苏畅", "suchang"],
  ["卢鑫", "luxin"],
  ["蒋欣", "jiangxin"],
  ["蔡明", "caiming"],
  ["贾璐", "jialu"],
  ["丁浩然", "dinghaoran"],
  ["魏晓", "weixiao"],
  ["薛莉", "xueli"],
  ["叶辉", "yehui"],
  ["阎涛", "yantao"],
  ["余菲", "yufei"],
  ["潘越", "panyue"],
  ["杜鹃", "dujuan"],
  ["戴维", "daiwei"],
  ["夏雨", "xiayu"],
  ["钟华", "zhonghua"],
  ["汪洋", "wangyang"],
  ["田甜", "tiantian"],
  ["任杰", "renjie"],
  ["姜楠", "jiangnan"],
  ["范伟", "fanwei"],
  ["方圆", "fangyuan"],
  ["石磊", "shilei"],
  ["姚远", "yaoyuan"],
  ["谭静", "tanjing"],
];

export function buildDemoPeople(): DemoPerson[] {
  let next = 0;
  const take = () => NAMES[next++];
  const people: DemoPerson[] = [];
  const named = (username: string, roles: string[], department: string, title: string, manager?: string) => {
    const [displayName] = take();
    people.push({ username, displayName, roles, department, title, manager });
  };
  const person = (roles: string[], department: string, title: string, manager?: string) => {
    const [displayName, username] = take();
    people.push({ username, displayName, roles, department, title, manager });
    return username;
  };

  named("gm", ["gm"], "GMO", "总经理");
  named("risk", ["risk"], "RISK", "风险评估师", "gm");
  named("finance", ["finance"], "FIN", "财务主管", "gm");
  named("sales-director", ["sales-director"], "MKT", "营销总监", "gm");
  // Five teams of one manager and five customer managers: the seed's 31-person marketing team.
  for (let team = 1; team <= 5; team++) {
    const manager =
      team === 1
        ? (named("team-manager", ["team-manager"], "MKT-1", "团队经理", "sales-director"), "team-manager")
        : person(["team-manager"], `MKT-${team}`, "团队经理", "sales-director");
    for (let i = 1; i <= 5; i++) {
      if (team === 1 && i === 1)
        named("customer-manager", ["customer-manager"], "MKT-1", "客户经理", manager);
      else person(["customer-manager"], `MKT-${team}`, "客户经理", manager);
    }
  }
  // Telemarketing floor: 18 people in two groups, each with its leader.
  for (let group = 1; group <= 2; group++) {
    const leader =
      group === 1
        ? (named("tele-leader", ["tele-leader"], "TEL-1", "电销组长", "sales-director"), "tele-leader")
        : person(["tele-leader"], "TEL-2", "电销组长", "sales-director");
    for (let i = 1; i <= 8; i++) {
      if (group === 1 && i === 1) named("telemarketer", ["telemarketer"], "TEL-1", "电销专员", leader);
      else person(["telemarketer"], `TEL-${group}`, "电销专员", leader);
    }
  }
  named("loan-admin", ["loan-admin"], "LOAN", "业务管理员", "gm");
  person(["loan-admin"], "LOAN", "业务管理员", "gm");
  named("service", ["service"], "SVC", "客服专员", "gm");
  person(["service"], "SVC", "客服专员", "gm");
  named("hr", ["hr"], "HR", "人事专员", "gm");
  named("compliance", ["compliance"], "CMP", "合规审计专员", "gm");
  named("admin", ["admin"], "IT", "系统管理员", "gm");
  return people;
}
