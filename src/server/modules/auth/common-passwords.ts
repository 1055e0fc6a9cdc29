import { dictionary } from '@zxcvbn-ts/language-common'

// The 49 000 most common passwords (zxcvbn-ts list) plus the French ones a user here would try first.
const french = ['motdepasse123', 'motdepasse1234', 'azertyuiop123', 'azerty123456', 'missionlocale', 'jalonjalon12']
export const commonPasswords = new Set<string>([...(dictionary['passwords-common'] as string[]), ...french])
