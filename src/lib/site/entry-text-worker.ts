/** Worker thread for entryTextFacts (entry-text.ts): receives the entries as workerData, posts the facts back. */
import { parentPort, workerData } from 'node:worker_threads';
import { entryTextFacts, type TextInput } from './entry-text.ts';

// workerData is this thread's own copy: its bodies can go once read.
parentPort?.postMessage(entryTextFacts(workerData as TextInput[], { dropBodies: true }));
