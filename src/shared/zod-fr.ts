import { z } from 'zod'
import { fr } from 'zod/v4/locales'

// Validation messages in French, on the server and in the browser alike.
z.config(fr())
