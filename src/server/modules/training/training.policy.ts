import { capabilities } from '../../../shared/auth/roles.ts'

/** Who may call the training routes (docs/training/, « Access »): role lists from roles.ts only. */
export const trainingPolicy = {
  /** the catalogue and its sessions' places left */
  catalogue: capabilities.trainingCatalogue,
  /** a person's prescriptions, on the files the reader sees (the training officer: the structure's) */
  read: capabilities.trainingPrescriptions,
  /** the counsellor's prescription form, filing again, cancelling */
  prescribe: capabilities.trainingPrescribe,
  /** the department's decisions, convocations and worklist */
  manage: capabilities.trainingManage,
  wholeStructure: capabilities.trainingWholeStructure,
  /** bodies, actions, sessions, imports, partner accounts */
  setup: capabilities.trainingSetup,
  /** a training body's own portal */
  bodyPortal: capabilities.trainingBodyPortal,
  fundRead: capabilities.profFundRead,
  fundManage: capabilities.profFundManage,
} as const
