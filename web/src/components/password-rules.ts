// The server's password rule (src/platform/auth/passwords.ts), checked as one types so the form says
// the same as the API before anything is sent.
export type PasswordCheck = { length: boolean; classes: boolean; username: boolean; classCount: number };

export function checkPassword(password: string, username: string): PasswordCheck {
  const classCount = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return {
    length: password.length >= 10 && password.length <= 128,
    classes: classCount >= 3,
    username: !username || !password.toLowerCase().includes(username.toLowerCase()),
    classCount,
  };
}

export function isStrongPassword(password: string, username: string): boolean {
  const check = checkPassword(password, username);
  return check.length && check.classes && check.username;
}

export type Strength = "weak" | "fair" | "good" | "strong";

export function passwordStrength(password: string, username: string): { level: Strength; percent: number } {
  if (!isStrongPassword(password, username)) {
    return { level: "weak", percent: Math.min(30, password.length * 3) };
  }
  const { classCount } = checkPassword(password, username);
  if (password.length >= 14 && classCount === 4) return { level: "strong", percent: 100 };
  if (password.length >= 12) return { level: "good", percent: 75 };
  return { level: "fair", percent: 55 };
}
