import { createContext } from '@lit/context';
import type { ApiClient } from './client.js';

/** The API client for a subtree; the app shell provides it. */
export const apiContext = createContext<ApiClient>(Symbol('one-api'));
